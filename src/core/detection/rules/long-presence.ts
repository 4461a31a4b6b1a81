import { evidenceColumns, evidenceInOrder, type Rule } from "./rule.js";

/**
 * Cumulative presence: at least long_presence.min_days nights inside any window of
 * long_presence.window_days, whatever the visa. The ban is about income, not the visa label
 * [S1][S3]; 183 days is the usual residence test. Windows start at a stay's entry (the best
 * window always does); nights are counted to the window's end.
 *
 * One sliding window per person instead of a self-join of stays (quadratic for frequent
 * crossers): a window's nights are the nights of the stays starting in it, less what the last
 * one runs past the window's end. That holds when a person's stays do not overlap — pairing
 * makes them so — and persons whose stays do overlap are counted by the exact join instead. A
 * window is counted once per start day, however many stays begin that day.
 * Record ids are gathered only for each person's best window.
 *
 * Only persons with at least min_days nights in all their stays together can reach the
 * threshold in one window (a window's nights are a part of those), so the windows are counted
 * for them alone: about half the stays at 10M records (drivers' same-day stays drop out).
 */
export const longPresence: Rule = {
  id: "long-presence",
  version: 1,
  detStay: true,
  description: "cumulative presence in a rolling window above the residence threshold",
  template:
    "Present {nights} nights in the {window} days from {period_start} ({stays} stays), at or above the {threshold}-night residence threshold, whatever the visa.",
  sql: (p) => {
    const w = p.long_presence.window_days;
    return `
    WITH cand AS (
      SELECT pid FROM det_stay GROUP BY pid
      HAVING sum(greatest(until - entered_on, 0)) >= ${p.long_presence.min_days}),
    st AS (SELECT pid, sid, entered_on, until, guessed OR open_end AS cut
           FROM det_stay SEMI JOIN cand USING (pid)),
    -- One sort serves both windows (the RANGE frame is ordered by the first key of the other):
    -- the nights in the window from each stay, and whether a stay overlaps the one before it,
    -- which sends the person to the exact join. Day numbers, not dates: a RANGE frame over
    -- integers is several times cheaper.
    w AS (
      SELECT pid, entered_on, lag(u) OVER (PARTITION BY pid ORDER BY d, u) > d AS after_overlap,
             sum(u - d) OVER r - greatest(max(u) OVER r - (d + ${w}), 0) AS nights
      FROM (SELECT pid, entered_on, (entered_on - DATE '1970-01-01')::INTEGER AS d,
                   (until - DATE '1970-01-01')::INTEGER AS u
            FROM st)
      WINDOW r AS (PARTITION BY pid ORDER BY d RANGE BETWEEN CURRENT ROW AND ${w - 1} FOLLOWING)),
    overlapping AS (SELECT DISTINCT pid FROM w WHERE after_overlap),
    sliding AS (
      SELECT pid, entered_on AS period_start, nights FROM w
      WHERE pid NOT IN (SELECT pid FROM overlapping)),
    joined AS (
      SELECT a.pid, a.entered_on AS period_start,
             sum(least(o.until, a.entered_on + ${w}) - o.entered_on) AS nights
      FROM (SELECT DISTINCT pid, entered_on FROM st
            WHERE pid IN (SELECT pid FROM overlapping)) a
      JOIN st o ON o.pid = a.pid
        AND o.entered_on >= a.entered_on AND o.entered_on < a.entered_on + ${w}
      GROUP BY a.pid, a.entered_on),
    win AS (SELECT * FROM sliding UNION ALL SELECT * FROM joined),
    best AS (
      SELECT pid, max(nights) AS nights FROM win GROUP BY pid
      HAVING max(nights) >= ${p.long_presence.min_days}),
    first_best AS (
      SELECT w.pid, min(w.period_start) AS period_start, b.nights
      FROM win w JOIN best b ON b.pid = w.pid AND b.nights = w.nights
      GROUP BY w.pid, b.nights),
    evidence AS (
      SELECT f.pid, f.period_start, f.nights, count(*) AS stays, bool_or(o.cut) AS censored,
             ${evidenceInOrder("o.entered_on, o.until, x.record_keys[1]", "x.record_keys")} AS evidence
      FROM first_best f JOIN st o ON o.pid = f.pid
        AND o.entered_on >= f.period_start AND o.entered_on < f.period_start + ${w}
      JOIN stays x ON x.rowid = o.sid
      GROUP BY f.pid, f.period_start, f.nights)
    SELECT p.person_id, NULL AS cohort_id, period_start, period_start + ${w - 1} AS period_end,
           least(1.0, nights / ${w}.0 + 0.3) AS score, censored, ${evidenceColumns("evidence", true)},
           nights, stays,
           ${w} AS "window", ${p.long_presence.min_days} AS threshold
    FROM evidence JOIN run_person_numbers p USING (pid)`;
  },
};
