/**
 * labor_score: how likely a person is an income-earning worker in the host country (PRODUCT.md
 * §5: ≥ 0.5 means likely). A logistic score over a few indicators a monitor can check by eye,
 * each of which is also returned as text, so a score is never a bare number.
 *
 * Calibration (docs/detection.md): the weights are set by hand from the reported pattern —
 * residence-like presence [S32][S36], teams crossing together [S37][S48], the benign traffic of
 * PRODUCT.md §2 — not fitted to one simulated run; they are checked on three seeds of both
 * scenarios. The logit is built so that one strong indicator alone (e.g. half a year present in
 * a year, or membership of a rotating team with long stays) crosses 0.5, and a non-work visa
 * label or a same-day crossing pattern pulls it back.
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
  non_work_visa_share: number;
  work_visa: boolean;
  /** Share of the person's crossings recorded with a nationality in score.subject_nationalities. */
  subject_nationality_share: number;
  /** Member of a cohort classified labor-team. */
  labor_team: boolean;
}

export interface LaborScore {
  score: number;
  indicators: string[];
}

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));

export function scoreLabor(f: LaborIndicators, policy: Policy): LaborScore {
  const indicators: string[] = [];
  let z = -4;
  // Presence like a resident: nights in the best window, relative to the residence threshold.
  const presence = clamp(f.max_window_days / policy.long_presence.min_days, 0, 1.5);
  z += 4.5 * presence;
  if (f.max_window_days >= policy.long_presence.min_days)
    indicators.push(
      `present ${f.max_window_days} nights in ${policy.long_presence.window_days} days`,
    );
  // Present most of the time between first and last sighting (workers ~0.9; traders ~0.1).
  if (f.total_days >= 20) {
    z += 3 * clamp((f.presence_share - 0.4) / 0.4, -1, 1);
    if (f.presence_share >= 0.7)
      indicators.push(
        `in the country ${(f.presence_share * 100).toFixed(0)} % of the time seen (${f.total_days} nights)`,
      );
  }
  // The visa-run signature: stays near the limit separated by short trips home [S32][S36].
  if (f.near_limit_stays >= policy.visa_run.min_stays && f.short_absences >= 2) {
    z += 1.5;
    indicators.push(
      `${f.near_limit_stays} stays near the ${policy.limits.visa_exempt_days}-day limit with ${f.short_absences} short absences`,
    );
  }
  if (f.labor_team) {
    z += 3;
    indicators.push("crosses with a rotating labour team");
  }
  if (f.work_visa) {
    z += 2;
    indicators.push("work visa on record");
  }
  // Drivers: in and out the same day, many times.
  if (f.stays > 0 && f.same_day_stays / f.stays > 0.5) {
    z -= 4 * (f.same_day_stays / f.stays);
    indicators.push(`${f.same_day_stays} of ${f.stays} stays same-day (driver pattern)`);
  }
  if (f.non_work_visa_share > 0.5) {
    z -= 8 * f.non_work_visa_share;
    indicators.push(
      `${(f.non_work_visa_share * 100).toFixed(0)} % of crossings on a non-work visa (${policy.score.non_work_visa_types.join(", ")})`,
    );
  }
  // The obligation covers DPRK nationals; a PRC driver lives in China and is not in scope.
  if (f.subject_nationality_share < 0.5) {
    z -= 10;
    indicators.push(`nationality not ${policy.score.subject_nationalities.join("/")}`);
  }
  const score = 1 / (1 + Math.exp(-z));
  return { score: Math.round(score * 10000) / 10000, indicators };
}
