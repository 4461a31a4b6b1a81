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
      SELECT a.person_id, a.entered_on AS period_start, a.entered_on + ${w - 1} AS period_end,
             sum(least(o.until, a.entered_on + ${w}) - o.entered_on) AS nights,
             count(*) AS stays, flatten(list(o.record_ids ORDER BY o.entered_on)) AS record_ids
      FROM st a JOIN st o ON o.person_id = a.person_id
        AND o.entered_on >= a.entered_on AND o.entered_on < a.entered_on + ${w}
      GROUP BY a.person_id, a.entered_on),
    best AS (SELECT person_id, arg_max(win, nights) AS w FROM win GROUP BY person_id)
    SELECT person_id, NULL AS cohort_id, w.period_start, w.period_end,
           least(1.0, w.nights / ${w}.0 + 0.3) AS score, w.record_ids, w.nights, w.stays,
           ${w} AS "window", ${p.long_presence.min_days} AS threshold
    FROM best WHERE w.nights >= ${p.long_presence.min_days}`;
  },
};
