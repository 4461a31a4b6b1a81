/**
 * Records as outputs cite them: `source:record_id` when unmasked; masked, by their ingest run
 * and line (`r3:1042`, see src/core/masking.ts), since a record id can carry a document number.
 */
import { MASK_SQL } from "../core/masking.js";

/** A SQL expression for a record's reference, from the records row aliased `alias`. */
export function recordRefSql(alias: string, unmask: boolean): string {
  return unmask
    ? `${alias}.source || ':' || ${alias}.record_id`
    : MASK_SQL.record(`${alias}.rec_key`);
}

/**
 * A SQL expression mapping a VARCHAR[] of `source:record_id` (as alerts and stays store them)
 * to what an output shows, in order. Masked, an id no loaded record has becomes `?`.
 */
export function recordRefListSql(list: string, unmask: boolean): string {
  if (unmask) return list;
  return `(SELECT coalesce(list(coalesce(${MASK_SQL.record("rr.rec_key")}, '?') ORDER BY u.i), [])
           FROM (SELECT unnest(${list}) AS rid, generate_subscripts(${list}, 1) AS i) u
           LEFT JOIN records rr ON rr.source || ':' || rr.record_id = u.rid)`;
}
