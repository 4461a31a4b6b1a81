/**
 * What kind of group a cohort is, from how its members move. Labour teams cross together and
 * stay for weeks, and rotate: the same people cross together again and again [S32][S37]; tour
 * groups are one-off and short (docs/scenarios.md, "Benign traffic"). Anything in between is
 * left `unknown` rather than guessed.
 */
import type { Policy } from "./policy.js";

export const COHORT_KINDS = ["labor-team", "tour-group", "unknown"] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

export interface CohortShape {
  /** Distinct days on which the cohort entered together. */
  entries_together: number;
  /** Distinct days on which the cohort left together. */
  exits_together: number;
  /** Median over members of the median stay in nights (open stays counted to the logs' edge). */
  median_stay_nights: number;
  /** Median over members of nights present / days from first to last presence. */
  median_presence_share: number;
}

export function classifyCohort(shape: CohortShape, policy: Policy): CohortKind {
  const c = policy.cohorts;
  const movements = shape.entries_together + shape.exits_together;
  // Crossed together and stayed for weeks: a rotating team, or one seen only once in the logs —
  // a newly dispatched team's first entry, or a team stranded by the 2020 border closure going
  // home in one wave [S21][S56]. Tour groups stay days, never weeks.
  if (movements >= 1 && shape.median_stay_nights >= c.labor_min_median_stay_days)
    return "labor-team";
  // Short-cycle border-pass teams: stays of a week, but present most of the time [S32][S33].
  if (shape.entries_together >= c.labor_min_cycles + 1 && shape.median_presence_share >= 0.6)
    return "labor-team";
  if (shape.entries_together <= 2 && shape.median_stay_nights <= c.tour_max_median_stay_days)
    return "tour-group";
  return "unknown";
}
