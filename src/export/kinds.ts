/**
 * The export contract's kinds (docs/export.md): one SQL query each, written by DuckDB COPY.
 * List columns stay lists (JSON arrays in CSV). Masked unless `unmask`, by the SQL twins of
 * the masking policy (src/core/masking.ts): names keep their first letter, document numbers at
 * most their last two characters, birth dates their year, and records are cited by ingest run
 * and line instead of their record ids.
 */
import { MASK_SQL } from "../core/masking.js";
import { sqlString } from "../db/store.js";
import { citedRecordsSql, recordRefSql } from "../read/records.js";

export interface ExportKind {
  name: string;
  description: string;
  /**
   * The rows to export; with `persons`, only those of the persons in that range of person_id
   * (a batch of a large store: ./write-export.ts), still in the kind's order.
   */
  query(options: { unmask: boolean; persons?: PersonRange }): string;
  /**
   * For a kind ordered by person_id first: the table whose rows say how much work an export
   * has (the rows it groups or sorts), so that a large store is exported in batches of persons.
   */
  batchedBy?: string;
}

/** Persons from `from` (inclusive) up to `to` (exclusive); an end not given is open. */
export interface PersonRange {
  from?: string;
  to?: string;
}

/**
 * SQL: whether `column` is in `range` (TRUE without one). A NULL sorts last, so the last range
 * (open at its end) holds it.
 */
function inRange(column: string, range: PersonRange | undefined): string {
  const { from, to } = range ?? {};
  if (from === undefined) return to === undefined ? "TRUE" : `${column} < ${sqlString(to)}`;
  if (to === undefined) return `(${column} >= ${sqlString(from)} OR ${column} IS NULL)`;
  return `${column} >= ${sqlString(from)} AND ${column} < ${sqlString(to)}`;
}

/** persons: {person_id, record_ids[], names[], doc_numbers[], birth_date|null, sex|null, labor_score, indicators[]} */
export const PERSONS_EXPORT: ExportKind = {
  name: "persons",
  description:
    "one row per resolved person: person_id, record_ids (source:record_id), names, doc_numbers,\n" +
    "birth_date, sex, labor_score, indicators",
  batchedBy: "person_records",
  query({ unmask, persons }) {
    const names = unmask
      ? "list(name ORDER BY count DESC, name)"
      : `list(DISTINCT ${MASK_SQL.name("name")} ORDER BY ${MASK_SQL.name("name")})`;
    const doc = unmask ? "doc_number" : MASK_SQL.doc("doc_number");
    const birth = unmask ? "p.birth_date" : MASK_SQL.birthDate("p.birth_date");
    // A person's records in the order of their crossings (NULL last), then their keys. Sorted
    // as one list per person, not by an ordered aggregate (list(… ORDER BY …)), which buffers
    // every group's rows apart: over 870,000 records it ran out of memory under 640 MB, this
    // needs 100 MB. Masked, the pseudonyms are made from the keys after the sort.
    const byCrossing = "n: r.crossed_at IS NULL, t: r.crossed_at, rec_key: r.rec_key";
    const recordIds = unmask
      ? `list_transform(list_sort(list({${byCrossing}, id: ${recordRefSql("r", true)}})), x -> x.id)`
      : `list_transform(list_sort(list({${byCrossing}})), x -> ${recordRefSql("x", false)})`;
    return `
      WITH rec AS (
        SELECT pr.person_id, ${recordIds} AS record_ids
        FROM person_records pr JOIN records r USING (rec_key)
        WHERE ${inRange("pr.person_id", persons)} GROUP BY pr.person_id),
      nm AS (SELECT person_id, ${names} AS names FROM person_names
             WHERE ${inRange("person_id", persons)} GROUP BY person_id),
      dc AS (SELECT person_id, list(DISTINCT ${doc} ORDER BY ${doc}) AS doc_numbers
             FROM person_documents WHERE ${inRange("person_id", persons)} GROUP BY person_id)
      SELECT p.person_id, coalesce(rec.record_ids, []) AS record_ids,
             coalesce(nm.names, []) AS names, coalesce(dc.doc_numbers, []) AS doc_numbers,
             ${birth} AS birth_date, p.sex, coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
             coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators
      FROM persons p LEFT JOIN rec USING (person_id) LEFT JOIN nm USING (person_id)
      LEFT JOIN dc USING (person_id)
      WHERE ${inRange("p.person_id", persons)}
      ORDER BY p.person_id`;
  },
};

/**
 * A contract query over `table` (as `alias`), whose rows cite records: the select list
 * `columns` is given the cited-records expression (citedRecordsSql).
 */
function citing(
  [table, alias]: [string, string],
  { unmask, persons }: { unmask: boolean; persons?: PersonRange },
  order: string,
  columns: (refs: string) => string,
): string {
  const where = inRange("person_id", persons);
  const cited = citedRecordsSql(table, alias, unmask, where);
  return `SELECT ${columns(cited.refs)} FROM ${cited.from} WHERE ${inRange(`${alias}.person_id`, persons)} ORDER BY ${order}`;
}

export const ALERTS_EXPORT: ExportKind = {
  name: "alerts",
  description:
    "one row per alert: alert_id, rule, score, person_id, cohort_id, period_start, period_end, summary, record_ids",
  query: (options) =>
    citing(["alerts", "a"], options, "rule, alert_id", (refs) => {
      const columns = "alert_id, rule, rule_version, score, person_id, cohort_id, period_start";
      return `${columns}, period_end, summary, ${refs} AS record_ids`;
    }),
};

export const COHORTS_EXPORT: ExportKind = {
  name: "cohorts",
  description:
    "one row per cohort: cohort_id, kind, person_ids, ports, sponsors, first_seen, last_seen, movements",
  query() {
    return `SELECT k.cohort_id, k.kind, coalesce(list(m.person_id ORDER BY m.person_id) FILTER (WHERE m.person_id IS NOT NULL), []) AS person_ids,
                   k.ports, k.sponsors, k.first_seen, k.last_seen, any_value(k.movements) AS movements
            FROM cohorts k LEFT JOIN cohort_members m USING (cohort_id)
            GROUP BY k.cohort_id, k.kind, k.ports, k.sponsors, k.first_seen, k.last_seen ORDER BY k.cohort_id`;
  },
};

export const STAYS_EXPORT: ExportKind = {
  name: "stays",
  description:
    "one row per stay: person_id, port_in, port_out, entered_on, exited_on, days, record_ids, flags",
  batchedBy: "stays",
  // A person's stays that begin on the same day in the order of their records' keys (load order).
  query: (options) =>
    citing(
      ["stays", "s"],
      options,
      "person_id, entered_on, s.record_keys",
      (refs) =>
        `person_id, port_in, port_out, entered_on, exited_on, days, ${refs} AS record_ids, flags`,
    ),
};

export const EXPORTS: readonly ExportKind[] = [
  PERSONS_EXPORT,
  ALERTS_EXPORT,
  COHORTS_EXPORT,
  STAYS_EXPORT,
];
