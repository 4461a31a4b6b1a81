/**
 * labor_score: how likely a person is an income-earning worker in the host country (≥ 0.5, the
 * policy's score.threshold, means likely: docs/export.md). A logistic score over indicators a
 * monitor can check by eye in the person's stays; each one that moves the score is returned as
 * text, so a score is never a bare number.
 *
 * Calibration (docs/detection.md "labor_score"): the weights (WEIGHTS) are set by hand from the
 * reported pattern — residence-like presence, rotation with short trips home [S32][S36], teams
 * that come and go together [S37][S48], the benign traffic of docs/scenarios.md — and then
 * checked, not fitted, on three seeds of both simulated scenarios. The logit is built so that
 *  - one strong sign alone crosses 0.5: half a year present in a year; a rotating team's stay;
 *    a long stay that ends (or begins) with a whole team;
 *  - one weak sign alone does not: a single group trip of a few days (a tour), stays near the
 *    limit with long gaps (a trader), a long stay alone (a visitor);
 *  - a same-day crossing habit (drivers) or a non-work visa label pulls it back down;
 *  - a nationality outside the obligation holds it at the floor, whatever else is seen.
 */
import type { Policy } from "./policy.js";

export interface LaborIndicators {
  stays: number;
  total_days: number;
  max_window_days: number;
  presence_share: number;
  median_stay: number;
  near_limit_stays: number;
  short_absences: number;
  same_day_stays: number;
  /** Stays of at least two nights or still open at the end (the ones team stays are counted among). */
  multi_night_stays: number;
  non_work_visa_share: number;
  work_visa: boolean;
  /** Share of the person's crossings on a work visa. */
  work_visa_share: number;
  /** Share of the person's crossings recorded with a nationality in score.subject_nationalities. */
  subject_nationality_share: number;
  /** Member of a cohort classified labor-team. */
  labor_team: boolean;
  /** Returns within visa_run.max_absence_days between two stays of at least two nights. */
  short_returns: number;
  /** Stays whose entry and exit (port, day, papers) were both shared with score.team_min_size persons. */
  group_stays: number;
  /** Of those, open stays whose one crossing lies within cohorts.straggler_days of a team wave. */
  wave_stays: number;
  /** Team stays of at least score.team_long_stay_nights nights. */
  long_group_stays: number;
  /** Median number of persons in the person's team stays. */
  median_group_size: number;
  /** Best share, over the person's team stays, of the group's members with two team stays or more. */
  group_return_share: number;
}

export interface LaborScore {
  score: number;
  indicators: string[];
}

/**
 * Hand-set weights (logit units), in one place (docs/detection.md lists them with their reasons).
 * A weight of 4 moves a score from 0.12 to 0.5; the intercept puts a person with no sign at 0.02.
 */
const WEIGHTS = {
  intercept: -4,
  /** × nights in the best window ÷ long_presence.min_days, capped at 1.5 (so at most +6.75). */
  presence: 4.5,
  /** ± as the share of time present between first and last sighting runs from 0.2 to 0.8. */
  presence_share: 3,
  /** Stays near the visa-exempt limit separated by short trips home (visa runs). */
  visa_run: 1.5,
  /** At least two returns within days after a stay of nights: a rotation, not a round trip. */
  rotation: 1.5,
  /** Most multi-night stays entered and left with a team on the same papers. */
  team_stays: 2,
  /** A team stay of weeks: tours last days. */
  long_team_stay: 3,
  /** × share of the person's team that comes back together (a rotating team). */
  team_returns: 3,
  /** Member of a cohort the cohort step classified labour team. */
  labor_team: 1.5,
  /** × share of crossings on a work visa: employment authorised, income by definition. */
  work_visa: 4.5,
  /** − × share of same-day stays when most are (drivers). */
  same_day: 8,
  /** − × share of crossings on a non-work visa when most are. */
  non_work_visa: 8,
} as const;

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

