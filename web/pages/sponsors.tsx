import { AddToCase } from "../add-to-case.js";
import { Chart } from "../chart.js";
import { href } from "../router.js";
import { fmt, Page, Status, useData } from "../ui.js";
import { langOf } from "../views/context.js";
import { CohortTable, SponsorNames } from "../views/teams.js";

interface Sponsor {
  sponsor: string;
  gloss: string | null;
  pinyin: string | null;
  names: string[];
  persons: number;
  likely_workers: number;
  teams: number | string;
  team_ids: string[];
  first_seen: string | null;
  last_seen: string | null;
  workers_after_deadline: number;
  status: string;
  by_month: string | { month: string; workers: number }[];
}

interface CohortRow {
  cohort_id: string;
  kind: string;
  ports: string[];
  sponsors: string[];
  first_seen: string;
  last_seen: string;
  members: number | string;
  core: number | string;
  replacements: number | string;
  first_timers: number | string;
}

export function SponsorsPage({ focus }: { focus: string | null }) {
  const sponsors = useData<{ sponsors: Sponsor[] }>("/api/sponsors");
  const cohorts = useData<{ cohorts: CohortRow[] }>("/api/cohorts");
  return (
    <Page title={focus ? `Sponsor ${focus}` : "Sponsors and teams"}>
      <Status loaded={sponsors}>
        {(d) => {
          const shown = focus ? d.sponsors.filter((s) => s.sponsor === focus) : d.sponsors;
          return (
            <>
              {focus && (
                <p>
                  <a href="#/sponsors">All sponsors</a>
                </p>
              )}
              {shown.map((s) => (
                <SponsorCard key={s.sponsor} s={s} />
              ))}
              {shown.length === 0 && <p>No such sponsor.</p>}
            </>
          );
        }}
      </Status>
      {!focus && (
        <Status loaded={cohorts}>
          {(d) => (
            <CohortTable
              caption="Cohorts (groups that cross together)"
              rows={d.cohorts.map((c) => ({
                ...c,
                members: Number(c.members),
                core: Number(c.core),
                replacements: Number(c.replacements),
                first_timers: Number(c.first_timers),
              }))}
            />
          )}
        </Status>
      )}
    </Page>
  );
}

function months(v: Sponsor["by_month"]): { month: string; workers: number }[] {
  if (Array.isArray(v)) return v;
  try {
    const parsed = JSON.parse(v);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function SponsorCard({ s }: { s: Sponsor }) {
  const m = months(s.by_month);
  return (
    <article class="sponsor" aria-labelledby={`sp-${s.sponsor}`}>
      <h2 id={`sp-${s.sponsor}`}>
        <a href={href(["sponsor", s.sponsor])} lang={langOf(s.sponsor)}>
          {s.sponsor}
        </a>
      </h2>
      <SponsorNames sponsors={[s]} />
      <p>
        {fmt(s.persons)} persons, {fmt(s.likely_workers)} likely workers, {s.workers_after_deadline}{" "}
        still crossing after the deadline ({s.status}); seen {s.first_seen} to {s.last_seen}. Teams:{" "}
        {s.team_ids.map((t, i) => (
          <span key={t}>
            {i > 0 && ", "}
            <a href={href(["cohort", t])}>{t}</a>
          </span>
        ))}
        {s.team_ids.length === 0 && "none"}.
      </p>
      <AddToCase kind="sponsor" refId={s.sponsor} label={`sponsor ${s.sponsor}`} />
      {m.length > 0 && (
        <Chart
          height={200}
          label={`Likely workers per month under ${s.sponsor}, ${m[0]?.month} to ${m.at(-1)?.month}`}
          option={{
            grid: { left: 50, right: 20, top: 20, bottom: 30 },
            xAxis: {
              type: "category",
              data: m.map((x) => x.month),
              axisLabel: { hideOverlap: true },
            },
            yAxis: { type: "value", name: "workers" },
            tooltip: { trigger: "axis" },
            series: [{ type: "bar", name: "likely workers", data: m.map((x) => x.workers) }],
          }}
        />
      )}
    </article>
  );
}
