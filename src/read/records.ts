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
 * (`?` for a key no loaded record has). A correlated subquery: DuckDB joins the keys of every
 * row it is asked for to `records` at once, which stores them in key order.
 */
export function recordIdsSql(keys: string): string {
  return `(SELECT coalesce(list(coalesce(rr.source || ':' || rr.record_id, '?') ORDER BY u.i), [])
           FROM (SELECT unnest(${keys}) AS k, generate_subscripts(${keys}, 1) AS i) u
           LEFT JOIN records rr ON rr.rec_key = u.k)`;
}
