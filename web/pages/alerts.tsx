import { useEffect, useRef, useState } from "preact/hooks";
import { withQuery } from "../api.js";
import { go, href } from "../router.js";
import { MaskNote, Page, unmaskQuery, useSession } from "../ui.js";

interface Alert {
  alert_id: string;
  rule: string;
  score: number;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string;
  period_end: string;
  summary: string;
  record_ids: string[];
  review: { status: string; reason: string | null; reviewer: string | null };
}

const RULES = [
  "overstay",
  "visa-run",
  "long-presence",
  "cohort-rotation",
  "post-deadline-presence",
  "sanctioned-sponsor",
];
const STATUSES = ["new", "in-review", "confirmed", "dismissed"];

export function AlertsPage({ query }: { query: URLSearchParams }) {
  const { api, me, unmasked } = useSession();
  const filter = {
    rule: query.get("rule") ?? "",
    status: query.get("status") ?? "",
    min_score: query.get("min_score") ?? "",
    place: query.get("place") ?? "",
    sort: query.get("sort") ?? "score",
  };
  const [items, setItems] = useState<Alert[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const key = JSON.stringify(filter) + unmasked;
  const load = async (cursor: string | null) => {
    setLoading(true);
    try {
      const page = await api.get<{ items: Alert[]; next: string | null }>(
        withQuery("/api/alerts", {
          ...filter,
          limit: 100,
          cursor: cursor ?? undefined,
          ...unmaskQuery(unmasked),
        }),
      );
      setItems((old) => (cursor ? [...old, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setSelected(new Set());
    load(null);
  }, [key]);
  const canReview = me.user.role !== "viewer";
  const review = async (status: string, reason: string) => {
    const ids = [...selected];
    let done = 0;
    for (const id of ids) {
      try {
        await api.send("POST", `/api/alerts/${encodeURIComponent(id)}/review`, {
          status,
          reason: reason || null,
        });
        done++;
      } catch (e) {
        setMessage(`${id}: ${(e as Error).message}`);
        break;
      }
    }
    setItems((old) =>
      old.map((a) =>
        selected.has(a.alert_id) && done > 0 ? { ...a, review: { ...a.review, status } } : a,
      ),
    );
    setMessage(`${done} of ${ids.length} alerts marked ${status}.`);
    setSelected(new Set());
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <Page title="Alert queue">
      <Filters filter={filter} />
      <MaskNote />
      <p class="hint" id="keys">
        Keyboard: ↑/↓ or k/j move between alerts, x or Space selects, Enter opens the person or
        team.
      </p>
      {canReview && <BulkReview count={selected.size} onReview={review} />}
      <p aria-live="polite" class="status">
        {message}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <AlertTable items={items} selected={selected} toggle={toggle} selectable={canReview} />
      {loading && <p class="loading">Loading…</p>}
      {next && !loading && (
        <button type="button" onClick={() => load(next)}>
          Load more alerts
        </button>
      )}
      {!loading && items.length === 0 && !error && <p>No alerts match.</p>}
    </Page>
  );
}

function Filters({ filter }: { filter: Record<string, string> }) {
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const q: Record<string, string> = {};
    for (const [k, v] of data.entries()) if (String(v)) q[k] = String(v);
    go(href(["alerts"], q));
  };
  return (
    <form class="filters" onSubmit={submit} aria-label="Filter alerts">
      <label>
        Rule
        <select name="rule" value={filter.rule}>
          <option value="">any</option>
          {RULES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        Review status
        <select name="status" value={filter.status}>
          <option value="">any (unreviewed first)</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Minimum score
        <input
          name="min_score"
          type="number"
          min="0"
          max="1"
          step="0.05"
          value={filter.min_score}
        />
      </label>
      <label>
        Place
        <input name="place" value={filter.place} placeholder="city or port" />
      </label>
      <label>
        Sort by
        <select name="sort" value={filter.sort}>
          <option value="score">score (highest first)</option>
          <option value="rule">rule</option>
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function BulkReview({
  count,
  onReview,
}: {
  count: number;
  onReview: (status: string, reason: string) => void;
}) {
  const [status, setStatus] = useState("confirmed");
  const [reason, setReason] = useState("");
  return (
    <form
      class="bulk"
      aria-label="Review the selected alerts"
      onSubmit={(e) => {
        e.preventDefault();
        onReview(status, reason);
        setReason("");
      }}
    >
      <span>{count} selected</span>
      <label>
        Decision
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Reason{status === "dismissed" ? " (required)" : ""}
        <input
          value={reason}
          required={status === "dismissed"}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={count === 0}>
        Review selected
      </button>
    </form>
  );
}

function AlertTable({
  items,
  selected,
  toggle,
  selectable,
}: {
  items: Alert[];
  selected: Set<string>;
  toggle: (id: string) => void;
  selectable: boolean;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const onKey = (e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest("tr");
    if (!row || !body.current) return;
    const rows = [...body.current.querySelectorAll<HTMLTableRowElement>("tr")];
    const i = rows.indexOf(row);
    const move = (j: number) => rows[Math.max(0, Math.min(rows.length - 1, j))]?.focus();
    if (e.key === "ArrowDown" || e.key === "j") move(i + 1);
    else if (e.key === "ArrowUp" || e.key === "k") move(i - 1);
    else if ((e.key === "x" || e.key === " ") && selectable && e.target === row)
      toggle(row.dataset.id ?? "");
    else if (e.key === "Enter" && e.target === row)
      row.querySelector<HTMLAnchorElement>("a")?.click();
    else return;
    e.preventDefault();
  };
  return (
    <table class="alerts" aria-describedby="keys">
      <caption>Alerts</caption>
      <thead>
        <tr>
          {selectable && <th scope="col">Select</th>}
          <th scope="col" class="num">
            Score
          </th>
          <th scope="col">Rule</th>
          <th scope="col">Subject</th>
          <th scope="col">Period</th>
          <th scope="col">Summary</th>
          <th scope="col">Records</th>
          <th scope="col">Review</th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKey}>
        {items.map((a) => (
          <tr
            key={a.alert_id}
            data-id={a.alert_id}
            tabIndex={0}
            class={selected.has(a.alert_id) ? "selected" : ""}
          >
            {selectable && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`select alert ${a.alert_id}`}
                  checked={selected.has(a.alert_id)}
                  onChange={() => toggle(a.alert_id)}
                />
              </td>
            )}
            <td class="num">{a.score.toFixed(2)}</td>
            <td>{a.rule}</td>
            <td>
              {a.person_id && <a href={href(["person", a.person_id])}>{a.person_id}</a>}
              {a.person_id && a.cohort_id && " · "}
              {a.cohort_id && <a href={href(["cohort", a.cohort_id])}>{a.cohort_id}</a>}
            </td>
            <td class="nowrap">
              {a.period_start} – {a.period_end}
            </td>
            <td>{a.summary}</td>
            <td>
              <details>
                <summary>{a.record_ids.length} records</summary>
                <span class="ids">{a.record_ids.join(", ")}</span>
              </details>
            </td>
            <td>
              <span class={`badge ${a.review.status}`}>{a.review.status}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
