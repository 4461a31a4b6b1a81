/**
 * Read tables: the analyze results laid out so that every browsing read (an alert page, a
 * person search, one person's detail) is a lookup of a few row groups rather than a join over
 * `records`. Built at the end of each analyze (src/analyze/steps/read-tables-step.ts), so they
 * always match one analyze run; ingest adds records but changes none of them. A run that
 * recomputed some persons rebuilds only their rows in the per-person tables (`only`); the small
 * tables are rebuilt whole.
 *
 * DuckDB skips a row group whose min/max (its zone map) excludes a filter, so each table is
 * written sorted by the column its reads filter on: a point lookup by person id or document
 * number then reads one row group. Masked record references (`r3:1042`) and the ports an alert
 * cites are computed here once, not per page.
 *
 * | table                  | sorted by                 | read by                        |
 * |------------------------|---------------------------|--------------------------------|
 * | read_alerts            | rule, score ↓, alert_id   | listAlerts by rule             |
 * | read_alerts_by_score   | score ↓, alert_id         | listAlerts by score            |
 * | read_person_records    | person_id                 | getPerson (records, refs)      |
 * | read_person_alerts     | person_id, period_start   | getPerson (alerts)             |
 * | read_person_cohorts    | person_id, first_seen     | getPerson (cohorts)            |
 * | read_person_stays      | person_id, entered_on     | getPerson (stays)              |
 * | read_person_links      | person_id                 | getPerson (document links)     |
 * | read_person_names      | person_id                 | getPerson, name search         |
 * | read_person_documents  | person_id                 | getPerson                      |
 * | read_doc_index         | upper(doc_number)         | document search                |
 */
import { listInOrder } from "../core/detection/rules/rule.js";
import { sanctionedSponsor } from "../core/detection/rules/sanctioned-sponsor.js";
import { MASK_SQL } from "../core/masking.js";
import { type Store, sqlString } from "../db/store.js";

/** Bumped whenever a read table's columns or the set of tables change: stores rebuild them. */
export const READ_TABLES_LAYOUT = 2;

/** In build order: the alert tables find cited records through read_person_records. */
export const READ_TABLES = [
  "read_person_records",
  "read_alerts",
  "read_alerts_by_score",
  "read_person_alerts",
  "read_person_cohorts",
  "read_person_stays",
  "read_person_links",
  "read_person_names",
  "read_person_documents",
  "read_doc_index",
] as const;

export interface ReadTablesStats {
  alerts: number;
  person_records: number;
  /** Persons whose rows were rebuilt; absent when every table was rebuilt whole. */
  persons?: number;
}

/**
 * SQL: the columns of a person's records that the detail shows, copied as they are, with the
 * reference alerts cite them by; the joined name and why each record belongs are derived for the
 * one person read (src/read/persons.ts), so the copy is one join on rec_key and one sort by
 * person. `only` restricts person_records (alias pr) to some persons.
 */
function personRecordsSql(only: string): string {
  return `
    SELECT pr.person_id, r.rec_key, r.crossed_at, r.source, r.record_id,
           r.source || ':' || r.record_id AS ref, r.local_date, r.direction,
           coalesce(r.port_id, r.port_raw) AS port, r.nationality, r.doc_number, r.canonical_key,
           r.family_name, r.given_name, r.full_name, r.birth_date, r.sex
    FROM (SELECT * FROM person_records pr ${only}) pr JOIN records r USING (rec_key)
    ORDER BY pr.person_id`;
}

/**
 * Per-person tables, each with the column of ChangedPersons that says whose rows to rebuild.
 * `only` filters person_records or stays (alias `pr`).
 */
const PER_PERSON = {
  read_person_records: { sql: personRecordsSql, changed: "records" },
  read_person_stays: {
    sql: (only: string) => `SELECT * FROM stays pr ${only} ORDER BY person_id, entered_on`,
    changed: "stays",
  },
} as const;

/**
 * A temporary table of the persons whose rows a run may have changed: person_id, and three
 * booleans saying which of their rows — `records` (read_person_records), `stays`
 * (read_person_stays), `alerts` (the alert tables).
 */
export type ChangedPersons = string;

/** Tables small enough to rebuild whole on every run. */
const WHOLE: Record<string, string> = {
  read_person_cohorts: `SELECT m.person_id, m.cohort_id, k.kind, m.role, m.first_seen, m.last_seen
    FROM cohort_members m JOIN cohorts k USING (cohort_id) ORDER BY m.person_id, m.first_seen, m.cohort_id`,
  read_person_links: `
    SELECT person_id, reason, rec_key_a, rec_key_b, evidence FROM person_links
    WHERE reason NOT IN ('same document', 're-export') ORDER BY person_id`,
  read_person_names: `SELECT person_id, name, lower(name) AS name_lower, script, count
    FROM person_names ORDER BY person_id`,
  read_person_documents: "SELECT * FROM person_documents ORDER BY person_id, first_seen",
  read_doc_index: `SELECT DISTINCT upper(doc_number) AS doc, person_id FROM person_documents
    WHERE doc_number IS NOT NULL ORDER BY doc`,
};

