/**
 * Evidence: each claim from a graded source set beside what the records show for its place and
 * period, and the sources with their grade and the SHA-256 of the bytes they were read from.
 */
import { Ref, useLinks } from "./context.js";
import type { ClaimRow, SourceRow } from "./types.js";

export function ClaimsTable({ rows, caption }: { rows: ClaimRow[]; caption: string }) {
  const links = useLinks();
  const reading = rows.some((c) => c.reading);
  const organisation = rows.some((c) => c.organisation);
  return (
    <div class="table-wrap">
      <table class="claims">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Place</th>
            <th scope="col">Period</th>
            <th scope="col">Says</th>
            <th scope="col">Quote</th>
            {organisation && <th scope="col">Organisation</th>}
            <th scope="col">Source and grade</th>
            <th scope="col">Status</th>
            <th scope="col">The records show</th>
            {reading && <th scope="col">Reading</th>}
            <th scope="col">Corroboration</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.claim_id}>
              <td>
                #{c.claim_id} {c.kind}
              </td>
              <td>{c.place ?? "—"}</td>
              <td class="nowrap">{c.period || "—"}</td>
              <td>{c.says || "—"}</td>
              <td>
                <q>{c.quote}</q>
              </td>
              {organisation && <td>{c.organisation ?? ""}</td>}
              <td>
                {c.source}, grade {c.grade ?? "?"}
              </td>
              <td>{c.status}</td>
              <td>
                {c.records && c.place ? (
                  <Ref to={links.alerts({ place: c.place, sort: "score" })}>{c.records}</Ref>
                ) : (
                  (c.records ?? "—")
                )}
              </td>
              {reading && <td>{c.reading ?? ""}</td>}
              <td>{c.corroboration}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SourcesTable({ rows, caption }: { rows: SourceRow[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="sources-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Publisher</th>
            <th scope="col">Published</th>
            <th scope="col">Grade</th>
            <th scope="col">File (SHA-256)</th>
            <th scope="col" class="num">
              Claims
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.source_id}>
              <td>{s.title ?? `source ${s.source_id}`}</td>
              <td>{s.publisher ?? "—"}</td>
              <td>{s.published ?? "—"}</td>
              <td>{s.grade ?? "—"}</td>
              <td class="mono">
                {s.file ? `${s.file} ` : ""}({s.sha256.slice(0, 12)}…)
              </td>
              <td class="num">{s.claims}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
