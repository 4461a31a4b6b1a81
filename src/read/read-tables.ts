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
 * number then reads one row group. The records an alert cites are matched to their keys and
 * ports here once; a page turns its alerts' keys into masked references (`r3:1042`).
 * Records themselves are not copied: `records` is stored in load order, which is rec_key order,
 * so a person's detail reads their few records from it by key.
 *
 * | table                  | sorted by                 | read by                        |
 * |------------------------|---------------------------|--------------------------------|
 * | read_alerts            | rule, score ↓, alert_id   | listAlerts by rule             |
 * | read_alerts_by_score   | score ↓, alert_id         | listAlerts by score (ids only) |
 * | read_person_keys       | person_id                 | getPerson (records, refs)      |
 * | read_person_alerts     | person_id, period_start   | getPerson (alerts)             |
 * | read_person_cohorts    | person_id, first_seen     | getPerson (cohorts)            |
 * | read_person_stays      | person_id, entered_on     | getPerson (stays)              |
 * | read_person_links      | person_id                 | getPerson (document links)     |
 * | read_persons           | person_id                 | getPerson (person, names), search |
 * | read_person_documents  | person_id                 | getPerson                      |
 * | read_doc_index         | upper(doc_number)         | document search                |
 */
import { sanctionedSponsor } from "../core/detection/rules/sanctioned-sponsor.js";
import { DERIVED_COMPRESSION } from "../db/migrations/008-derived-compression.js";
import type { Compression } from "../db/rebuild-table.js";
import { type Store, sqlString } from "../db/store.js";

/** Bumped whenever a read table's columns or the set of tables change: stores rebuild them. */
export const READ_TABLES_LAYOUT = 6;

