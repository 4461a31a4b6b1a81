import { withQuery } from "../api.js";
import { MaskNote, Page, Status, unmaskQuery, useData, useSession } from "../ui.js";

type Row = Record<string, unknown>;

function Rows({ rows, caption, columns }: { rows: Row[]; caption: string; columns: string[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c.replace(/_/g, " ")}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{r[c] === null || r[c] === undefined ? "—" : String(r[c])}</td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length}>None.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function DataPage() {
  const { unmasked } = useSession();
  const runs = useData<{ runs: Row[] }>("/api/runs");
  const rejects = useData<{ rejects: Row[] }>(withQuery("/api/rejects", unmaskQuery(unmasked)));
  const jobs = useData<{ jobs: Row[] }>("/api/jobs");
  return (
    <Page title="Data">
      <h2>Ingest runs</h2>
      <Status loaded={runs}>
        {(d) => (
          <Rows
            rows={d.runs}
            caption="Files loaded, with what was read, loaded, rejected and why"
            columns={[
              "run_id",
              "file",
              "sha256",
              "source",
              "status",
              "started",
              "read",
              "loaded",
              "duplicates",
              "rejected",
              "warnings",
              "error",
            ]}
          />
        )}
      </Status>
      <h2>Rejected rows</h2>
      <MaskNote />
      <Status loaded={rejects}>
        {(d) => (
          <Rows
            rows={d.rejects}
            caption="Rows not loaded, by file and line, with the reason"
            columns={Object.keys(d.rejects[0] ?? { run_id: 1, line: 1, column_name: 1, reason: 1 })}
          />
        )}
      </Status>
      <h2>Jobs</h2>
      <Status loaded={jobs}>
        {(d) => (
          <Rows
            rows={d.jobs}
            caption="Jobs run on the server"
            columns={[
              "job_id",
              "kind",
              "status",
              "created_by",
              "created_at",
              "finished_at",
              "error",
            ]}
          />
        )}
      </Status>
    </Page>
  );
}