export function scoreLabor(f: LaborIndicators, policy: Policy): LaborScore {
  const w = WEIGHTS;
  const indicators: string[] = [];
  let z: number = w.intercept;
  // Presence like a resident: nights in the best window, relative to the residence threshold.
  z += w.presence * clamp(f.max_window_days / policy.long_presence.min_days, 0, 1.5);
  if (f.max_window_days >= policy.long_presence.min_days)
    indicators.push(
      `present ${f.max_window_days} nights in ${policy.long_presence.window_days} days`,
    );
  // Present most of the time between first and last sighting (workers ~0.8–0.95, traders
  // ~0.1–0.3). One stay says nothing about the gaps, so it takes two.
  if (f.stays >= 2 && f.total_days >= 20) {
    z += w.presence_share * clamp((f.presence_share - 0.5) / 0.3, -1, 1);
    if (f.presence_share >= 0.7)
      indicators.push(
        `in the country ${pct(f.presence_share)} of the time seen (${f.total_days} nights)`,
      );
  }
  // The visa-run signature: stays near the limit separated by short trips home [S32][S36].
  if (f.near_limit_stays >= policy.visa_run.min_stays && f.short_absences >= 2) {
    z += w.visa_run;
    indicators.push(
      `${f.near_limit_stays} stays near the ${policy.limits.visa_exempt_days}-day limit with ${f.short_absences} short absences`,
    );
  }
  // Any cycle length: back within days for another stay of nights (border-pass weeks [S33]).
  if (f.short_returns >= 2) {
    z += w.rotation;
    indicators.push(
      `back within ${policy.visa_run.max_absence_days} days for another stay ${f.short_returns} times`,
    );
  }
  // Teams: entered and left with the same people, on the same papers [S37][S48]. Counted only
  // when it is the person's habit (half their stays or more), so one trip that happens to match
  // a team's days does not lend anyone the team's pattern.
  if (f.group_stays > 0 && f.group_stays * 2 >= f.multi_night_stays) {
    z += w.team_stays;
    const exact = f.group_stays - f.wave_stays;
    indicators.push(
      exact > 0
        ? `entered and left with a group (median ${f.median_group_size} persons, same port, days and papers) on ${exact} of ${f.multi_night_stays} stays`
        : `crossed within ${policy.cohorts.straggler_days} days of a team's wave (same port and papers), seen once`,
    );
    if (f.long_group_stays > 0) {
      z += w.long_team_stay;
      indicators.push(
        `${f.long_group_stays} of those stays ${policy.score.team_long_stay_nights} nights or longer`,
      );
    }
    if (f.group_return_share > 0) {
      z += w.team_returns * f.group_return_share;
      if (f.group_return_share >= 0.5)
        indicators.push(`${pct(f.group_return_share)} of the group cross together again and again`);
    }
  }
  if (f.labor_team) {
    z += w.labor_team;
    indicators.push("member of a cohort classified labour team");
  }
  // A work visa is the one label that says income [S1]; by share, so one mislabelled crossing
  // counts for little.
  if (f.work_visa_share > 0) {
    z += w.work_visa * f.work_visa_share;
    indicators.push(`work visa on ${pct(f.work_visa_share)} of crossings`);
  }
  // Drivers: in and out the same day, many times; any long "stay" is then more likely a lost
  // exit record than residence.
  const sameDay = f.stays > 0 ? f.same_day_stays / f.stays : 0;
  if (sameDay > 0.5) {
    z -= w.same_day * sameDay;
    indicators.push(`${f.same_day_stays} of ${f.stays} stays same-day (driver pattern)`);
  }
  if (f.non_work_visa_share > 0.5) {
    z -= w.non_work_visa * f.non_work_visa_share;
    indicators.push(
      `${pct(f.non_work_visa_share)} of crossings on a non-work visa (${policy.score.non_work_visa_types.join(", ")})`,
    );
  }
  // The obligation covers DPRK nationals (UNSCR 2397 op. 8 [S1]); anyone else is out of scope,
  // whatever the pattern: a PRC driver living in China "stays" in China between trips. A gate,
  // not a weight, so no sum of other signs can outvote it.
  if (f.subject_nationality_share < 0.5) {
    z = Math.min(z, w.intercept);
    indicators.push(
      `nationality not ${policy.score.subject_nationalities.join("/")}: out of scope, held at the floor`,
    );
  }
  const score = 1 / (1 + Math.exp(-z));
  return { score: Math.round(score * 10000) / 10000, indicators };
}

/**
 * scoreLabor as two SQL expressions (score, indicators as a JSON list) over columns named like
 * the LaborIndicators fields, so the scores step scores every person inside DuckDB: reading
 * 283,000 feature rows into JavaScript and writing them back took 9 s at 10M records. scoreLabor
 * stays the reference: this follows it step by step — the same terms added to the logit in the
 * same order (so the same doubles), the same texts in the same order — and test/scores.test.ts
 * checks that both agree, score and indicators, on a wide sample of indicator rows.
 */