export const READ_TABLES = [
  "read_person_keys",
  "read_alerts",
  "read_alerts_by_score",
  "read_person_alerts",
  "read_person_cohorts",
  "read_person_stays",
  "read_person_links",
  "read_persons",
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
 * SQL: which records are whose, sorted by person so that one person's keys are one row group;
 * a person's detail then reads their records from `records` (kept in rec_key order) by those
 * keys (src/read/persons.ts). `only` restricts person_records (alias pr) to some persons.
 */
function personKeysSql(only: string): string {
  return `SELECT pr.person_id, pr.rec_key FROM person_records pr ${only} ORDER BY pr.person_id`;
}

/**
 * Per-person tables, each with the column of ChangedPersons that says whose rows to rebuild.
 * `only` filters person_records or stays (alias `pr`).
 */
const PER_PERSON = {
  read_person_keys: { sql: personKeysSql, changed: "records" },
  read_person_stays: {
    // The lists as JSON text, as in read_alerts: one person's rows are read from the middle of
    // a row group.
    sql: (only: string) => `SELECT person_id, port_in, port_out, entered_on, exited_on, days,
      to_json(flags)::VARCHAR AS flags, to_json(record_ids)::VARCHAR AS record_ids
      FROM stays pr ${only} ORDER BY person_id, entered_on`,
    changed: "stays",
  },
} as const;

/**
 * A temporary table of the persons whose rows a run may have changed: person_id, and three
 * booleans saying which of their rows — `records` (read_person_keys), `stays`
 * (read_person_stays), `alerts` (the alert tables).
 */
export type ChangedPersons = string;

/**
 * What separates a person's names in read_persons.search: a control character that names do not
 * hold, so a substring of `search` without it is a substring of one name.
 */
export const NAME_SEPARATOR = "\u001f";
const NAME_SEPARATOR_SQL = "chr(31)";

/** Tables small enough to rebuild whole on every run. */
const WHOLE: Record<string, string> = {
  read_person_cohorts: `SELECT m.person_id, m.cohort_id, k.kind, m.role, m.first_seen, m.last_seen
    FROM cohort_members m JOIN cohorts k USING (cohort_id) ORDER BY m.person_id, m.first_seen, m.cohort_id`,
  read_person_links: `
    SELECT person_id, reason, rec_key_a, rec_key_b, evidence FROM person_links
    WHERE reason NOT IN ('same document', 're-export') ORDER BY person_id`,
  read_persons: `SELECT p.person_id, p.display_name, p.birth_date, p.sex, p.nationality,
      p.labor_score, p.indicators, coalesce(n.names, '[]') AS names, coalesce(n.search, '') AS search
    FROM persons p LEFT JOIN (
      SELECT person_id, to_json(l)::VARCHAR AS names,
             array_to_string(list_transform(l, x -> lower(x.name)), ${NAME_SEPARATOR_SQL}) AS search
      FROM (SELECT person_id, list_sort(list({'name': name, 'script': script, 'count': count})) AS l
            FROM person_names GROUP BY person_id)) n USING (person_id)
    ORDER BY p.person_id`,
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
    await timed(table, () => createTable(store, table, sql));
  const alerts = await writeMeta(store);
  const records = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM read_person_keys");
  const stats: ReadTablesStats = { alerts, person_records: Number(records?.n ?? 0) };
  if (persons) {
    const n = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${persons}`);
    stats.persons = Number(n?.n ?? 0);
  }
  return stats;
}

/**
 * A fixed compression per column of the larger read tables: the method DuckDB picks for such
 * data anyway, without trying every method on every segment (as migration 008 does for the
 * analyze tables). Writing the stays sorted by person takes about 30 % less CPU so, the
 * persons' keys 20 %. Columns not named here are left to DuckDB.
 */
const COMPRESSION: Readonly<Record<string, Readonly<Record<string, Compression>>>> = {
  read_person_keys: { person_id: "dictionary", rec_key: "bitpacking" },
  // The analyze tables' methods (migration 008), for the same columns.
  read_person_stays: { ...DERIVED_COMPRESSION.stays, flags: "dictionary", record_ids: "fsst" },
  read_alerts: { ...DERIVED_COMPRESSION.alerts, record_keys: "fsst", docs: "fsst" },
  read_alerts_by_score: {
    alert_id: "fsst",
    rule: "dictionary",
    person_id: "fsst",
    cohort_id: "dictionary",
    period_start: "bitpacking",
    period_end: "bitpacking",
  },
  read_person_alerts: {
    person_id: "dictionary",
    alert_id: "fsst",
    rule: "dictionary",
    period_start: "bitpacking",
    period_end: "bitpacking",
    summary: "fsst",
  },
  read_persons: { display_name: "fsst", birth_date: "bitpacking", search: "fsst", names: "fsst" },
};

/** CREATE OR REPLACE TABLE `table` AS `sql`, with the compression COMPRESSION fixes. */
async function createTable(store: Store, table: string, sql: string): Promise<void> {
  const methods = COMPRESSION[table];
  if (!methods) return store.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`);
  const columns = await store.all<{ column_name: string; column_type: string }>(`DESCRIBE ${sql}`);
  const defs = columns.map((c) => {
    const method = methods[c.column_name];
    return `"${c.column_name}" ${c.column_type}${method ? ` USING COMPRESSION ${method}` : ""}`;
  });
  await store.run(`CREATE OR REPLACE TABLE ${table} (${defs.join(", ")})`);
  await store.run(`INSERT INTO ${table} ${sql}`);
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
  if (!persons) return createTable(store, table, sql);
  await store.run(`DELETE FROM ${table} WHERE person_id IN ${persons}`);
  await store.run(`INSERT INTO ${table} ${sql}`);
}

/**
 * SQL: read_alerts's columns for the alerts `a` and their lists rt_lists `c`. The cited records'
 * keys are text separated by spaces (a key has none; `?` for an id no loaded record has): DuckDB
 * reads a few rows of a text column where they are, while a row of a list column is found by
 * reading the lists before it in its row group, and a page of the listing by score takes 50 rows
 * from anywhere in the table. Reads turn the keys into masked references. The person's
 * document numbers, which mask the summary, are text the same way (rt_docs `d`). The cited ids
 * as stored are read for an unmasked page's alerts only (src/read/alerts.ts), so the sorts here
 * move no lists of text.
 */
const ALERT_COLUMNS = `a.alert_id, a.rule, a.rule_version, a.score, coalesce(a.censored, false) AS censored,
  a.person_id, a.cohort_id, a.period_start, a.period_end, a.summary,
  coalesce(c.record_keys, '') AS record_keys, coalesce(c.port_ids, []) AS port_ids,
  coalesce(d.docs, '') AS docs`;

/**
 * The columns listAlerts filters and sorts on, the ports (the place filter) among them:
 * read_alerts_by_score holds only these, so sorting it by score moves no summaries; a page of it
 * takes the rest of its rows from read_alerts by alert id.
 */
const BY_SCORE_COLUMNS =
  "alert_id, rule, score, person_id, cohort_id, period_start, period_end, port_ids";

/**
 * SQL: per alert of `alerts a` (rowid n), its cited records' keys in citation order as text and
 * the known ports they were at (what the place filter matches: a gazetteer place stands for port
 * ids). The cited ids (`source:record_id`) are unnested and matched to records by one hash join;
 * the lists are gathered as integers and ENUM codes, and turned into text once per alert.
 * list() keeps NULLs, so one alert's keys and positions line up; list_grade_up puts the keys
 * back in citation order.
 */
function alertListsSql(where: string): string {
  return `SELECT c.n,
      array_to_string(list_transform(list_select(list(r.rec_key), list_grade_up(list(c.i))),
        k -> coalesce(k::VARCHAR, '?')), ' ') AS record_keys,
      list_sort(list_distinct(list(r.port_id)))::VARCHAR[] AS port_ids
    FROM (SELECT a.rowid AS n, unnest(a.record_ids) AS rid, generate_subscripts(a.record_ids, 1) AS i
          FROM alerts a WHERE true ${where}) c
    LEFT JOIN records r ON r.source || ':' || r.record_id = c.rid
    GROUP BY c.n`;
}

/**
 * read_alerts, read_alerts_by_score and read_person_alerts: whole, or the alerts `which` (a
 * condition over alerts `a`) replaced. Each alert gets its cited records' keys (in citation
 * order) and the ports they were at (the place filter), built once (alertListsSql); only
 * read_alerts carries them, so the other two tables sort narrow rows.
 */
async function buildAlertTables(store: Store, which?: string): Promise<void> {
  const where = which ? `AND ${which}` : "";
  if (which) {
    for (const table of ["read_alerts", "read_alerts_by_score", "read_person_alerts"])
      await store.run(`DELETE FROM ${table} a WHERE ${which}`);
  }
  await store.run(`CREATE OR REPLACE TEMP TABLE rt_lists AS ${alertListsSql(where)}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE rt_docs AS
    SELECT person_id, array_to_string(list_sort(list(doc_number)), ' ') AS docs FROM person_documents
    WHERE person_id IN (SELECT person_id FROM alerts a WHERE true ${where}) GROUP BY ALL`);
  const alerts = `SELECT ${ALERT_COLUMNS}
    FROM alerts a LEFT JOIN rt_lists c ON c.n = a.rowid LEFT JOIN rt_docs d USING (person_id)
    WHERE true ${where} ORDER BY a.rule, a.score DESC, a.alert_id`;
  const ra = which ? `WHERE ${which}` : "";
  const byScore = `SELECT ${BY_SCORE_COLUMNS} FROM read_alerts a ${ra} ORDER BY score DESC, alert_id`;
  const personAlerts = `SELECT person_id, alert_id, rule, score, period_start, period_end, summary
    FROM alerts a WHERE person_id IS NOT NULL ${where} ORDER BY person_id, period_start, rule`;
  for (const [table, sql] of [
    ["read_alerts", alerts],
    ["read_alerts_by_score", byScore],
    ["read_person_alerts", personAlerts],
  ] as const)
    await (which ? store.run(`INSERT INTO ${table} ${sql}`) : createTable(store, table, sql));
  await store.run("DROP TABLE rt_lists");
  await store.run("DROP TABLE rt_docs");
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

/** What a connection's opener vouches for when it built the read tables first (the server). */
export const READ_TABLES_BUILT = "read-tables-built";

/**
 * Builds the read tables if the store has none of this layout (analyzed before they existed,
 * or never analyzed); otherwise one small query, or none on a connection whose opener vouches
 * for them (READ_TABLES_BUILT). Reads call it first.
 */
export async function ensureReadTables(store: Store): Promise<void> {
  if (store.vouches(READ_TABLES_BUILT)) return;
  if (!(await readTablesBuilt(store))) await store.transaction(() => buildReadTables(store));
}
