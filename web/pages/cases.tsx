import { useEffect, useState } from "preact/hooks";
import { href } from "../router.js";
import { Page, Status, useData, useSession } from "../ui.js";

interface CaseSummary {
  case_id: string;
  title: string;
  status: string;
  assignee: string | null;
  created_by: string;
  updated_at: string;
  items: number;
}

interface Case extends CaseSummary {
  entities: { kind: string; ref: string; added_by: string; added_at: string }[];
  notes: { note_id: number; author: string; body: string; created_at: string }[];
}

interface Job {
  job_id: string;
  status: string;
  error: string | null;
  result: { files?: { path: string; sha256: string; bytes: number }[]; masked?: boolean } | null;
}

export function CasesPage() {
  const { api, me } = useSession();
  const cases = useData<{ cases: CaseSummary[] }>("/api/cases");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      await api.send("POST", "/api/cases", { title });
      setTitle("");
      cases.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Page title="Cases">
      {me.user.role !== "viewer" && (
        <form onSubmit={create} aria-label="Open a case">
          <label>
            New case title
            <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <button type="submit">Open case</button>
          {error && <span role="alert">{error}</span>}
        </form>
      )}
      <Status loaded={cases}>
        {(d) => (
          <table>
            <caption>Cases</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
                <th scope="col" class="num">
                  Items
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {d.cases.map((c) => (
                <tr key={c.case_id}>
                  <td>
                    <a href={href(["case", c.case_id])}>{c.case_id}</a>
                  </td>
                  <td>{c.title}</td>
                  <td>{c.status}</td>
                  <td>{c.assignee ?? "—"}</td>
                  <td class="num">{c.items}</td>
                  <td>{c.updated_at}</td>
                </tr>
              ))}
              {d.cases.length === 0 && (
                <tr>
                  <td colSpan={6}>No cases yet.</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </Status>
    </Page>
  );
}

const ITEM_PAGE: Record<string, (ref: string) => string> = {
  person: (r) => href(["person", r]),
  cohort: (r) => href(["cohort", r]),
  sponsor: (r) => href(["sponsor", r]),
  alert: (r) => href(["alerts"], { id: r }),
  claim: () => "#/evidence",
};

export function CasePage({ id }: { id: string }) {
  const { api, me } = useSession();
  const loaded = useData<Case>(`/api/cases/${encodeURIComponent(id)}`);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const analyst = me.user.role !== "viewer";
  const addNote = async (e: Event) => {
    e.preventDefault();
    try {
      await api.send("POST", `/api/cases/${encodeURIComponent(id)}/notes`, { body: note });
      setNote("");
      loaded.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Page title={`Case ${id}`}>
      <Status loaded={loaded}>
        {(c) => (
          <>
            <p>
              <strong>{c.title}</strong> · {c.status} · assignee {c.assignee ?? "none"} · opened by{" "}
              {c.created_by}
            </p>
            <h2>Items</h2>
            <ul>
              {c.entities.map((e) => (
                <li key={e.kind + e.ref}>
                  {e.kind} <a href={(ITEM_PAGE[e.kind] ?? (() => "#/"))(e.ref)}>{e.ref}</a>, added
                  by {e.added_by} on {e.added_at}
                </li>
              ))}
              {c.entities.length === 0 && (
                <li>No items: add persons, teams or sponsors from their pages.</li>
              )}
            </ul>
            <h2>Notes</h2>
            <ul class="cards">
              {c.notes.map((n) => (
                <li key={n.note_id}>
                  <p>{n.body}</p>
                  <small>
                    {n.author}, {n.created_at}
                  </small>
                </li>
              ))}
            </ul>
            {analyst && (
              <form onSubmit={addNote} aria-label="Add a note">
                <label>
                  Note
                  <textarea required value={note} onInput={(e) => setNote(e.currentTarget.value)} />
                </label>
                <button type="submit">Add note</button>
                {error && <span role="alert">{error}</span>}
              </form>
            )}
            {analyst && <ExportPack id={id} />}
          </>
        )}
      </Status>
    </Page>
  );
}

function ExportPack({ id }: { id: string }) {
  const { api } = useSession();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!job || job.status === "succeeded" || job.status === "failed") return;
    const t = setTimeout(async () => {
      try {
        setJob(await api.get<Job>(`/api/jobs/${job.job_id}`));
      } catch (err) {
        setError((err as Error).message);
      }
    }, 500);
    return () => clearTimeout(t);
  }, [api, job]);
  const start = async () => {
    setError(null);
    try {
      setJob(await api.send<Job>("POST", `/api/cases/${encodeURIComponent(id)}/export`));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Evidence pack</h2>
      <button
        type="button"
        onClick={start}
        disabled={!!job && job.status !== "succeeded" && job.status !== "failed"}
      >
        Export the pack (masked)
      </button>
      <p aria-live="polite">
        {job && `Export job ${job.job_id}: ${job.status}`}
        {job?.error && ` — ${job.error}`}
      </p>
      {error && <p role="alert">{error}</p>}
      {job?.status === "succeeded" && (
        <ul class="files">
          {(job.result?.files ?? []).map((f) => (
            <li key={f.path}>
              <a href={`/api/jobs/${job.job_id}/files?path=${encodeURIComponent(f.path)}`} download>
                {f.path}
              </a>{" "}
              ({f.bytes.toLocaleString("en-GB")} bytes, SHA-256 {f.sha256.slice(0, 12)}…)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
