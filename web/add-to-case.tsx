/** "Add to case": pick an open case or name a new one; the item is added there (analysts). */
import { useState } from "preact/hooks";
import { href } from "./router.js";
import { useData, useSession } from "./ui.js";

interface CaseSummary {
  case_id: string;
  title: string;
  status: string;
}

export function AddToCase({ kind, refId, label }: { kind: string; refId: string; label: string }) {
  const { api, me } = useSession();
  const cases = useData<{ cases: CaseSummary[] }>(
    me.user.role === "viewer" ? null : "/api/cases?status=open",
  );
  const [target, setTarget] = useState("");
  const [title, setTitle] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (me.user.role === "viewer") return null;
  const open = cases.data?.cases ?? [];
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      let id = target || open[0]?.case_id || "";
      if (id === "" || id === "new") {
        const c = await api.send<{ case_id: string }>("POST", "/api/cases", {
          title: title || `Case on ${label}`,
        });
        id = c.case_id;
      }
      await api.send("POST", `/api/cases/${encodeURIComponent(id)}/items`, {
        items: [{ kind, ref: refId }],
      });
      setDone(id);
      cases.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="add-case" onSubmit={submit} aria-label={`Add ${label} to a case`}>
      <label>
        Case
        <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          {open.map((c) => (
            <option key={c.case_id} value={c.case_id}>
              {c.case_id}: {c.title}
            </option>
          ))}
          <option value="new">a new case…</option>
        </select>
      </label>
      {(target === "new" || open.length === 0) && (
        <label>
          New case title
          <input
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            placeholder={`Case on ${label}`}
          />
        </label>
      )}
      <button type="submit">Add {kind} to case</button>
      {done && (
        <span role="status">
          Added to <a href={href(["case", done])}>{done}</a>.
        </span>
      )}
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
