/**
 * What kind of group a cohort is, from how its members move. Labour teams rotate: the same people
 * cross together again and again and stay long [S32][S37]; tour groups are one-off and short
 * (PRODUCT.md §2). Anything in between is left `unknown` rather than guessed.
 */
import type { Policy } from "./policy.js";

export const COHORT_KINDS = ["labor-team", "tour-group", "unknown"] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

export interface CohortShape {
  /** Distinct days on which the cohort entered together. */
  entries_together: number;
  /** Median over members of the median stay in nights. */
  median_stay_nights: number;
  /** Median over members of nights present / days from first to last presence. */
  median_presence_share: number;
}

export function classifyCohort(shape: CohortShape, policy: Policy): CohortKind {
  const c = policy.cohorts;
  const repeats = shape.entries_together >= c.labor_min_cycles;
  if (repeats && shape.median_stay_nights >= c.labor_min_median_stay_days) return "labor-team";
  // Short-cycle border-pass teams: stays of a week, but present most of the time [S32][S33].
  if (shape.entries_together >= c.labor_min_cycles + 1 && shape.median_presence_share >= 0.6)
    return "labor-team";
  if (shape.entries_together <= 2 && shape.median_stay_nights <= c.tour_max_median_stay_days)
    return "tour-group";
  return "unknown";
}
