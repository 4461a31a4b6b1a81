/**
 * Per-person indicators computed from stays and crossings (SQL), the inputs of the labour score
 * and of the rules: the run table run_indicators, one row per person with person_id, the columns
 * of LaborIndicators (src/core/detection/labor-score.ts) but labor_team, which the scores step
 * adds from the cohorts, and open_cap (nights a still-open stay is taken to last once two closed
 * stays show a habit, else NULL), which the post-deadline-presence rule reads.
 */
import type { Policy } from "../../core/detection/policy.js";
import { type Store, sqlString } from "../../db/store.js";

export async function buildPersonIndicators(store: Store, policy: Policy): Promise<void> {
  // Persons as run_person_numbers's integers and only the columns each part reads: the windows
  // sort every stay, and text or lists in their payload cost more than the sort itself.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_indicators AS
    WITH ${staysSql(policy, await numberedStaysSql(store))},
    ${papersSql(policy)},
    ${teamStaysSql(policy)},
    ${perPersonSql(policy)}
    SELECT p.person_id, ps.* EXCLUDE (pid), h.open_cap,
           coalesce(pv.non_work_visa_share, 0) AS non_work_visa_share,
           coalesce(pv.work_visa, false) AS work_visa, coalesce(pv.work_visa_share, 0) AS work_visa_share,
           coalesce(pv.subject_nationality_share, 0) AS subject_nationality_share,
           coalesce(gp.group_stays, 0) AS group_stays, coalesce(gp.wave_stays, 0) AS wave_stays,
           coalesce(gp.long_group_stays, 0) AS long_group_stays,
           coalesce(gp.median_group_size, 0) AS median_group_size,
           coalesce(grp.group_return_share, 0) AS group_return_share
    FROM ps JOIN run_person_numbers p USING (pid) JOIN habit h USING (pid) LEFT JOIN pv USING (pid)
    LEFT JOIN gp USING (pid) LEFT JOIN grp USING (pid)`);
  // What only the stays and these indicators needed leaves run_crossings, which stays in memory
  // through every later step (dropping a column of a temporary table copies nothing).
  for (const c of ["pid", "nationality"])
    await store.runPolled(`ALTER TABLE run_crossings DROP COLUMN ${c}`);
}

/**
 * SQL: `stays` with each stay's person number (pid), for the persons of run_person_numbers. The
 * stays step's person ENUM (run_person_code, reconstruct-stays.ts) holds their ids in the order
 * pid numbers them, so a stay's pid is its id's code in the ENUM plus one: a cast per stay costs
 * about a fifth less CPU than a hash join of the 5M stays' text ids with run_person_numbers.
 * Without persons there is no ENUM, and no stays.
 */
async function numberedStaysSql(store: Store): Promise<string> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM run_person_numbers");
  if (Number(row?.n ?? 0) === 0)
    return "(SELECT s.*, p.pid FROM stays s JOIN run_person_numbers p USING (person_id))";
  return `(SELECT * FROM (SELECT s.*, enum_code(TRY_CAST(s.person_id AS run_person_code))::INTEGER + 1 AS pid
           FROM stays s) WHERE pid IS NOT NULL)`;
}

/** SQL (CTEs b … st): each stay of each person, its open ends bounded by the person's habit. */
function staysSql(policy: Policy, numberedStays: string): string {
  const maxInferred = policy.stays.max_inferred_stay_days;
  return `b AS (SELECT * FROM run_bounds),
    s0 AS (
      SELECT s.pid, s.port_in, s.port_out, s.entered_on, s.exited_on, s.days,
             coalesce(s.exited_on, b.data_end) AS until0,
             list_contains(s.flags, 'open-at-start') AS open_start,
             NOT list_has_any(s.flags, ['inferred-entry', 'inferred-exit', 'open-at-start', 'open-at-end']) AS closed
      FROM ${numberedStays} s CROSS JOIN b),
    -- An open end is censored: inside since before the logs began, or still inside when they
    -- end — or a lost record. For presence an open stay counts no longer than twice the
    -- person's longest closed stay (at least stays.max_inferred_stay_days, the bound an inferred
    -- end gets): a driver whose last exit was lost is not a resident, while a resident's last
    -- stay may well outlast the one before. A person seen in one crossing only has no habit to
    -- go by and gets stays.max_inferred_stay_days: one exit record is not a year inside.
    -- open_cap, for the post-deadline rule, which must say when someone left: once two closed
    -- stays show a habit, the open stay is taken to end as they did.
    habit AS (
      SELECT pid,
             CASE WHEN count(*) FILTER (WHERE closed) >= 1
                  THEN greatest(2 * max(until0 - entered_on) FILTER (WHERE closed), ${maxInferred})
                  WHEN count(*) = 1 THEN ${maxInferred} END::INTEGER AS cap,
             CASE WHEN count(*) FILTER (WHERE closed) >= 2
                  THEN greatest(max(until0 - entered_on) FILTER (WHERE closed), ${maxInferred}) END::INTEGER AS open_cap
      FROM s0 GROUP BY pid),
    s1 AS (
      SELECT s0.*, until0 - entered_on AS raw_nights,
             CASE WHEN open_start AND h.cap IS NOT NULL
                  THEN greatest(entered_on, until0 - h.cap) ELSE entered_on END AS from_day,
             CASE WHEN exited_on IS NULL AND h.cap IS NOT NULL
                  THEN least(until0, entered_on + h.cap) ELSE until0 END AS until
      FROM s0 JOIN habit h USING (pid)),
    st AS (
      -- Presence is measured in nights (exit − entry) whatever the day-counting convention, so a
      -- driver's same-day crossing counts 0 and a worker's 28-night stay 28.
      -- One sort serves both windows: the stays in order of from_day (as a day number: a RANGE
      -- frame over integers is cheaper than over dates), then entered_on and exited_on, and the
      -- RANGE frame ordered by the first of those keys. from_day is entered_on but for a stay
      -- open at the start, which is the person's first and ends on their first crossing, on or
      -- before every later entry, so the stays come in the order of their entries.
      SELECT pid, days, closed, exited_on, raw_nights, from_day, until, until - from_day AS nights,
             lead(from_day) OVER w AS next_in,
             lead(until - from_day) OVER w AS next_nights,
             sum(until - from_day) OVER (PARTITION BY pid ORDER BY fd
               RANGE BETWEEN CURRENT ROW AND ${policy.long_presence.window_days - 1} FOLLOWING) AS win
      FROM (SELECT pid, days, closed, entered_on, exited_on, raw_nights, from_day, until,
                   (from_day - DATE '1970-01-01')::INTEGER AS fd FROM s1)
      WINDOW w AS (PARTITION BY pid ORDER BY fd, entered_on, exited_on))`;
}

/** SQL (CTEs rc, usual, pv): the person's usual papers and the shares of their records. */
function papersSql(policy: Policy): string {
  const subj = policy.score.subject_nationalities.map(sqlString).join(", ") || "NULL";
  const nonWork = policy.score.non_work_visa_types.map(sqlString).join(", ") || "NULL";
  return `-- One pass over the records: labels, nationality, and the person's usual papers. A team
    -- travels on one kind of papers (all on service passports without a visa, all on border
    -- passes …), which keeps a trader or visitor who happens to enter and leave on a team's days
    -- out of the team.
    rc AS (
      SELECT pid, doc_type, visa_type, count(*) AS n,
             count(*) FILTER (WHERE nationality IN (${subj})) AS n_subject
      FROM run_crossings GROUP BY pid, doc_type, visa_type),
    -- The usual papers: the most frequent doc and visa type, ties to the greater value, so the
    -- choice never depends on how DuckDB split the work between threads (mode() does).
    usual AS (
      SELECT pid,
             arg_max(doc, (dn, doc)) FILTER (WHERE doc IS NOT NULL) AS doc,
             arg_max(visa, (vn, visa)) FILTER (WHERE visa IS NOT NULL) AS visa
      FROM (
        SELECT pid, coalesce(doc_type, '') AS doc, sum(n) AS dn, NULL AS visa, NULL AS vn
        FROM rc GROUP BY ALL
        UNION ALL
        SELECT pid, NULL, NULL, coalesce(visa_type, ''), sum(n) FROM rc GROUP BY pid, visa_type)
      GROUP BY pid),
    -- Shares of the person's records (sum ÷ count, as avg() computes them).
    pv AS (
      SELECT pid,
             coalesce(sum(n) FILTER (WHERE visa_type IN (${nonWork})), 0) / sum(n) AS non_work_visa_share,
             bool_or(visa_type = 'work') AS work_visa,
             coalesce(sum(n) FILTER (WHERE visa_type = 'work'), 0) / sum(n) AS work_visa_share,
             sum(n_subject) / sum(n) AS subject_nationality_share,
             any_value(u.doc) AS doc, any_value(u.visa) AS visa
      FROM rc LEFT JOIN usual u USING (pid) GROUP BY pid)`;
}

/** SQL (CTEs gs … grp): the person's team stays and whether their teams come back. */
function teamStaysSql(policy: Policy): string {
  const team = policy.score.team_min_size;
  const straggle = policy.cohorts.straggler_days;
  return `-- Team stays: a stay whose entry and exit (port and day) and papers are all shared by at
    -- least score.team_min_size persons — a team that came in and went out together [S37][S48].
    -- Both ends must match: at a busy port some team enters on most days, so sharing one
    -- crossing day is chance (at scale 1 a third of officials and traders would match a team by
    -- one end), sharing both is not. An open end matches only other open ends (inside when the
    -- logs began, or still inside when they end), so a wave of exits after a long stay counts.
    -- Same-day and one-night stays are left out (drivers), unless still open at the end.
    gs AS (
      SELECT s1.pid, raw_nights AS nights, doc, visa,
             -- The one observed end of a stay open at the start (its exit) or at the end (its entry).
             CASE WHEN open_start THEN 'start' WHEN exited_on IS NULL THEN 'end' END AS open_kind,
             CASE WHEN open_start THEN port_out WHEN exited_on IS NULL THEN port_in END AS open_port,
             CASE WHEN open_start THEN exited_on WHEN exited_on IS NULL THEN entered_on END AS open_day,
             -- A 64-bit hash stands for the key (NULL ends included); a collision at 10M stays
             -- has odds of about 1 in 300,000.
             hash(port_in, entered_on, port_out, exited_on, doc, visa) AS gkey
      FROM s1 JOIN pv USING (pid) WHERE raw_nights >= 2 OR exited_on IS NULL),
    g AS (
      SELECT gs.*, k.group_n FROM gs
      JOIN (SELECT gkey, count(*) AS group_n FROM gs GROUP BY gkey) k USING (gkey)),
    -- Stragglers of a wave: a team inside when the logs began that leaves together, or a team
    -- still inside when they end that came in together, has members who cross a day or three
    -- off the team's day (cohorts.straggler_days). With one observed crossing there is nothing
    -- else to match on, so an open stay whose crossing lies that close to a team wave's (same
    -- port and papers) counts as a team stay too. Only open stays: waves are rare (the span's
    -- edges, a repatriation), while some team crosses a busy port on most days.
    waves AS (
      SELECT DISTINCT open_kind, open_port, open_day + d.k::INTEGER AS day, doc, visa
      FROM g CROSS JOIN range(-${straggle}, ${straggle + 1}) d(k)
      WHERE group_n >= ${team} AND open_kind IS NOT NULL),
    near AS (
      SELECT g.pid, g.nights FROM g JOIN waves w
        ON w.open_kind = g.open_kind AND w.open_port = g.open_port AND w.day = g.open_day
       AND w.doc = g.doc AND w.visa = g.visa
      WHERE g.group_n < ${team}),
    gp AS (
      SELECT pid, count(*)::INTEGER AS group_stays,
             count(*) FILTER (WHERE group_n IS NULL)::INTEGER AS wave_stays,
             count(*) FILTER (WHERE nights >= ${policy.score.team_long_stay_nights})::INTEGER AS long_group_stays,
             median(group_n)::DOUBLE AS median_group_size
      FROM (SELECT pid, nights, group_n FROM g WHERE group_n >= ${team}
            UNION ALL SELECT pid, nights, NULL FROM near)
      GROUP BY pid),
    -- Whether the person's groups come back: the share of each group's members with at least
    -- two team stays; a rotating team scores near 1, a one-off tour group near 0.
    gr AS (
      SELECT g.gkey, avg(CASE WHEN m.group_stays >= 2 THEN 1.0 ELSE 0.0 END) AS back
      FROM g JOIN gp m USING (pid) WHERE g.group_n >= ${team} GROUP BY g.gkey),
    grp AS (
      SELECT g.pid, max(gr.back) AS group_return_share FROM g JOIN gr USING (gkey)
      GROUP BY g.pid)`;
}

/** SQL (CTE ps): presence, stay lengths, absences and returns per person. */
function perPersonSql(policy: Policy): string {
  const lim = policy.limits.visa_exempt_days;
  return `ps AS (
      SELECT pid, count(*)::INTEGER AS stays,
             sum(nights)::INTEGER AS total_days,
             least(max(win), ${policy.long_presence.window_days})::INTEGER AS max_window_days,
             sum(nights) / greatest(max(until) - min(from_day) + 1, 1) AS presence_share,
             median(raw_nights)::DOUBLE AS median_stay,
             count(*) FILTER (WHERE days BETWEEN ${policy.visa_run.near_limit_min_days} AND ${lim})::INTEGER AS near_limit_stays,
             count(*) FILTER (WHERE next_in - until BETWEEN 0 AND ${policy.visa_run.max_absence_days})::INTEGER AS short_absences,
             -- Back within days after a stay of nights, for another stay of nights: a rotation,
             -- not a driver's daily round trip.
             count(*) FILTER (WHERE nights >= 2 AND next_nights >= 2
                              AND next_in - until BETWEEN 0 AND ${policy.visa_run.max_absence_days})::INTEGER AS short_returns,
             count(*) FILTER (WHERE raw_nights = 0)::INTEGER AS same_day_stays,
             count(*) FILTER (WHERE raw_nights >= 2 OR exited_on IS NULL)::INTEGER AS multi_night_stays
      FROM st GROUP BY pid)`;
}
