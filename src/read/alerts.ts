/**
 * Alerts: filter by rule, person, cohort, place, period and score; sort by rule or by score;
 * cursor paging. Summaries and cited records are masked unless `unmask`.
 */
import { AppError } from "../core/errors.js";
import { createMasker, type Masker, recordPseudonym } from "../core/masking.js";
import { type Store, sqlString } from "../db/store.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { checkLimit, decodeCursor, encodeCursor, type Page, type PageRequest } from "./page.js";
import { placePortsSql, varcharList } from "./places.js";
import { ensureReadTables } from "./read-tables.js";
import { recordIdsSql, withRecordIdsSql } from "./records.js";
import { missing, num, type Section } from "./section.js";

export const ALERT_SORTS = ["rule", "score"] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

export interface AlertFilter {
  rule?: string;
  person?: string;
  cohort?: string;
  /** A gazetteer place (city, port, zone, region): alerts citing a record at one of its ports. */
  place?: string;
  /** Alerts whose period overlaps [from, to] (YYYY-MM-DD). */
  from?: string;
  to?: string;
  minScore?: number;
}

export interface AlertQuery extends AlertFilter, PageRequest {
  /** `rule`: by rule, then score descending (the default); `score`: strongest first. */
  sort?: AlertSort;
  unmask?: boolean;
}

export interface AlertView {
  alert_id: string;
  rule: string;
  rule_version: number;
  score: number;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string | null;
  period_end: string | null;
  summary: string;
  /** The alert rests on a stay cut by the edge of the logs or an inferred end (ranks lower). */
  censored: boolean;
  /** The records the alert cites (see ./records.ts for their masked form). */
  record_ids: string[];
}

const ORDER: Record<AlertSort, string> = {
  rule: "rule, score DESC, alert_id",
  score: "score DESC, alert_id",
};

/** The keyset condition for the page after the cursor's item ($c0, $c1, … bound by the caller). */
function afterCursor(sort: AlertSort): string {
  return sort === "rule"
    ? "(rule > $c0 OR (rule = $c0 AND (score < $c1 OR (score = $c1 AND alert_id > $c2))))"
    : "(score < $c0 OR (score = $c0 AND alert_id > $c1))";
}

/** Whether rows come in the listing's order: rule, then score ↓, then alert id; or score ↓, alert id. */
function inOrder(rows: readonly AlertRow[], sort: AlertSort): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as AlertRow;
    const b = rows[i] as AlertRow;
    if (sort === "rule" && a.rule !== b.rule) {
      if (a.rule > b.rule) return false;
      continue;
    }
    if (a.score !== b.score) {
      if (a.score < b.score) return false;
      continue;
    }
    if (a.alert_id >= b.alert_id) return false;
  }
  return true;
}

/**
 * The rows of one page. The read tables are written in the listing's order (read-tables.ts), so
 * the first `limit + 1` rows that match are the page: DuckDB stops reading there instead of
 * sorting every match (on a store of 10M records, the alerts by score are hundreds of thousands
 * of rows, tens of thousands of them at the top score). Should a page not come out in order (a
 * table written some other way), it is read again sorted.
 */
async function readPage(
  store: Store,
  q: {
    columns: string;
    table: string;
    where: string;
    params: Record<string, string | number>;
    sort: AlertSort;
    limit: number;
  },
): Promise<AlertRow[]> {
  const select = `SELECT ${q.columns} FROM ${q.table} ${q.where}`;
  if (q.limit > 0) {
    const rows = await store.json<AlertRow>(`${select} LIMIT ${q.limit + 1}`, q.params);
    if (inOrder(rows, q.sort)) return rows;
  }
  return store.json<AlertRow>(
    `${select} ORDER BY ${ORDER[q.sort]} ${q.limit === 0 ? "" : `LIMIT ${q.limit + 1}`}`,
    q.params,
  );
}

/** SQL: the columns of an alert as listings show it, from read_alerts (alertViews makes the views). */
export function alertColumns(): string {
  return `alert_id, rule, rule_version, score, censored, person_id, cohort_id,
    strftime(period_start, '%Y-%m-%d') AS period_start,
    strftime(period_end, '%Y-%m-%d') AS period_end, summary, record_keys, docs`;
}

