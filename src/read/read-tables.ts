/**
 * Read tables: the analyze results laid out so that every browsing read (an alert page, a
 * person search, one person's detail) is a lookup of a few row groups rather than a join over
 * `records`. Built at the end of each analyze (src/analyze/steps/read-tables-step.ts), so they
 * always match one analyze run; ingest adds records but changes none of them. A run that
 * recomputed some persons rebuilds only their rows in the per-person tables (read_person_keys,
 * read_persons) and, in the alert tables, those of their alerts that changed (a hash of each
 * alert's row is kept in read_person_alerts to tell them); the document index is rebuilt whole.
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
 * | read_person_keys       | person_id (one row each)  | getPerson (records)            |
 * | read_person_alerts     | person_id, period_start   | getPerson (alerts)             |
 * | read_persons           | person_id (one row each)  | getPerson (person, names, documents, cohorts, links), search |
 * | read_doc_index         | upper(doc_number) (dkey)  | document search                |
 *
 * The per-person tables also hold `pkey`, a BIGINT that orders as person_id does (personKey):
 * a lookup filters on it first, so DuckDB skips row groups by its zone map and compares one
 * integer per row of the row group left, where comparing the text ids cost several times more.
 * A person's lists that only the detail reads (documents, cohorts, document links, re-exports)
 * are text in their read_persons row, so the detail reads one row there rather than a row group of
 * a table per list.
 *
 * A person's stays are read from `stays`, which the stays step writes in person order, through
 * the view read_person_stays (its lists as JSON text, as the reads take them).
 */
import { sanctionedSponsor } from "../core/detection/rules/sanctioned-sponsor.js";
import { DERIVED_COMPRESSION } from "../db/migrations/008-derived-compression.js";
import type { Compression } from "../db/rebuild-table.js";
import { type Store, sqlString } from "../db/store.js";

/** Bumped whenever a read table's columns or the set of tables change: stores rebuild them. */
export const READ_TABLES_LAYOUT = 12;

export const READ_TABLES = [
  "read_person_keys",
  "read_alerts",
  "read_alerts_by_score",
  "read_person_alerts",
  "read_persons",
  "read_doc_index",
] as const;

export interface ReadTablesStats {
  alerts: number;
  person_records: number;
  /** Persons whose rows were rebuilt; absent when every table was rebuilt whole. */
  persons?: number;
}

/**
 * A person id's integer key (`pkey` in the per-person read tables): the 15 hex digits of its
 * UTF-8 bytes after 'P-' (7.5 bytes, 60 bits) as a number. It orders as the ids do (bytes
 * big-endian, and ids are all of one length: src/core/identity/person-id.ts), so a table
 * sorted by person_id is sorted by it too; ids that share the prefix share the key, which is
 * why a lookup compares the text id as well.
 */
export function personKey(personId: string): bigint {
  return BigInt(`0x0${Buffer.from(personId, "utf8").toString("hex").slice(4, 19)}`);
}

/**
 * SQL: the first 7.5 bytes (60 bits) of the text `expr` after `skip` bytes as a BIGINT, in the
 * text's order (a fifth of the CPU of decoding base32 per character).
 */
function prefixKeySql(expr: string, skip: number): string {
  return `('0x0' || substr(hex(${expr}), ${2 * skip + 1}, 15))::BIGINT`;
}

/** SQL: personKey of the text column `id`. */
export function personKeySql(id: string): string {
  return prefixKeySql(id, 2);
}

/**
 * SQL: the integer key of the document number `doc` (as read_doc_index writes it, upper case):
 * its first 7.5 bytes, so a document lookup compares one integer per row of the row group its
 * zone map leaves, then the text of the rows that share the key.
 */
export function docKeySql(doc: string): string {
  return prefixKeySql(doc, 0);
}

/**
 * SQL: which records are whose, one row per person sorted by person: their keys in order as
 * text separated by spaces, and the largest of them. A person's detail reads
 * their records from `records` (kept in rec_key order) by those keys (src/read/persons.ts).
 * Gathering the 283,000 persons' keys and sorting them takes half the CPU of sorting 10M
 * (person, key) rows at 10M records. `only` (a condition over `person_id`, or empty) keeps
 * it to some persons.
 */
