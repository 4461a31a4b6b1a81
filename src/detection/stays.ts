/**
 * Stays: entries and exits paired per person, in SQL over person_records ⋈ records (canonical
 * records only, so a re-export counts once). Robust to what port logs do:
 *
 * - duplicates the ingest could not see (two sources logging one crossing, or one crossing logged
 *   twice under different record ids): same direction within `stays.duplicate_window_hours` →
 *   one crossing, flag `duplicate-crossing`;
 * - out-of-order delivery: everything is ordered by crossed_at, never by file order;
 * - a missing exit (entry → entry) or entry (exit → exit): the stay's other end is inferred as the
 *   person's median observed stay, capped by the neighbouring crossing and
 *   `stays.max_inferred_stay_days`, flag `inferred-exit` / `inferred-entry`;
 * - a first crossing that is an exit: inside since before the logs start, `open-at-start`
 *   (entered_on = first day of the logs); a last crossing that is an entry: `open-at-end`
 *   (exited_on NULL, days counted to the last day of the logs);
 * - entry at one port and exit at another: `port-transfer`.
 */
import type { Policy } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";

/** Days of a stay from entry to exit under the policy's convention (SQL expression). */
export function daysExpr(policy: Policy, from: string, to: string): string {
  return policy.days.counting === "inclusive" ? `(${to} - ${from} + 1)` : `(${to} - ${from})`;
}

export async function buildStays(store: Store, policy: Policy): Promise<number> {
  const dupSeconds = Math.round(policy.stays.duplicate_window_hours * 3600);
  // One row per canonical record of a resolved person.
  await store.run(`CREATE OR REPLACE TEMP TABLE det_rec AS
    SELECT pr.person_id, r.rec_key, r.source || ':' || r.record_id AS rid, r.crossed_at,
           r.local_date, r.direction, coalesce(r.port_id, r.port_raw) AS port, r.visa_type,
           r.doc_type, r.sponsor, r.group_id, r.nationality
    FROM person_records pr JOIN records r USING (rec_key)
    WHERE r.canonical_key IS NULL AND r.direction IN ('entry', 'exit') AND r.local_date IS NOT NULL`);
  await store.run(`CREATE OR REPLACE TEMP TABLE det_bounds AS
    SELECT min(local_date) AS data_start, max(local_date) AS data_end FROM det_rec`);
  // Collapse repeated same-direction crossings within the window into one event.
  await store.run(`CREATE OR REPLACE TEMP TABLE det_events AS
    WITH marked AS (
      SELECT *, CASE WHEN lag(direction) OVER w = direction
                      AND epoch(crossed_at) - epoch(lag(crossed_at) OVER w) <= ${dupSeconds}
                     THEN 0 ELSE 1 END AS starts
      -- Only the columns pairing needs: windows sort and carry whole rows.
      FROM (SELECT person_id, rec_key, rid, crossed_at, local_date, direction, port FROM det_rec)
      WINDOW w AS (PARTITION BY person_id ORDER BY crossed_at, rec_key)),
    numbered AS (
      SELECT *, sum(starts) OVER (PARTITION BY person_id ORDER BY crossed_at, rec_key
                                  ROWS UNBOUNDED PRECEDING) AS ev FROM marked),
    -- An event is its first crossing (in time order) plus any repeats folded into it. Repeats
    -- are rare, so they are gathered apart and joined back: one ordered list aggregate over
    -- every crossing took most of this step's time at 10M records.
    repeats AS (
      SELECT person_id, ev, list(rid ORDER BY crossed_at, rec_key) AS more
      FROM numbered WHERE starts = 0 GROUP BY person_id, ev)
    SELECT h.person_id, h.ev, h.direction, h.crossed_at, h.local_date, h.port,
           CASE WHEN r.more IS NULL THEN [h.rid] ELSE list_concat([h.rid], r.more) END AS rids,
           r.more IS NOT NULL AS dup
    FROM numbered h LEFT JOIN repeats r USING (person_id, ev)
    WHERE h.starts = 1`);
  await store.run(`CREATE OR REPLACE TEMP TABLE det_seq AS
    SELECT *, lag(direction) OVER w AS prev_dir, lag(local_date) OVER w AS prev_date,
           lead(direction) OVER w AS next_dir, lead(local_date) OVER w AS next_date,
           lead(port) OVER w AS next_port, lead(rids) OVER w AS next_rids, lead(dup) OVER w AS next_dup
    FROM det_events WINDOW w AS (PARTITION BY person_id ORDER BY ev)`);
  // The person's typical stay, from stays with both ends observed, for inferring missing ends.
  await store.run(`CREATE OR REPLACE TEMP TABLE det_typical AS
    SELECT person_id, least(median(next_date - local_date), ${policy.stays.max_inferred_stay_days})::INTEGER AS typical
    FROM det_seq WHERE direction = 'entry' AND next_dir = 'exit' GROUP BY person_id`);
  const days = (a: string, b: string) => daysExpr(policy, a, b);
  await store.run("DELETE FROM stays");
  await store.run(`INSERT INTO stays
    WITH s AS (
      -- Entries: paired with the next exit, else an inferred exit, else open at the end.
      SELECT e.person_id, e.port AS port_in,
             CASE WHEN e.next_dir = 'exit' THEN e.next_port END AS port_out,
             e.local_date AS entered_on,
             CASE WHEN e.next_dir = 'exit' THEN e.next_date
                  WHEN e.next_dir = 'entry' THEN least(e.next_date - 1,
                       e.local_date + coalesce(t.typical, ${policy.stays.max_inferred_stay_days}))
             END AS exited_on,
             CASE WHEN e.next_dir = 'exit' THEN e.rids || e.next_rids ELSE e.rids END AS record_ids,
             list_value(
               CASE WHEN e.next_dir = 'entry' THEN 'inferred-exit' END,
               CASE WHEN e.next_dir IS NULL THEN 'open-at-end' END,
               CASE WHEN e.dup OR (e.next_dir = 'exit' AND e.next_dup) THEN 'duplicate-crossing' END,
               CASE WHEN e.next_dir = 'exit' AND e.next_port <> e.port THEN 'port-transfer' END) AS fl
      FROM det_seq e LEFT JOIN det_typical t USING (person_id)
      WHERE e.direction = 'entry'
      UNION ALL
      -- Exits not preceded by an entry: inside since the logs start, or the entry was lost.
      SELECT x.person_id, NULL, x.port,
             CASE WHEN x.prev_dir IS NULL THEN b.data_start
                  ELSE greatest(x.prev_date + 1,
                       x.local_date - coalesce(t.typical, ${policy.stays.max_inferred_stay_days})) END,
             x.local_date, x.rids,
             list_value(CASE WHEN x.prev_dir IS NULL THEN 'open-at-start' ELSE 'inferred-entry' END,
                        CASE WHEN x.dup THEN 'duplicate-crossing' END)
      FROM det_seq x CROSS JOIN det_bounds b LEFT JOIN det_typical t USING (person_id)
      WHERE x.direction = 'exit' AND (x.prev_dir IS NULL OR x.prev_dir = 'exit'))
    SELECT s.person_id, port_in, port_out, entered_on, exited_on,
           greatest(${days("entered_on", "coalesce(exited_on, b.data_end)")}, 0)::INTEGER AS days,
           record_ids, list_filter(fl, f -> f IS NOT NULL) AS flags
    FROM s CROSS JOIN det_bounds b`);
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM stays");
  return Number(row?.n ?? 0);
}
