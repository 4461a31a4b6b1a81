import { evidenceColumns, evidenceInOrder, type Rule } from "./rule.js";

/**
 * The visa run: stays just under the limit, each followed by a short trip home and re-entry
 * [S32][S36] — at least visa_run.min_stays in a row. One alert per unbroken run; a stay that is
 * too short or too long, or an absence longer than visa_run.max_absence_days, ends the run.
 *
 * A near-limit stay continues the run of the stay just before it when that stay was near the
 * limit too (not inferred, not open) and the absence between them was short; runs are numbered
 * over the near-limit stays only, and record ids are gathered only for runs long enough to alert.
 * Only persons with at least min_stays near-limit stays can have such a run, so the stays are
 * put in order for them alone (a third of the stays at 10M records).
 */
export const visaRun: Rule = {
  id: "visa-run",
  version: 1,
  detStay: true,
  description: "repeated stays near the visa-exempt limit separated by short absences",
  template:
    "{stays} stays of {min_days}–{max_days} days between {period_start} and {period_end}, each near the {limit}-day limit, with absences of at most {max_gap} days: {nights} nights in the country, residence by instalments [S32][S36].",
  sql: (p) => {
    const near = `days BETWEEN ${p.visa_run.near_limit_min_days} AND ${p.limits.visa_exempt_days}
      AND NOT guessed AND NOT open_end`;
    return `
    WITH cand AS (
      SELECT pid FROM det_stay GROUP BY pid
      HAVING count(*) FILTER (WHERE ${near}) >= ${p.visa_run.min_stays}),
    st AS (
      SELECT pid, sid, entered_on, exited_on, until, days, ${near} AS near
      FROM det_stay SEMI JOIN cand USING (pid)),
    linked AS (
      SELECT pid, sid, entered_on, exited_on, until, days, near,
             entered_on - lag(until) OVER w AS gap,
             coalesce(lag(near) OVER w, false)
               AND entered_on - lag(until) OVER w BETWEEN 0 AND ${p.visa_run.max_absence_days} AS continues
      FROM st WINDOW w AS (PARTITION BY pid ORDER BY entered_on, exited_on, sid)),
    runs AS (
      SELECT *, sum(CASE WHEN continues THEN 0 ELSE 1 END) OVER (PARTITION BY pid
               ORDER BY entered_on, exited_on, sid ROWS UNBOUNDED PRECEDING) AS run
      FROM linked WHERE near),
    agg AS (
      SELECT pid, run, count(*) AS stays, min(entered_on) AS period_start, max(until) AS period_end,
             min(days) AS min_days, max(days) AS max_days, sum(until - entered_on) AS nights,
             coalesce(max(gap) FILTER (WHERE continues), 0) AS max_gap
      FROM runs GROUP BY pid, run HAVING count(*) >= ${p.visa_run.min_stays}),
    evidence AS (
      SELECT r.pid, r.run,
             ${evidenceInOrder("r.entered_on, r.until, x.record_keys[1]", "x.record_keys")} AS evidence
      FROM runs r JOIN agg USING (pid, run) JOIN stays x ON x.rowid = r.sid
      GROUP BY r.pid, r.run)
    SELECT p.person_id, NULL AS cohort_id, period_start, period_end,
           least(1.0, 0.5 + 0.05 * stays) AS score, false AS censored,
           ${evidenceColumns("evidence", true)}, stays, min_days, max_days,
           ${p.limits.visa_exempt_days} AS "limit", max_gap, nights
    FROM agg JOIN evidence USING (pid, run) JOIN run_person_numbers p USING (pid)`;
  },
};
