import type { Rule } from "./rule.js";

/**
 * A likely worker (labor_score ≥ post_deadline.min_labor_score) inside the host country on any
 * day after the UNSCR 2397 op. 8 repatriation deadline of 22 Dec 2019 [S1][S3]: an exit after
 * it, or still inside when the logs end. Evidence: the crossings of those stays.
 *
 * A stay still open at the end of the logs is censored: the person may be inside, or the exit
 * record may be lost. When the person's closed stays show a habit (run_indicators.open_cap, as
 * for presence in the labour score), the open stay is taken to last no longer than that habit;
 * a rotating worker who entered in March and was never logged again is not claimed to be inside
 * in December.
 */
export const postDeadlinePresence: Rule = {
  id: "post-deadline-presence",
  version: 2,
  description: "a likely worker present after the repatriation deadline",
  template:
    "Likely worker (labour score {labor_score}: {indicators}) in the country on {post_days} days after the {deadline} deadline of UNSCR 2397 op. 8, {period_start} to {period_end} [S1][S3].",
  // Stays from the same day (the deadline's, for every stay begun before it) in the order of
  // their record keys, whatever order the stays are stored in.
  sql: (p) => `
    SELECT * EXCLUDE (ev), flatten(ev) AS record_keys
    FROM (
    WITH sc AS (
      SELECT s.person_id, greatest(s.entered_on, DATE '${p.deadline}' + 1) AS from_day,
             CASE WHEN s.exited_on IS NULL AND f.open_cap IS NOT NULL
                  THEN least(b.data_end, s.entered_on + f.open_cap)
                  ELSE coalesce(s.exited_on, b.data_end) END AS until,
             s.record_keys AS ev,
             s.exited_on IS NULL AS open_end
      FROM stays s CROSS JOIN run_bounds b LEFT JOIN run_indicators f USING (person_id)
      -- A cap only shortens a stay: the ones that end before the deadline uncapped need no look.
      WHERE coalesce(s.exited_on, b.data_end) > DATE '${p.deadline}'),
    st AS (SELECT * FROM sc WHERE until > DATE '${p.deadline}')
    SELECT st.person_id, NULL AS cohort_id, min(from_day) AS period_start, max(until) AS period_end,
           any_value(pe.labor_score) AS score, bool_and(open_end) AS censored,
           list(ev ORDER BY from_day, ev) AS ev,
           round(any_value(pe.labor_score), 2) AS labor_score,
           array_to_string(from_json(any_value(pe.indicators), '["VARCHAR"]'), '; ') AS indicators,
           sum(until - from_day + 1) AS post_days, '${p.deadline}' AS deadline
    FROM st JOIN persons pe USING (person_id)
    WHERE pe.labor_score >= ${p.post_deadline.min_labor_score}
    GROUP BY st.person_id)`,
};
