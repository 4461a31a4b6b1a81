import { useEffect, useState } from "preact/hooks";
import { withQuery } from "../api.js";
import { go, href } from "../router.js";
import { MaskNote, Page, unmaskQuery, useSession } from "../ui.js";
import { AlertTable } from "../views/alert-table.js";

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
  const filter: Record<string, string> = {
    rule: query.get("rule") ?? "",
    status: query.get("status") ?? "",
    min_score: query.get("min_score") ?? "",
    place: query.get("place") ?? "",
    sort: query.get("sort") ?? "score",
    person: query.get("person") ?? "",
    cohort: query.get("cohort") ?? "",
  };
  /** One alert only (a case's alert item, a link to an alert). */
  const single = query.get("id");
  const { items, setItems, next, error, loading, load } = useAlertPages(filter, single);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const key = JSON.stringify(filter) + single + unmasked;
  useEffect(() => {
    setSelected(new Set());
    load(null);
  }, [key]);
  const canReview = me.user.role !== "viewer";
  /** One decision for every selected alert in one request: all are recorded, or none. */
  const review = async (status: string, reason: string) => {
    const ids = [...selected];
    try {
      await api.send("POST", "/api/reviews", { alert_ids: ids, status, reason: reason || null });
    } catch (e) {
      setMessage(`No alert was marked: ${(e as Error).message}`);
      return;
    }
    const done = new Set(ids);
    setItems((old) =>
      old.map((a) => (done.has(a.alert_id) ? { ...a, review: { ...a.review, status } } : a)),
    );
    setMessage(`${ids.length} ${ids.length === 1 ? "alert" : "alerts"} marked ${status}.`);
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
    <Page title={single ? `Alert ${single}` : "Alert queue"}>
      {single ? (
        <p>
          One alert. <a href={href(["alerts"], { sort: "score" })}>All alerts</a>
        </p>
      ) : (
        <Filters filter={filter} />
      )}
      {(filter.person || filter.cohort) && !single && (
        <p>
          Alerts about {filter.person ? `person ${filter.person}` : `team ${filter.cohort}`}.{" "}
          <a href={href(["alerts"], { sort: "score" })}>All alerts</a>
        </p>
      )}
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
      <AlertTable
        caption="Alerts"
        describedBy="keys"
        items={items.map((a) => ({ ...a, review: a.review.status }))}
        selection={canReview ? { selected, toggle } : undefined}
      />
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

/**
 * The alerts the page shows: one alert (`single`), or the pages of the listing for `filter`,
 * each `load(cursor)` appending the next page (`null`: the first).
 */
function useAlertPages(filter: Record<string, string>, single: string | null) {
  const { api, unmasked } = useSession();
  const [items, setItems] = useState<Alert[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const load = async (cursor: string | null) => {
    setLoading(true);
    try {
      const page = single
        ? {
            items: [
              await api.get<Alert>(
                withQuery(`/api/views/alerts/${encodeURIComponent(single)}`, unmaskQuery(unmasked)),
              ),
            ],
            next: null,
          }
        : await api.get<{ items: Alert[]; next: string | null }>(
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
  return { items, setItems, next, error, loading, load };
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