function personKeysSql(only: string): string {
  return `SELECT ${personKeySql("pr.person_id")} AS pkey, pr.person_id,
      array_to_string(list_sort(list(pr.rec_key)), ' ') AS keys, max(pr.rec_key) AS last_key
    FROM person_records pr ${only ? `WHERE pr.${only}` : ""} GROUP BY pr.person_id ORDER BY pr.person_id`;
}

/**
 * Per-person tables, each with the condition over ChangedPersons's columns that says whose
 * rows to rebuild. `sql(only)` gives the rows of the persons `only` (a condition over
 * `person_id`, or empty for everyone). A read_persons row changes with the person's records
 * (names, documents, links) or with what their alerts rest on (labour score and indicators,
 * cohort memberships: src/analyze/steps/analyze-scope.ts fingerprints both), so with either.
 */
const PER_PERSON = {
  read_person_keys: { sql: personKeysSql, changed: "records" },
  read_persons: { sql: personsSql, changed: "records OR alerts" },
} as const;

/**
 * The view read_person_stays: `stays` with its flags as JSON text and its records' keys as text
 * separated by spaces (the detail cites them through the person's records, which it reads anyway).
 */
const PERSON_STAYS_VIEW = `CREATE OR REPLACE VIEW read_person_stays AS
  SELECT person_id, port_in, port_out, entered_on, exited_on, days,
         to_json(flags)::VARCHAR AS flags, array_to_string(record_keys, ' ') AS record_keys
  FROM stays`;

/**
 * A temporary table of the persons whose rows a run may have changed: person_id, and two
 * booleans saying which of their rows — `records` (read_person_keys), `alerts` (the alert
 * tables).
 */
export type ChangedPersons = string;

/**
 * What separates a person's names in read_persons.search: a control character that names do not
 * hold, so a substring of `search` without it is a substring of one name.
 */
export const NAME_SEPARATOR = "\u001f";
const NAME_SEPARATOR_SQL = "chr(31)";

/**
 * SQL: per person, as JSON text, the lists of their detail that no other read takes: documents,
 * cohorts and the links between documents (typo, renewal), and as text their re-exports, `b:a`
 * pairs separated by spaces (record b re-exports record a). A person with none of one has NULL
 * there. Documents and cohorts are in the
 * detail's order, by first day then id: list_sort of structs that start with those fields,
 * as an aggregate ordered by them (`list(… ORDER BY …)`) costs seven times the CPU at 10M.
 * `only` (a condition over `person_id`, or empty) keeps each list to some persons.
 */
function personListsSql(only: string): Record<string, string> {
  const and = only ? `AND ${only}` : "";
  return {
    documents: `SELECT person_id, to_json(list_sort(list({
        'first_seen': strftime(first_seen, '%Y-%m-%d'), 'doc_number': doc_number,
        'nationality': nationality, 'last_seen': strftime(last_seen, '%Y-%m-%d')})))::VARCHAR
        AS documents
      FROM person_documents WHERE true ${and} GROUP BY person_id`,
    cohorts: `SELECT m.person_id, to_json(list_sort(list({
        'first_seen': strftime(m.first_seen, '%Y-%m-%d'), 'cohort_id': m.cohort_id, 'kind': k.kind,
        'role': m.role, 'last_seen': strftime(m.last_seen, '%Y-%m-%d')})))::VARCHAR AS cohorts
      FROM cohort_members m JOIN cohorts k USING (cohort_id) WHERE true ${and} GROUP BY m.person_id`,
    links: `SELECT person_id, to_json(list({'reason': reason, 'a': rec_key_a::VARCHAR,
        'b': rec_key_b::VARCHAR, 'evidence': evidence::VARCHAR}))::VARCHAR AS links
      FROM person_links WHERE reason NOT IN ('same document', 're-export') ${and} GROUP BY person_id`,
    reexports: `SELECT person_id, string_agg(rec_key_b || ':' || rec_key_a, ' ') AS reexports
      FROM person_links WHERE reason = 're-export' ${and} GROUP BY person_id`,
  };
}

