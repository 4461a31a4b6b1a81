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
 * number then reads one row group. The ports an alert cites are computed here once (the place
 * filter needs them for every alert); the references of its cited records, a list per alert,
 * are looked up for the page read (src/read/alert-citations.ts).
 *
 * | table                  | sorted by                 | read by                        |
 * |------------------------|---------------------------|--------------------------------|
 * | read_alerts            | rule, score ↓, alert_id   | listAlerts by rule             |
 * | read_alerts_by_score   | score ↓, alert_id         | listAlerts by score            |
 * | read_person_records    | person_id                 | getPerson, alert citations     |
 * | read_person_alerts     | person_id, period_start   | getPerson (alerts)             |
 * | read_person_cohorts    | person_id, first_seen     | getPerson (cohorts)            |
 * | read_person_stays      | person_id, entered_on     | getPerson (stays)              |
 * | read_person_links      | person_id                 | getPerson (document links)     |
 * | read_person_names      | person_id                 | getPerson, name search         |
 * | read_person_documents  | person_id                 | getPerson                      |
 * | read_doc_index         | upper(doc_number)         | document search                |
 */
import { sanctionedSponsor } from "../core/detection/rules/sanctioned-sponsor.js";
import { type Store, sqlString } from "../db/store.js";

/** Bumped whenever a read table's columns or the set of tables change: stores rebuild them. */
export const READ_TABLES_LAYOUT = 2;

/** In build order: the alert tables find the ports of cited records in read_person_records. */
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
 * SQL: the columns of a person's records that the detail shows, copied as they are (references,
 * names and why each record belongs are derived per person when read: src/read/person-records.ts),
 * so the copy is one join on rec_key and one sort by person. `only` restricts person_records
 * (alias pr) to some persons.
 */
function personRecordsSql(only: string): string {
  return `
    SELECT pr.person_id, r.rec_key, r.crossed_at, r.source, r.record_id, r.local_date, r.direction,
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

/** SQL: read_alerts's columns for the alerts `a` and their ports rt_ports `p`. */
const ALERT_COLUMNS = `a.alert_id, a.rule, a.rule_version, a.score, coalesce(a.censored, false) AS censored,
  a.person_id, a.cohort_id, a.period_start, a.period_end, a.summary, coalesce(p.port_ids, []) AS port_ids`;

/**
 * read_alerts, read_alerts_by_score and read_person_alerts: whole, or the alerts `which` (a
 * condition over alerts `a`) replaced. Each alert gets the ports its cited records were at (the
 * place filter); the cited records' references and the person's documents that mask the
 * summary are looked up per page (src/read/alert-citations.ts), so no row here carries a list
 * of records and the sorts move narrow rows.
 *
 * The ports come from a join of the cited ids with read_person_records, on the person too when
 * the alert has one (a person's alert cites that person's records, as the page lookup reads
 * them), written to a table before the per-alert lists are aggregated.
 */
async function buildAlertTables(store: Store, which?: string): Promise<void> {
  const where = which ? `AND ${which}` : "";
  if (which) {
    for (const table of ["read_alerts", "read_alerts_by_score", "read_person_alerts"])
      await store.run(`DELETE FROM ${table} a WHERE ${which}`);
  }
  const cited = (cond: string, samePerson: boolean) => `
    SELECT u.n, r.port
    FROM (SELECT a.rowid AS n, a.person_id, unnest(a.record_ids) AS rid
          FROM alerts a WHERE ${cond} ${where}) u
    JOIN read_person_records r ON r.source || ':' || r.record_id = u.rid
      ${samePerson ? "AND r.person_id = u.person_id" : ""}
    WHERE r.port IS NOT NULL`;
  await store.run(
    `CREATE OR REPLACE TEMP TABLE rt_pairs AS ${cited("a.person_id IS NOT NULL", true)}`,
  );
  const orphans = await store.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM alerts a WHERE a.person_id IS NULL ${where}`,
  );
  if (Number(orphans?.n ?? 0) > 0)
    await store.run(`INSERT INTO rt_pairs ${cited("a.person_id IS NULL", false)}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE rt_ports AS
    SELECT n, list(port ORDER BY port) AS port_ids FROM (SELECT DISTINCT n, port FROM rt_pairs) GROUP BY n`);
  await store.run("DROP TABLE rt_pairs");
  const select = `SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN rt_ports p ON p.n = a.rowid
    WHERE true ${where}`;
  const personAlerts = `SELECT person_id, alert_id, rule, score, period_start, period_end, summary
    FROM read_alerts a WHERE person_id IS NOT NULL ${where} ORDER BY person_id, period_start, rule`;
  for (const [table, sql] of [
    ["read_alerts", `${select} ORDER BY a.rule, a.score DESC, a.alert_id`],
    ["read_alerts_by_score", `${select} ORDER BY a.score DESC, a.alert_id`],
    ["read_person_alerts", personAlerts],
  ] as const)
    await store.run(
      which ? `INSERT INTO ${table} ${sql}` : `CREATE OR REPLACE TABLE ${table} AS ${sql}`,
    );
  await store.run("DROP TABLE rt_ports");
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