/**
 * Cited records per batch of alerts: about this many (record, alert) pairs. Each batch's lists
 * are aggregated in memory (a list aggregate cannot spill), so the batch bounds what the step
 * holds at 10M records, whatever the store's size.
 */
const CITED_PER_BATCH = 1_500_000;

/**
 * Rebuilds the read tables from the store's analyze results (inside the caller's transaction):
 * all of them, or — `persons` given — the rows of those persons in the per-person and alert
 * tables (with every sanctioned-sponsor alert, a rule recomputed whole), the small tables whole.
 */
export async function buildReadTables(
  store: Store,
  onTable: (table: string, seconds: number) => void = () => {},
  persons?: ChangedPersons,
): Promise<ReadTablesStats> {
  const timed = async (table: string, fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    onTable(table, (performance.now() - t) / 1000);
  };
  const whose = (changed: string) => `(SELECT person_id FROM ${persons} WHERE ${changed})`;
  for (const [table, { sql, changed }] of Object.entries(PER_PERSON)) {
    const set = persons ? whose(changed) : undefined;
    await timed(table, () =>
      replaceRows(store, table, sql(set ? `WHERE pr.person_id IN ${set}` : ""), set),
    );
  }
  await timed("read_alerts", () =>
    buildAlertTables(
      store,
      persons
        ? `(a.person_id IN ${whose("alerts")} OR a.rule = ${sqlString(sanctionedSponsor.id)})`
        : undefined,
    ),
  );
  for (const [table, sql] of Object.entries(WHOLE))
    await timed(table, () => store.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`));
  const alerts = await writeMeta(store);
  const records = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM read_person_records");
  const stats: ReadTablesStats = { alerts, person_records: Number(records?.n ?? 0) };
  if (persons) {
    const n = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${persons}`);
    stats.persons = Number(n?.n ?? 0);
  }
  return stats;
}

/**
 * The whole table from `sql`, or (`persons` set: a subquery of person_id) the rows of those
 * persons deleted and `sql` (filtered to them) appended.
 */