/**
 * SQL: read_persons's rows, of every person or (`only`, a condition over `person_id`) of some.
 * Each list is gathered for those persons alone: the lists' aggregates over every document,
 * name, link and membership are most of the table's cost.
 */
function personsSql(only: string): string {
  const where = only ? `WHERE ${only}` : "";
  const lists = personListsSql(only);
  return `SELECT ${personKeySql("p.person_id")} AS pkey, p.person_id, p.display_name,
      p.birth_date, p.sex, p.nationality, p.labor_score, p.indicators,
      coalesce(n.names, '[]') AS names, coalesce(n.search, '') AS search,
      ${Object.keys(lists).join(", ")}
    FROM (SELECT * FROM persons ${where}) p LEFT JOIN (
      SELECT person_id, to_json(l)::VARCHAR AS names,
             array_to_string(list_transform(l, x -> lower(x.name)), ${NAME_SEPARATOR_SQL}) AS search
      FROM (SELECT person_id, list_sort(list({'name': name, 'script': script, 'count': count})) AS l
            FROM person_names ${where} GROUP BY person_id)) n USING (person_id)
    ${Object.values(lists)
      .map((sql) => `LEFT JOIN (${sql}) USING (person_id)`)
      .join(" ")}
    ORDER BY p.person_id`;
}

/** Tables small enough to rebuild whole on every run. */
const WHOLE: Record<string, string> = {
  read_doc_index: `SELECT ${docKeySql("doc")} AS dkey, doc, ${personKeySql("person_id")} AS pkey,
      person_id
    FROM (SELECT DISTINCT upper(doc_number) AS doc, person_id FROM person_documents
          WHERE doc_number IS NOT NULL)
    ORDER BY doc`,
};

/**
 * SQL: a hash of every column of the alert `a` (alerts as the rules step writes them), kept
 * beside it in read_person_alerts (`h`), by which a later run tells the alerts it must lay out
 * again from those it left as they were. A column added to `alerts` belongs here too.
 */
const ALERT_HASH = `hash(a.alert_id, a.rule, a.rule_version, a.score, a.person_id, a.cohort_id,
  a.period_start, a.period_end, a.summary, a.censored, a.record_keys)`;

/**
 * SQL: the ids of the alerts of the persons whose alerts a run recomputed (`persons`, its
 * `alerts` column) that differ from what the read tables hold: new, changed (their hash
 * differs from read_person_alerts's) or gone. Most alerts of a person still inside when the
 * logs end come out of the rules step as they were, and are left where they are.
 */
function changedAlertsSql(persons: ChangedPersons): string {
  const whose = `(SELECT person_id FROM ${persons} WHERE alerts)`;
  return `WITH now AS (SELECT a.alert_id, ${ALERT_HASH} AS h FROM alerts a
                   WHERE a.person_id IN ${whose}),
    was AS (SELECT alert_id, h FROM read_person_alerts WHERE person_id IN ${whose})
    SELECT alert_id FROM now ANTI JOIN was USING (alert_id, h)
    UNION SELECT alert_id FROM was ANTI JOIN now USING (alert_id, h)`;
}

