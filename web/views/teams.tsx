/**
 * Sponsors and their teams: sponsor names in every script with pinyin and an English gloss, the
 * cohorts as a table, and rotation timelines (who crossed, when, per sponsor or team) against
 * the deadline.
 */
import { type TimelineRow, timelineHeight, timelineOption } from "./chart-options.js";
import { ChartView, langOf, Ref, useLinks } from "./context.js";
import type { CohortTableRow, SponsorNamesRow } from "./types.js";

export function SponsorNames({ sponsors }: { sponsors: SponsorNamesRow[] }) {
  const links = useLinks();
  return (
    <ul class="cards sponsor-names">
      {sponsors.map((s) => (
        <li key={s.sponsor}>
          <Ref to={links.sponsor(s.sponsor)} lang={langOf(s.sponsor)}>
            {s.sponsor}
          </Ref>
          {s.pinyin && <div>Pinyin: {s.pinyin}</div>}
          {s.gloss && <div>Gloss: {s.gloss}</div>}
          <div>
            Every spelling:{" "}
            {s.names.map((n, i) => (
              <span key={n} lang={langOf(n)}>
                {i > 0 && " · "}
                {n}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

const ROLE_COLUMNS = [
  ["core", "Core"],
  ["replacements", "Replacements"],
  ["first_timers", "First-timers"],
] as const;

export function CohortTable({ rows, caption }: { rows: CohortTableRow[]; caption: string }) {
  const links = useLinks();
  const roles = rows.some((r) => r.core !== undefined);
  return (
    <div class="table-wrap">
      <table class="cohorts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">Kind</th>
            <th scope="col" class="num">
              Members
            </th>
            {roles &&
              ROLE_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" class="num">
                  {label}
                </th>
              ))}
            <th scope="col">Ports</th>
            <th scope="col">Sponsors</th>
            <th scope="col">Seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.cohort_id}>
              <td>
                <Ref to={links.cohort(c.cohort_id)}>{c.cohort_id}</Ref>
              </td>
              <td>{c.kind}</td>
              <td class="num">{c.members}</td>
              {roles &&
                ROLE_COLUMNS.map(([key]) => (
                  <td key={key} class="num">
                    {c[key] ?? ""}
                  </td>
                ))}
              <td>{c.ports.join(", ")}</td>
              <td>
                {c.sponsors.map((s, i) => (
                  <span key={s} lang={langOf(s)}>
                    {i > 0 && "; "}
                    {s}
                  </span>
                ))}
              </td>
              <td class="nowrap">
                {c.first_seen ?? ""} – {c.last_seen ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Crossing days per row (a sponsor's teams, a team, a direction), bubbles sized by persons. */
export function RotationTimeline({
  id,
  title,
  rows,
  deadline,
}: {
  id: string;
  title: string;
  rows: TimelineRow[];
  deadline: string | null;
}) {
  if (rows.length === 0) return null;
  return (
    <ChartView
      id={id}
      title={title}
      label={`${title}: ${rows.map((r) => r.label).join("; ")}${deadline ? `, with the deadline ${deadline}` : ""}`}
      height={timelineHeight(rows.length)}
      option={timelineOption(rows, deadline)}
    />
  );
}