/** A read_alerts row as alertColumns reads it (src/read/read-tables.ts says why some are text). */
export type AlertRow = Omit<AlertView, "record_ids"> & {
  /** The cited records' rec_keys (`?` for an id no loaded record has), separated by spaces. */
  record_keys: string;
  /** The person's document numbers, separated by spaces. */
  docs: string;
};

/** Above this many alerts, an unmasked listing reads the cited ids of every alert rather than by id. */
const BY_ID_MAX = 1000;

/**
 * The alerts read_alerts rows show. Unmasked, each cites its records as stored (read from
 * `alerts` for these alerts only); masked, by pseudonym (from their keys), with the summary
 * masked by its person's document numbers.
 */
export async function alertViews(
  store: Store,
  rows: readonly AlertRow[],
  unmask: boolean,
): Promise<AlertView[]> {
  if (rows.length === 0) return [];
  if (unmask) {
    const ids = rows.map((r) => r.alert_id);
    const cited = await store.json<{ alert_id: string; record_ids: string[] | null }>(
      ids.length > BY_ID_MAX
        ? `SELECT alert_id, record_ids FROM ${withRecordIdsSql("alerts")}`
        : `SELECT alert_id, ${recordIdsSql("record_keys")} AS record_ids FROM alerts
           WHERE alert_id IN (SELECT unnest(${varcharList(ids)}))`,
    );
    const byId = new Map(cited.map((c) => [c.alert_id, c.record_ids ?? []]));
    return rows.map(({ record_keys: _keys, docs: _docs, ...a }) => ({
      ...a,
      record_ids: byId.get(a.alert_id) ?? [],
    }));
  }
  const mask = createMasker(false);
  return rows.map(({ record_keys, docs, ...a }) => ({
    ...a,
    record_ids: record_keys
      ? record_keys.split(" ").map((k) => (k === "?" ? k : recordPseudonym(k)))
      : [],
    summary: mask.text(a.summary ?? "", { docs: docs ? docs.split(" ") : [] }),
  }));
}

/**
 * The alerts `page` names (alert id, rule, score: a page of read_alerts_by_score), in its
 * order, with every column from read_alerts. read_alerts is sorted by rule and score, so the
 * page's rules and score range let its zone maps skip other row groups. The ids come as a
 * subquery: DuckDB turns the semi join into a filter on the scan, while an IN list of 50
 * constants it checks row by row.
 */
