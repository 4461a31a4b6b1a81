/**
 * Records as outputs cite them: `source:record_id` when unmasked; masked, by their ingest run
 * and line (`r3:1042`, see src/core/masking.ts), since a record id can carry a document number.
 * Stays and alerts cite their records by rec_key (`record_keys`); the text ids are read from
 * `records` only where an output shows them.
 */
import { MASK_SQL } from "../core/masking.js";

/** A SQL expression for a record's reference, from the records row aliased `alias`. */
export function recordRefSql(alias: string, unmask: boolean): string {
  return unmask
    ? `${alias}.source || ':' || ${alias}.record_id`
    : MASK_SQL.record(`${alias}.rec_key`);
}

/**
 * A SQL expression mapping a BIGINT[] of rec_keys (as alerts and stays store them) to what an
 * output shows, in order: masked, their pseudonyms; unmasked, their `source:record_id`
 * (recordIdsSql). A key no loaded record has (NULL) becomes `?`.
 */
export function recordRefListSql(keys: string, unmask: boolean): string {
  if (unmask) return recordIdsSql(keys);
  return `coalesce(list_transform(${keys}, k -> coalesce(${MASK_SQL.record("k")}, '?')), [])`;
}

/**
 * A SQL expression: the `source:record_id` of each rec_key of the BIGINT[] `keys`, in order
 * (`?` for a key no loaded record has). A correlated subquery, for reads of a few rows; a whole
 * table's rows take theirs from withRecordIdsSql.
 */
export function recordIdsSql(keys: string): string {
  return `(SELECT coalesce(list(coalesce(rr.source || ':' || rr.record_id, '?') ORDER BY u.i), [])
           FROM (SELECT unnest(${keys}) AS k, generate_subscripts(${keys}, 1) AS i) u
           LEFT JOIN records rr ON rr.rec_key = u.k)`;
}

/**
 * SQL (a subquery): the table `table` with a column `record_ids`, its rows' `record_keys` as
 * `source:record_id` (recordIdsSql), by one join of every key with `records` and one grouping by
 * row: a correlated subquery over a whole table costs several times more, since DuckDB hashes
 * each row's list to join the keys back. `where` (over the table's columns) keeps some rows,
 * before the join, so that a batch of an export groups only its own keys.
 */
export function withRecordIdsSql(table: string, where = "TRUE"): string {
  return `(SELECT t.*, coalesce(c.ids, []) AS record_ids FROM ${table} t LEFT JOIN (
      SELECT u.n, list_transform(list_sort(list({i: u.i, id: coalesce(rr.source || ':' || rr.record_id, '?')})),
                                 x -> x.id) AS ids
      FROM (SELECT rowid AS n, unnest(record_keys) AS k, generate_subscripts(record_keys, 1) AS i
            FROM ${table} WHERE ${where}) u
      LEFT JOIN records rr ON rr.rec_key = u.k GROUP BY u.n) c ON c.n = t.rowid WHERE ${where})`;
}

/**
 * The FROM item and the cited-records expression of an output over a whole table of stays or
 * alerts (`alias`), or its rows that `where` keeps (over the table's own columns): unmasked,
 * the table with its ids joined (withRecordIdsSql); masked, the table itself and the keys'
 * pseudonyms.
 */
export function citedRecordsSql(
  table: string,
  alias: string,
  unmask: boolean,
  where?: string,
): { from: string; refs: string } {
  return unmask
    ? { from: `${withRecordIdsSql(table, where)} ${alias}`, refs: `${alias}.record_ids` }
    : { from: `${table} ${alias}`, refs: recordRefListSql(`${alias}.record_keys`, false) };
}