export function laborScoreSql(policy: Policy): { score: string; indicators: string } {
  const w = WEIGHTS;
  // Columns as JavaScript reads them: numbers (a missing value counts as 0, as null does in
  // arithmetic), and booleans.
  const n = (c: keyof LaborIndicators) => `coalesce(CAST(${c} AS DOUBLE), 0)`;
  const b = (c: keyof LaborIndicators) => `coalesce(${c}, false)`;
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const num = (x: number) => `CAST(${x} AS DOUBLE)`;
  // `${x}` of a number: integers without a decimal point.
  const text = (e: string) =>
    `(CASE WHEN ${e} = trunc(${e}) THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END)`;
  const pctSql = (e: string) => `(CAST(CAST(round(${e} * 100) AS BIGINT) AS VARCHAR) || ' %')`;
  const clampSql = (e: string, lo: number, hi: number) =>
    `least(${num(hi)}, greatest(${num(lo)}, ${e}))`;
  const when = (cond: string, value: string, otherwise = "NULL") =>
    `(CASE WHEN ${cond} THEN ${value} ELSE ${otherwise} END)`;

  const minDays = policy.long_presence.min_days;
  const share = `${n("stays")} >= 2 AND ${n("total_days")} >= 20`;
  const visaRun = `${n("near_limit_stays")} >= ${policy.visa_run.min_stays} AND ${n("short_absences")} >= 2`;
  const team = `${n("group_stays")} > 0 AND ${n("group_stays")} * 2 >= ${n("multi_night_stays")}`;
  const sameDay = when(`${n("stays")} > 0`, `${n("same_day_stays")} / ${n("stays")}`, num(0));
  const exact = `(${n("group_stays")} - ${n("wave_stays")})`;
  const zero = num(0);
  const terms = [
    `${num(w.presence)} * ${clampSql(`${n("max_window_days")} / ${num(minDays)}`, 0, 1.5)}`,
    when(
      share,
      `${num(w.presence_share)} * ${clampSql(`(${n("presence_share")} - ${num(0.5)}) / ${num(0.3)}`, -1, 1)}`,
      zero,
    ),
    when(visaRun, num(w.visa_run), zero),
    when(`${n("short_returns")} >= 2`, num(w.rotation), zero),
    when(team, num(w.team_stays), zero),
    when(`${team} AND ${n("long_group_stays")} > 0`, num(w.long_team_stay), zero),
    when(
      `${team} AND ${n("group_return_share")} > 0`,
      `${num(w.team_returns)} * ${n("group_return_share")}`,
      zero,
    ),
    when(b("labor_team"), num(w.labor_team), zero),
    when(`${n("work_visa_share")} > 0`, `${num(w.work_visa)} * ${n("work_visa_share")}`, zero),
  ];
  const minus = [
    when(`${sameDay} > ${num(0.5)}`, `${num(w.same_day)} * ${sameDay}`, zero),
    when(
      `${n("non_work_visa_share")} > ${num(0.5)}`,
      `${num(w.non_work_visa)} * ${n("non_work_visa_share")}`,
      zero,
    ),
  ];
  // Left to right, as scoreLabor adds them: floating-point sums depend on the order.
  let z = num(w.intercept);
  for (const t of terms) z = `(${z} + ${t})`;
  for (const t of minus) z = `(${z} - ${t})`;
  const outOfScope = `${n("subject_nationality_share")} < ${num(0.5)}`;
  z = when(outOfScope, `least(${z}, ${num(w.intercept)})`, z);
  const score = `round(${num(1)} / (${num(1)} + exp(-${z})) * 10000) / 10000`;

  const texts = [
    when(
      `${n("max_window_days")} >= ${minDays}`,
      `'present ' || ${text(n("max_window_days"))} || ${lit(` nights in ${policy.long_presence.window_days} days`)}`,
    ),
    when(
      `${share} AND ${n("presence_share")} >= ${num(0.7)}`,
      `'in the country ' || ${pctSql(n("presence_share"))} || ' of the time seen (' || ${text(n("total_days"))} || ' nights)'`,
    ),
    when(
      visaRun,
      `${text(n("near_limit_stays"))} || ${lit(` stays near the ${policy.limits.visa_exempt_days}-day limit with `)} || ${text(n("short_absences"))} || ' short absences'`,
    ),
    when(
      `${n("short_returns")} >= 2`,
      `${lit(`back within ${policy.visa_run.max_absence_days} days for another stay `)} || ${text(n("short_returns"))} || ' times'`,
    ),
    when(
      team,
      when(
        `${exact} > 0`,
        `'entered and left with a group (median ' || ${text(n("median_group_size"))} || ' persons, same port, days and papers) on ' || ${text(exact)} || ' of ' || ${text(n("multi_night_stays"))} || ' stays'`,
        lit(
          `crossed within ${policy.cohorts.straggler_days} days of a team's wave (same port and papers), seen once`,
        ),
      ),
    ),
    when(
      `${team} AND ${n("long_group_stays")} > 0`,
      `${text(n("long_group_stays"))} || ${lit(` of those stays ${policy.score.team_long_stay_nights} nights or longer`)}`,
    ),
    when(
      `${team} AND ${n("group_return_share")} >= ${num(0.5)}`,
      `${pctSql(n("group_return_share"))} || ' of the group cross together again and again'`,
    ),
    when(b("labor_team"), `'member of a cohort classified labour team'`),
    when(
      `${n("work_visa_share")} > 0`,
      `'work visa on ' || ${pctSql(n("work_visa_share"))} || ' of crossings'`,
    ),
    when(
      `${sameDay} > ${num(0.5)}`,
      `${text(n("same_day_stays"))} || ' of ' || ${text(n("stays"))} || ' stays same-day (driver pattern)'`,
    ),
    when(
      `${n("non_work_visa_share")} > ${num(0.5)}`,
      `${pctSql(n("non_work_visa_share"))} || ${lit(` of crossings on a non-work visa (${policy.score.non_work_visa_types.join(", ")})`)}`,
    ),
    when(
      outOfScope,
      lit(
        `nationality not ${policy.score.subject_nationalities.join("/")}: out of scope, held at the floor`,
      ),
    ),
  ];
  const indicators = `to_json(list_filter([${texts.join(", ")}]::VARCHAR[], t -> t IS NOT NULL))`;
  return { score, indicators };
}
