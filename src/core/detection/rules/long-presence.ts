import type { Rule } from "./rule.js";

/**
 * Cumulative presence: at least long_presence.min_days nights inside any window of
 * long_presence.window_days, whatever the visa. The ban is about income, not the visa label
 * [S1][S3]; 183 days is the usual residence test. Windows start at a stay's entry (the best
 * window always does); nights are counted to the window's end.
 */
export const longPresence: Rule = {
  id: "long-presence",
  version: 1,
  description: "cumulative presence in a rolling window above the residence threshold",
  template:
    "Present {nights} nights in the {window} days from {period_start} ({stays} stays), at or above the {threshold}-night residence threshold, whatever the visa.",
  sql: (p) => {
    const w = p.long_presence.window_days;
    return `
    WITH st AS (
      SELECT s.person_id, s.entered_on, coalesce(s.exited_on, b.data_end) AS until, s.record_ids
      FROM stays s CROSS JOIN det_bounds b),
    win AS (
      -- Nights and stays per window start only: collecting record ids for every window
      -- made this rule quadratic in memory for frequent crossers.
      SELECT a.person_id, a.entered_on AS period_start,
             sum(least(o.until, a.entered_on + ${w}) - o.entered_on) AS nights
      FROM st a JOIN st o ON o.person_id = a.person_id
        AND o.entered_on >= a.entered_on AND o.entered_on < a.entered_on + ${w}
      GROUP BY a.person_id, a.entered_on),
    best AS (
      SELECT person_id, max(nights) AS nights FROM win GROUP BY person_id
      HAVING max(nights) >= ${p.long_presence.min_days}),
    first_best AS (
      SELECT w.person_id, min(w.period_start) AS period_start, b.nights
      FROM win w JOIN best b ON b.person_id = w.person_id AND b.nights = w.nights
      GROUP BY w.person_id, b.nights),
    evidence AS (
      SELECT f.person_id, f.period_start, f.nights, count(*) AS stays,
             flatten(list(o.record_ids ORDER BY o.entered_on)) AS record_ids
      FROM first_best f JOIN st o ON o.person_id = f.person_id
        AND o.entered_on >= f.period_start AND o.entered_on < f.period_start + ${w}
      GROUP BY f.person_id, f.period_start, f.nights)
    SELECT person_id, NULL AS cohort_id, period_start, period_start + ${w - 1} AS period_end,
           least(1.0, nights / ${w}.0 + 0.3) AS score, record_ids, nights, stays,
           ${w} AS "window", ${p.long_presence.min_days} AS threshold
    FROM evidence`;
  },
};
