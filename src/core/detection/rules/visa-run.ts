import type { Rule } from "./rule.js";

/**
 * The visa run: stays just under the limit, each followed by a short trip home and re-entry
 * [S32][S36] — at least visa_run.min_stays in a row. One alert per unbroken run; a stay that is
 * too short or too long, or an absence longer than visa_run.max_absence_days, ends the run.
 */
export const visaRun: Rule = {
  id: "visa-run",
  version: 1,
  description: "repeated stays near the visa-exempt limit separated by short absences",
  template:
    "{stays} stays of {min_days}–{max_days} days between {period_start} and {period_end}, each near the {limit}-day limit, with absences of at most {max_gap} days: {nights} nights in the country, residence by instalments [S32][S36].",
  sql: (p) => `
    WITH st AS (
      SELECT s.*, coalesce(s.exited_on, b.data_end) AS until,
             s.days BETWEEN ${p.visa_run.near_limit_min_days} AND ${p.limits.visa_exempt_days}
               AND NOT list_has_any(s.flags, ['inferred-exit', 'inferred-entry', 'open-at-start', 'open-at-end']) AS near,
             s.entered_on - lag(coalesce(s.exited_on, b.data_end)) OVER w AS gap,
             lag(s.days BETWEEN ${p.visa_run.near_limit_min_days} AND ${p.limits.visa_exempt_days}) OVER w AS prev_near
      FROM stays s CROSS JOIN det_bounds b
      WINDOW w AS (PARTITION BY s.person_id ORDER BY s.entered_on, s.exited_on)),
    runs AS (
      SELECT *, sum(CASE WHEN near AND coalesce(prev_near, false) AND gap BETWEEN 0 AND ${p.visa_run.max_absence_days}
                         THEN 0 ELSE 1 END) OVER (PARTITION BY person_id ORDER BY entered_on, exited_on
                                                  ROWS UNBOUNDED PRECEDING) AS run
      FROM st),
    agg AS (
      SELECT person_id, run, count(*) AS stays, min(entered_on) AS period_start, max(until) AS period_end,
             min(days) AS min_days, max(days) AS max_days,
             sum(until - entered_on) AS nights, flatten(list(record_ids ORDER BY entered_on)) AS record_ids,
             list(gap ORDER BY entered_on) AS gaps
      FROM runs WHERE near GROUP BY person_id, run)
    SELECT person_id, NULL AS cohort_id, period_start, period_end,
           least(1.0, 0.5 + 0.05 * stays) AS score, record_ids, stays, min_days, max_days,
           ${p.limits.visa_exempt_days} AS "limit", coalesce(list_max(gaps[2:]), 0) AS max_gap, nights
    FROM agg WHERE stays >= ${p.visa_run.min_stays}`,
};