async function alertsById(
  store: Store,
  page: readonly { alert_id: string; rule: string; score: number }[],
  columns: string,
): Promise<AlertRow[]> {
  if (page.length === 0) return [];
  const ids = page.map((a) => a.alert_id);
  const scores = page.map((a) => a.score);
  const ranged = scores.every(Number.isFinite);
  const rules = [...new Set(page.map((a) => a.rule))];
  const rows = await store.json<AlertRow>(
    `SELECT ${columns} FROM read_alerts
     WHERE rule IN (${rules.map(sqlString).join(", ")})
       ${ranged ? "AND score BETWEEN $lo::DOUBLE AND $hi::DOUBLE" : ""}
       AND alert_id IN (SELECT unnest(${varcharList(ids)}))`,
    ranged ? { lo: String(Math.min(...scores)), hi: String(Math.max(...scores)) } : undefined,
  );
  const byId = new Map(rows.map((r) => [r.alert_id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of alerts (all of them with `limit: 0`). */
export async function listAlerts(store: Store, q: AlertQuery = {}): Promise<Page<AlertView>> {
  const sort = q.sort ?? "rule";
  if (!(ALERT_SORTS as readonly string[]).includes(sort))
    throw new AppError("usage", `sort ${sort}: expected one of ${ALERT_SORTS.join(", ")}`);
  const limit = checkLimit(q.limit, 50);
  const unmask = !!q.unmask;
  // Only the filters given, so DuckDB can check each against the row groups' zone maps.
  const params: Record<string, string | number> = {};
  const where: string[] = [];
  const add = (name: string, value: string | number | undefined, sql: string) => {
    if (value === undefined || value === null) return;
    params[name] = value;
    where.push(sql);
  };
  add("rule", q.rule, "rule = $rule");
  add("person", q.person, "person_id = $person");
  add("cohort", q.cohort, "cohort_id = $cohort");
  add("from", q.from, "coalesce(period_end, period_start) >= $from::DATE");
  add("to", q.to, "period_start <= $to::DATE");
  add("min", q.minScore, "score >= $min");
  if (q.place) where.push(`list_has_any(port_ids, ${placePortsSql(q.place)})`);
  if (q.cursor) {
    decodeCursor(q.cursor, sort === "rule" ? 3 : 2).forEach((v, i) => {
      params[`c${i}`] = v as string | number;
    });
    where.push(afterCursor(sort));
    // Implied by the keyset condition; stated alone so the zone maps skip the earlier row groups.
    where.push(sort === "rule" ? "rule >= $c0" : "score <= $c0");
  }
  await ensureReadTables(store);
  const columns = alertColumns();
  const page = {
    where: where.length > 0 ? `WHERE ${where.join(" AND ")}` : "",
    params,
    sort,
    limit,
  };
  // By score, a page is found in the narrow read_alerts_by_score and its rows read by id; a
  // listing of every alert (limit 0) is read whole, sorted.
  const byId = sort === "score" && limit > 0;
  const rows = await readPage(store, {
    ...page,
    ...(byId
      ? { columns: "alert_id, rule, score", table: "read_alerts_by_score" }
      : { columns, table: "read_alerts" }),
  });
  const more = limit > 0 && rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const items = await alertViews(
    store,
    byId ? await alertsById(store, shown, columns) : shown,
    unmask,
  );
  const last = items.at(-1);
  const next =
    more && last
      ? encodeCursor(
          sort === "rule" ? [last.rule, last.score, last.alert_id] : [last.score, last.alert_id],
        )
      : null;
  return { items, next };
}

/** How many alerts match a rule and person filter (for "n more not shown"). */
export async function countAlerts(
  store: Store,
  f: { rule?: string; person?: string } = {},
): Promise<number> {
  const row = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM alerts WHERE ($rule IS NULL OR rule = $rule) AND ($person IS NULL OR person_id = $person)",
    { rule: f.rule ?? null, person: f.person ?? null },
  );
  return Number(row?.n ?? 0);
}

/** Alerts per rule and rule version, by rule. */
export async function countAlertsByRuleVersion(
  store: Store,
): Promise<{ rule: string; rule_version: string | null; alerts: number }[]> {
  return (
    await store.json<{ rule: string; rule_version: string | null; alerts: number }>(
      `SELECT rule, CAST(rule_version AS VARCHAR) AS rule_version, count(*) AS alerts
       FROM alerts GROUP BY ALL ORDER BY rule`,
    )
  ).map((r) => ({ ...r, alerts: Number(r.alerts) }));
}

/** A record an alert cites, as the report shows it. */
export interface EvidenceRecord {
  source: string;
  record_id: string;
  date: string;
  direction: string;
  port: string;
  doc: string;
  name: string;
}

/** An alert with the first records it cites, as the report shows it. */
export interface TopAlert extends Omit<AlertView, "rule_version" | "censored" | "record_ids"> {
  rule_version: string | null;
  record_count: number;
  evidence: EvidenceRecord[];
}

/** The strongest alerts, a few of each rule so that one prolific rule does not fill the list. */
export async function topAlerts(
  store: Store,
  options: { top: number; unmask?: boolean },
): Promise<
  Section<{ rows: TopAlert[]; byRule: { rule: string; alerts: number }[]; total: number }>
> {
  const { top } = options;
  const mask = createMasker(!!options.unmask);
  const total = num((await store.one<{ n: number }>("SELECT count(*) AS n FROM alerts"))?.n);
  if (total === 0) return missing("no alerts in the store: run sojourn analyze (detection step)");
  const byRule = (
    await store.json<{ rule: string; alerts: number }>(
      "SELECT rule, count(*) AS alerts FROM alerts GROUP BY ALL ORDER BY alerts DESC, rule",
    )
  ).map((r) => ({ rule: r.rule, alerts: num(r.alerts) }));
  // The strongest alerts of each rule, so one prolific rule does not fill the table: every
  // rule's strongest is taken first, then each rule's second …, and what was taken is shown
  // strongest first.
  const rows = await store.json<Record<string, unknown>>(
    `SELECT * EXCLUDE (rank_in_rule) FROM (
       SELECT CAST(a.alert_id AS VARCHAR) AS alert_id, a.rule, CAST(a.rule_version AS VARCHAR) AS rule_version,
         a.score, a.person_id, CAST(a.cohort_id AS VARCHAR) AS cohort_id,
         CAST(a.period_start AS VARCHAR) AS period_start, CAST(a.period_end AS VARCHAR) AS period_end,
         a.summary, array_to_string(a.record_keys, ' ') AS record_keys,
         row_number() OVER (PARTITION BY a.rule ORDER BY a.score DESC, a.alert_id) AS rank_in_rule
       FROM alerts a
       QUALIFY rank_in_rule <= ${Math.max(3, Math.ceil(top / 3))}
       ORDER BY rank_in_rule, a.score DESC, a.rule, a.alert_id LIMIT ${top})
     ORDER BY score DESC, rule, alert_id`,
  );
  const out: TopAlert[] = [];
  for (const r of rows) {
    const list = r.record_keys ? String(r.record_keys).split(" ") : [];
    const evidence = await evidenceRecords(store, list.slice(0, 200), mask);
    const docs = evidence.map((e) => e.rawDoc);
    const names = evidence.map((e) => e.rawName);
    out.push({
      alert_id: String(r.alert_id),
      rule: String(r.rule),
      rule_version: (r.rule_version as string | null) ?? null,
      score: num(r.score),
      person_id: (r.person_id as string | null) ?? null,
      cohort_id: (r.cohort_id as string | null) ?? null,
      period_start: (r.period_start as string | null)?.slice(0, 10) ?? null,
      period_end: (r.period_end as string | null)?.slice(0, 10) ?? null,
      summary: mask.text(String(r.summary ?? ""), { docs, names }),
      record_count: list.length,
      evidence: evidence.slice(0, 6).map(({ rawDoc: _doc, rawName: _name, ...e }) => e),
    });
  }
  return { available: true, data: { rows: out, byRule, total } };
}

/** The input records an alert cites, by their rec_keys (`?` for one no loaded record has). */
async function evidenceRecords(
  store: Store,
  recKeys: string[],
  mask: Masker,
): Promise<(EvidenceRecord & { rawDoc: string; rawName: string })[]> {
  const keys = recKeys.filter((x) => /^\d{1,18}$/.test(x));
  if (keys.length === 0) return [];
  const rows = await store.json<Record<string, unknown>>(
    `SELECT r.source, r.record_id, r.rec_key, CAST(r.local_date AS VARCHAR) AS day, r.direction,
       r.port_id, r.port_raw, r.doc_number,
       coalesce(r.full_name, trim(coalesce(r.family_name, '') || ' ' || coalesce(r.given_name, ''))) AS name
     FROM records r
     WHERE r.rec_key IN (SELECT unnest([${keys.join(", ")}]::BIGINT[]))
     ORDER BY r.crossed_at, r.rec_key`,
  );
  return rows.map((r) => ({
    source: String(r.source),
    record_id: mask.unmasked
      ? String(r.record_id)
      : mask.record({ recKey: r.rec_key as string, id: "" }),
    date: String(r.day),
    direction: String(r.direction),
    port: portLabel(r.port_id as string | null, r.port_raw as string | null),
    doc: mask.doc(r.doc_number as string),
    name: mask.name(r.name as string),
    rawDoc: String(r.doc_number ?? ""),
    rawName: String(r.name ?? ""),
  }));
}

function portLabel(id: string | null, raw: string | null): string {
  if (!id) return raw ?? "";
  const port = loadGazetteer().ports.find((p) => p.id === id);
  return port ? port.name_en.replace(/\s*\(.*\)\s*/g, " ").trim() : id;
}
