/**
 * Alerts as a table: score, rule, subject (person or team), period, summary, the records cited
 * and the review status. The web app's queue adds selection for bulk review and keyboard moves
 * (↑/↓ or k/j, x or Space selects, Enter opens); the report adds the cited records under each.
 */
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import { Ref, useLinks } from "./context.js";
import type { AlertRow } from "./types.js";

export interface Selection {
  selected: Set<string>;
  toggle(id: string): void;
}

function onKey(e: KeyboardEvent, body: HTMLElement | null, selection: Selection | undefined) {
  const row = (e.target as HTMLElement).closest("tr");
  if (!row || !body) return;
  const rows = [...body.querySelectorAll<HTMLTableRowElement>(":scope > tr[data-id]")];
  const i = rows.indexOf(row as HTMLTableRowElement);
  const move = (j: number) => rows[Math.max(0, Math.min(rows.length - 1, j))]?.focus();
  if (e.key === "ArrowDown" || e.key === "j") move(i + 1);
  else if (e.key === "ArrowUp" || e.key === "k") move(i - 1);
  else if ((e.key === "x" || e.key === " ") && selection && e.target === row)
    selection.toggle(row.dataset.id ?? "");
  else if (e.key === "Enter" && e.target === row)
    row.querySelector<HTMLAnchorElement>("a")?.click();
  else return;
  e.preventDefault();
}

export function AlertTable({
  items,
  caption,
  selection,
  detail,
  describedBy,
}: {
  items: AlertRow[];
  caption: string;
  selection?: Selection;
  /** More about an alert, in a row of its own under it (the report's cited records). */
  detail?: (a: AlertRow) => ComponentChildren;
  describedBy?: string;
}) {
  const links = useLinks();
  const body = useRef<HTMLTableSectionElement>(null);
  const reviewed = items.some((a) => a.review !== undefined);
  const columns = 7 + (selection ? 1 : 0) + (reviewed ? 1 : 0);
  return (
    <div class="table-wrap">
      <table class="alerts" aria-describedby={describedBy}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {selection && <th scope="col">Select</th>}
            <th scope="col">Alert</th>
            <th scope="col" class="num">
              Score
            </th>
            <th scope="col">Rule</th>
            <th scope="col">Subject</th>
            <th scope="col">Period</th>
            <th scope="col">Summary</th>
            <th scope="col">Records</th>
            {reviewed && <th scope="col">Review</th>}
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={(e) => onKey(e, body.current, selection)}>
          {items.map((a) => [
            <tr
              key={a.alert_id}
              id={`alert-${a.alert_id}`}
              data-id={a.alert_id}
              tabIndex={selection || describedBy ? 0 : undefined}
              class={selection?.selected.has(a.alert_id) ? "selected" : undefined}
            >
              {selection && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`select alert ${a.alert_id}`}
                    checked={selection.selected.has(a.alert_id)}
                    onChange={() => selection.toggle(a.alert_id)}
                  />
                </td>
              )}
              <td class="mono">
                <Ref to={links.alert(a.alert_id)}>{a.alert_id}</Ref>
              </td>
              <td class="num">{a.score.toFixed(2)}</td>
              <td>{a.rule}</td>
              <td>
                {a.person_id && <Ref to={links.person(a.person_id)}>{a.person_id}</Ref>}
                {a.person_id && a.cohort_id && " · "}
                {a.cohort_id && <Ref to={links.cohort(a.cohort_id)}>{a.cohort_id}</Ref>}
              </td>
              <td class="nowrap">
                {a.period_start ?? ""} – {a.period_end ?? ""}
              </td>
              <td>{a.summary}</td>
              <td>
                {detail ? (
                  `${a.record_count ?? a.record_ids.length} records`
                ) : (
                  <details>
                    <summary>{a.record_count ?? a.record_ids.length} records</summary>
                    <span class="ids">{a.record_ids.join(", ")}</span>
                  </details>
                )}
              </td>
              {reviewed && (
                <td>
                  <span class={`badge ${a.review ?? "new"}`}>{a.review ?? "new"}</span>
                </td>
              )}
            </tr>,
            detail && (
              <tr key={`${a.alert_id}-detail`} class="alert-detail">
                <td colSpan={columns}>{detail(a)}</td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </div>
  );
}