async function replaceRows(
  store: Store,
  table: string,
  sql: string,
  persons: string | undefined,
): Promise<void> {
  if (!persons) return store.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`);
  await store.run(`DELETE FROM ${table} WHERE person_id IN ${persons}`);
  await store.run(`INSERT INTO ${table} ${sql}`);
}

/** SQL: read_alerts's columns for the alerts `a`, their lists rt_lists `c`, documents rt_docs `d`. */
const ALERT_COLUMNS = `a.alert_id, a.rule, a.rule_version, a.score, coalesce(a.censored, false) AS censored,
  a.person_id, a.cohort_id, a.period_start, a.period_end, a.summary,
  coalesce(a.record_ids, []) AS record_ids, coalesce(c.record_refs, []) AS record_refs,
  coalesce(c.port_ids, []) AS port_ids, coalesce(d.docs, []) AS docs`;

/**
 * read_alerts, read_alerts_by_score and read_person_alerts: whole, or the alerts `which` (a
 * condition over alerts `a`) replaced. Each alert gets its cited records' masked references (in
 * citation order; `?` for an id no loaded record has), the ports they were at (the place
 * filter) and its person's document numbers (masking the summary).
 *
 * Rule by rule, and within a rule in batches of about CITED_PER_BATCH cited records: the lists
 * of one batch are built by a join of its cited ids (the small side) with read_person_records,
 * and read_alerts gets one rule's alerts at a time, sorted by score — so no statement holds more
 * than a batch's lists, however many alerts there are.
 */
async function buildAlertTables(store: Store, which?: string): Promise<void> {
  const where = which ? `AND ${which}` : "";
  if (which) {
    for (const table of ["read_alerts", "read_alerts_by_score", "read_person_alerts"])
      await store.run(`DELETE FROM ${table} a WHERE ${which}`);
  }
  await store.run(`CREATE OR REPLACE TEMP TABLE rt_docs AS
    SELECT person_id, list_sort(list(doc_number)) AS docs FROM person_documents
    WHERE person_id IN (SELECT person_id FROM alerts a WHERE true ${where}) GROUP BY ALL`);
  await store.run(
    "CREATE OR REPLACE TEMP TABLE rt_lists (n BIGINT, record_refs VARCHAR[], port_ids VARCHAR[])",
  );
  const select = (cond: string) => `SELECT ${ALERT_COLUMNS}
    FROM alerts a LEFT JOIN rt_lists c ON c.n = a.rowid LEFT JOIN rt_docs d USING (person_id)
    WHERE ${cond}`;
  if (!which) await store.run(`CREATE OR REPLACE TABLE read_alerts AS ${select("false")}`);
  const rules = await store.all<{ rule: string }>(
    `SELECT DISTINCT rule FROM alerts a WHERE true ${where} ORDER BY rule`,
  );
  for (const { rule } of rules) {
    const inRule = `a.rule = ${sqlString(rule)} ${where}`;
    for (const [lo, hi] of await citedBatches(store, inRule))
      await store.run(citedListsSql(`${inRule} AND a.person_id BETWEEN ? AND ?`, true), [lo, hi]);
    await store.run(citedListsSql(`${inRule} AND a.person_id IS NULL`, false));
    await store.run(`INSERT INTO read_alerts ${select(inRule)} ORDER BY a.score DESC, a.alert_id`);
    await store.run("DELETE FROM rt_lists");
  }
  await store.run("DROP TABLE rt_lists");
  await store.run("DROP TABLE rt_docs");
  const ra = which ? `WHERE ${which}` : "";
  const byScore = `SELECT * FROM read_alerts a ${ra} ORDER BY score DESC, alert_id`;
  const personAlerts = `SELECT person_id, alert_id, rule, score, period_start, period_end, summary
    FROM read_alerts a WHERE person_id IS NOT NULL ${where} ORDER BY person_id, period_start, rule`;
  for (const [table, sql] of [
    ["read_alerts_by_score", byScore],
    ["read_person_alerts", personAlerts],
  ] as const)
    await store.run(
      which ? `INSERT INTO ${table} ${sql}` : `CREATE OR REPLACE TABLE ${table} AS ${sql}`,
    );
}

/**
 * SQL: rt_lists rows for the alerts `cond` selects. A rule cites its person's own records: with
 * `samePerson` the join on person_id lets DuckDB skip the row groups of read_person_records
 * (sorted by person) outside the batch's persons.
 */
function citedListsSql(cond: string, samePerson: boolean): string {
  return `INSERT INTO rt_lists
    SELECT u.n, ${listInOrder("u.i", `coalesce(${MASK_SQL.record("r.rec_key")}, '?')`)},
           list_sort(list_distinct(list(r.port)))
    FROM (SELECT a.rowid AS n, a.person_id, unnest(a.record_ids) AS rid,
                 generate_subscripts(a.record_ids, 1) AS i
          FROM alerts a WHERE ${cond}) u
    LEFT JOIN read_person_records r ON r.ref = u.rid ${samePerson ? "AND r.person_id = u.person_id" : ""}
    GROUP BY u.n`;
}

/**
 * Inclusive person_id ranges of the alerts `cond` selects, each citing about CITED_PER_BATCH
 * records (one person's alerts are never split).
 */
async function citedBatches(store: Store, cond: string): Promise<[string, string][]> {
  const rows = await store.all<{ lo: string; hi: string }>(`
    SELECT min(person_id) AS lo, max(person_id) AS hi
    FROM (SELECT person_id, sum(sum(coalesce(len(a.record_ids), 0))) OVER (ORDER BY person_id) AS cited
          FROM alerts a WHERE ${cond} AND person_id IS NOT NULL GROUP BY person_id)
    GROUP BY cited // ${CITED_PER_BATCH} ORDER BY lo`);
  return rows.map((r) => [r.lo, r.hi]);
}

/** Counts the alerts per rule once and records the layout; returns the number of alerts. */
async function writeMeta(store: Store): Promise<number> {
  const byRule = await store.json<{ rule: string; alerts: number }>(
    "SELECT rule, count(*)::INTEGER AS alerts FROM read_alerts GROUP BY ALL ORDER BY rule",
  );
  const alerts = byRule.reduce((n, r) => n + r.alerts, 0);
  await store.run("DELETE FROM read_tables_meta");
  await store.run("INSERT INTO read_tables_meta VALUES (now(), ?, ?, ?::JSON)", [
    READ_TABLES_LAYOUT,
    alerts,
    JSON.stringify(byRule),
  ]);
  return alerts;
}

/**
 * Rebuilds the alert read tables' sanctioned-sponsor alerts after that rule was rerun outside
 * analyze (by screening or a list import), inside the caller's transaction. A store without
 * read tables gets all of them on its first read instead.
 */
export async function rebuildAlertReadTables(store: Store): Promise<void> {
  if (!(await readTablesBuilt(store))) return;
  await buildAlertTables(store, `a.rule = ${sqlString(sanctionedSponsor.id)}`);
  await writeMeta(store);
}

/** The read tables are there, built by this layout. */
export async function readTablesBuilt(store: Store): Promise<boolean> {
  const built = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM read_tables_meta WHERE layout = ?",
    [READ_TABLES_LAYOUT],
  );
  return Number(built?.n ?? 0) > 0;
}

/**
 * Builds the read tables if the store has none of this layout (analyzed before they existed,
 * or never analyzed); otherwise one small query. Reads call it first.
 */
export async function ensureReadTables(store: Store): Promise<void> {
  if (!(await readTablesBuilt(store))) await store.transaction(() => buildReadTables(store));
}
