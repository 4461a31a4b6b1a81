/**
 * Read tables: the analyze results laid out so that every browsing read (an alert page, a
 * person search, one person's detail) is a lookup of a few row groups rather than a join over
 * `records`. Rebuilt in one go at the end of each analyze (src/analyze/steps/read-tables-step.ts),
 * so they always match one analyze run; ingest adds records but changes none of them.
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
 * | read_person_records    | person_id, crossed_at     | getPerson (records, refs)      |
 * | read_person_alerts     | person_id, period_start   | getPerson (alerts)             |
 * | read_person_cohorts    | person_id, first_seen     | getPerson (cohorts)            |
 * | read_person_stays      | person_id, entered_on     | getPerson (stays)              |
 * | read_person_links      | person_id                 | getPerson (document links)     |
 * | read_person_names      | person_id                 | getPerson, name search         |
 * | read_person_documents  | person_id                 | getPerson                      |
 * | read_doc_index         | upper(doc_number)         | document search                |
 */
import { MASK_SQL } from "../core/masking.js";
import type { Store } from "../db/store.js";

/** Bumped whenever a read table's columns or the set of tables change: stores rebuild them. */
export const READ_TABLES_LAYOUT = 1;

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
}

const BUILD: Record<(typeof READ_TABLES)[number], string> = {
  // Each alert with its cited records' masked references (in citation order; `?` for an id no
  // loaded record has), the ports they were at (the place filter) and its person's document
  // numbers (masking the summary).
  read_alerts: `
    WITH a AS (SELECT row_number() OVER () AS n, * FROM alerts),
    cited AS (
      SELECT u.n, list(coalesce(${MASK_SQL.record("r.rec_key")}, '?') ORDER BY u.i) AS record_refs,
             list(DISTINCT r.port) FILTER (WHERE r.port IS NOT NULL) AS port_ids
      FROM (SELECT n, unnest(record_ids) AS rid, generate_subscripts(record_ids, 1) AS i FROM a) u
      LEFT JOIN read_person_records r ON r.ref = u.rid
      GROUP BY u.n),
    docs AS (SELECT person_id, list(doc_number) AS docs FROM person_documents GROUP BY ALL)
    SELECT a.alert_id, a.rule, a.rule_version, a.score, coalesce(a.censored, false) AS censored,
           a.person_id, a.cohort_id, a.period_start, a.period_end, a.summary,
           coalesce(a.record_ids, []) AS record_ids, coalesce(c.record_refs, []) AS record_refs,
           coalesce(c.port_ids, []) AS port_ids, coalesce(d.docs, []) AS docs
    FROM a LEFT JOIN cited c USING (n) LEFT JOIN docs d ON d.person_id = a.person_id
    ORDER BY a.rule, a.score DESC, a.alert_id`,
  read_alerts_by_score: "SELECT * FROM read_alerts ORDER BY score DESC, alert_id",
  // A person's records with why each belongs: a re-export is linked to its canonical record
  // (person_links); any other record with a document to that document's first record ("same
  // document", derived rather than stored), else it is the first record.
  read_person_records: `
    WITH mine AS (
      SELECT pr.person_id, r.*,
             CASE WHEN r.canonical_key IS NULL AND r.doc_number IS NOT NULL
                  THEN min(r.rec_key) OVER (PARTITION BY pr.person_id, coalesce(r.nationality, ''),
                         r.doc_number, r.canonical_key IS NULL) END AS first_key
      FROM person_records pr JOIN records r USING (rec_key))
    SELECT m.person_id, m.rec_key, m.crossed_at, m.source, m.record_id,
           m.source || ':' || m.record_id AS ref, m.local_date, m.direction,
           coalesce(m.port_id, m.port_raw) AS port, m.doc_number,
           trim(concat_ws(' ', m.family_name, m.given_name,
                CASE WHEN m.full_name IS NOT NULL THEN '/ ' || m.full_name END)) AS name,
           m.birth_date, m.sex,
           CASE WHEN l.reason IS NOT NULL THEN l.reason
                WHEN m.first_key <> m.rec_key THEN 'same document'
                ELSE 'first record' END AS linked_by,
           coalesce(l.rec_key_a, CASE WHEN m.first_key <> m.rec_key THEN m.first_key END) AS linked_key
    FROM mine m
    LEFT JOIN person_links l ON l.rec_key_b = m.rec_key AND l.person_id = m.person_id
      AND l.reason = 're-export'
    ORDER BY m.person_id, m.crossed_at, m.rec_key`,
  read_person_alerts: `SELECT person_id, alert_id, rule, score, period_start, period_end, summary
    FROM read_alerts WHERE person_id IS NOT NULL ORDER BY person_id, period_start, rule`,
  read_person_cohorts: `SELECT m.person_id, m.cohort_id, k.kind, m.role, m.first_seen, m.last_seen
    FROM cohort_members m JOIN cohorts k USING (cohort_id) ORDER BY m.person_id, m.first_seen, m.cohort_id`,
  read_person_stays: "SELECT * FROM stays ORDER BY person_id, entered_on",
  read_person_links: `
    SELECT person_id, reason, rec_key_a, rec_key_b, evidence FROM person_links
    WHERE reason NOT IN ('same document', 're-export') ORDER BY person_id`,
  read_person_names: `SELECT person_id, name, lower(name) AS name_lower, script, count
    FROM person_names ORDER BY person_id`,
  read_person_documents: "SELECT * FROM person_documents ORDER BY person_id, first_seen",
  read_doc_index: `SELECT DISTINCT upper(doc_number) AS doc, person_id FROM person_documents
    WHERE doc_number IS NOT NULL ORDER BY doc`,
};

/** Rebuilds every read table from the store's analyze results (inside the caller's transaction). */
export async function buildReadTables(
  store: Store,
  onTable: (table: string, seconds: number) => void = () => {},
): Promise<ReadTablesStats> {
  for (const table of READ_TABLES) {
    const t = performance.now();
    await store.run(`CREATE OR REPLACE TABLE ${table} AS ${BUILD[table]}`);
    onTable(table, (performance.now() - t) / 1000);
  }
  const alerts = await writeMeta(store);
  const records = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM read_person_records");
  return { alerts, person_records: Number(records?.n ?? 0) };
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
 * Rebuilds the alert read tables after alerts changed outside analyze (the sanctioned-sponsor
 * rule rerun by screening or a list import), inside the caller's transaction. A store without
 * read tables gets all of them on its first read instead.
 */
export async function rebuildAlertReadTables(store: Store): Promise<void> {
  if (!(await readTablesBuilt(store))) return;
  for (const table of ["read_alerts", "read_alerts_by_score", "read_person_alerts"] as const)
    await store.run(`CREATE OR REPLACE TABLE ${table} AS ${BUILD[table]}`);
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