/**
 * Rebuilds the read tables from the store's analyze results (inside the caller's transaction):
 * all of them, or — `persons` given — the rows of those persons in the per-person and alert
 * tables (with every sanctioned-sponsor alert, a rule recomputed whole), the document index whole.
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
    await timed(table, () => replaceRows(store, table, sql(set ? `person_id IN ${set}` : ""), set));
  }
  await timed("read_alerts", async () => {
    if (!persons) return buildAlertTables(store);
    await store.run(`CREATE OR REPLACE TEMP TABLE rt_changed AS ${changedAlertsSql(persons)}`);
    await store.withCleanup(
      () =>
        buildAlertTables(
          store,
          `(a.person_id IN ${whose("records")} OR a.alert_id IN (SELECT alert_id FROM rt_changed)
            OR a.rule = ${sqlString(sanctionedSponsor.id)})`,
        ),
      "DROP TABLE rt_changed",
    );
  });
  for (const [table, sql] of Object.entries(WHOLE))
    await timed(table, () => createTable(store, table, sql));
  await store.run(PERSON_STAYS_VIEW);
  const alerts = await writeMeta(store);
  const records = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM person_records");
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
  read_person_keys: {
    pkey: "bitpacking",
    person_id: "dictionary",
    keys: "fsst",
    last_key: "bitpacking",
  },
  // The analyze tables' methods (migration 008), for the same columns.
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
    pkey: "bitpacking",
    person_id: "dictionary",
    alert_id: "fsst",
    rule: "dictionary",
    period_start: "bitpacking",
    period_end: "bitpacking",
    summary: "fsst",
  },
  read_persons: {
    pkey: "bitpacking",
    display_name: "fsst",
    birth_date: "bitpacking",
    search: "fsst",
    names: "fsst",
    documents: "fsst",
    cohorts: "fsst",
    links: "fsst",
    reexports: "fsst",
  },
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
 * SQL: read_alerts's columns for the alerts `a` and their ports rt_lists `c`. The cited records'
 * keys (`alerts.record_keys`, written by the rules beside the ids) are text separated by spaces
 * (a key has none; `?` for an id no loaded record has; a list without one is joined as it is,
 * which takes about half the CPU of a lambda over every key): DuckDB
 * reads a few rows of a text column where they are, while a row of a list column is found by
 * reading the lists before it in its row group, and a page of the listing by score takes 50 rows
 * from anywhere in the table. Reads turn the keys into masked references. The person's
 * document numbers, which mask the summary, are text the same way (rt_docs `d`). The cited ids
 * as stored are read for an unmasked page's alerts only (src/read/alerts.ts), so the sorts here
 * move no lists of text.
 */
const ALERT_COLUMNS = `a.alert_id, a.rule, a.rule_version, a.score, coalesce(a.censored, false) AS censored,
  a.person_id, a.cohort_id, a.period_start, a.period_end, a.summary,
  coalesce(CASE WHEN list_aggregate(a.record_keys, 'count') = len(a.record_keys)
                THEN array_to_string(a.record_keys, ' ')
                ELSE array_to_string(list_transform(a.record_keys, k -> coalesce(k::VARCHAR, '?')), ' ')
           END, '') AS record_keys,
  coalesce(c.port_ids, []) AS port_ids,
  coalesce(d.docs, '') AS docs`;

/**
 * The columns listAlerts filters and sorts on, the ports (the place filter) among them:
 * read_alerts_by_score holds only these, so sorting it by score moves no summaries; a page of it
 * takes the rest of its rows from read_alerts by alert id.
 */
const BY_SCORE_COLUMNS =
  "alert_id, rule, score, person_id, cohort_id, period_start, period_end, port_ids";

/**
 * SQL: per alert of `alerts a` (rowid n) that cites a record at a known port, those ports (what
 * the place filter matches: a gazetteer place stands for port ids), sorted. The cited keys are
 * matched to records by one hash join on the integer key; each (alert, port) pair is kept once
 * before the lists are gathered.
 */
function alertListsSql(where: string): string {
  return `SELECT n, list_sort(list(port_id))::VARCHAR[] AS port_ids
    FROM (SELECT DISTINCT c.n, r.port_id
          FROM (SELECT a.rowid AS n, unnest(a.record_keys) AS k FROM alerts a WHERE true ${where}) c
          JOIN records r ON r.rec_key = c.k WHERE r.port_id IS NOT NULL)
    GROUP BY n`;
}

/**
 * read_alerts, read_alerts_by_score and read_person_alerts: whole, or the alerts `which` (a
 * condition over alerts `a`) replaced. Each alert gets the ports its cited records were at (the
 * place filter), built once (alertListsSql); only read_alerts carries its records' keys, so the
 * other two tables sort narrow rows.
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
  const personAlerts = `SELECT ${personKeySql("person_id")} AS pkey, person_id, alert_id, rule,
      score, period_start, period_end, summary, ${ALERT_HASH} AS h
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
