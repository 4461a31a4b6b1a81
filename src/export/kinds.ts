/**
 * The export contract's kinds (docs/export.md): one SQL query each, written by DuckDB COPY.
 * List columns stay lists (JSON arrays in CSV). Masked unless `unmask`, by the SQL twins of
 * the masking policy (src/core/masking.ts): names keep their first letter, document numbers at
 * most their last two characters, birth dates their year, and records are cited by ingest run
 * and line instead of their record ids.
 */
import { MASK_SQL } from "../core/masking.js";
import { citedRecordsSql, recordRefSql } from "../read/records.js";

export interface ExportKind {
  name: string;
  description: string;
  /** The rows to export. */
  query(options: { unmask: boolean }): string;
}

/** persons: {person_id, record_ids[], names[], doc_numbers[], birth_date|null, sex|null, labor_score, indicators[]} */
export const PERSONS_EXPORT: ExportKind = {
  name: "persons",
  description:
    "one row per resolved person: person_id, record_ids (source:record_id), names, doc_numbers,\n" +
    "birth_date, sex, labor_score, indicators",
  query({ unmask }) {
    const names = unmask
      ? "list(name ORDER BY count DESC, name)"
      : `list(DISTINCT ${MASK_SQL.name("name")} ORDER BY ${MASK_SQL.name("name")})`;
    const doc = unmask ? "doc_number" : MASK_SQL.doc("doc_number");
    const birth = unmask ? "p.birth_date" : MASK_SQL.birthDate("p.birth_date");
    return `
      WITH rec AS (
        SELECT pr.person_id, list(${recordRefSql("r", unmask)} ORDER BY r.crossed_at, r.rec_key) AS record_ids
        FROM person_records pr JOIN records r USING (rec_key) GROUP BY pr.person_id),
      nm AS (SELECT person_id, ${names} AS names FROM person_names GROUP BY person_id),
      dc AS (SELECT person_id, list(DISTINCT ${doc} ORDER BY ${doc}) AS doc_numbers
             FROM person_documents GROUP BY person_id)
      SELECT p.person_id, coalesce(rec.record_ids, []) AS record_ids,
             coalesce(nm.names, []) AS names, coalesce(dc.doc_numbers, []) AS doc_numbers,
             ${birth} AS birth_date, p.sex, coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
             coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators
      FROM persons p LEFT JOIN rec USING (person_id) LEFT JOIN nm USING (person_id)
      LEFT JOIN dc USING (person_id)
      ORDER BY p.person_id`;
  },
};

/**
 * A contract query over `table` (as `alias`), whose rows cite records: the select list
 * `columns` is given the cited-records expression (citedRecordsSql).
 */
function citing(
  [table, alias]: [string, string],
  unmask: boolean,
  order: string,
  columns: (refs: string) => string,
): string {
  const cited = citedRecordsSql(table, alias, unmask);
  return `SELECT ${columns(cited.refs)} FROM ${cited.from} ORDER BY ${order}`;
}

export const ALERTS_EXPORT: ExportKind = {
  name: "alerts",
  description:
    "one row per alert: alert_id, rule, score, person_id, cohort_id, period_start, period_end, summary, record_ids",
  query: ({ unmask }) =>
    citing(["alerts", "a"], unmask, "rule, alert_id", (refs) => {
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
  // A person's stays that begin on the same day in the order of their records' keys (load order).
  query: ({ unmask }) =>
    citing(
      ["stays", "s"],
      unmask,
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
