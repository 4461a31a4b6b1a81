/**
 * The detection policy: every limit, window and threshold the stays, rules, cohorts and scores
 * use, in one versioned object. Defaults carry their basis (source keys [Sn] resolve in
 * docs/policy.md); a policy file overrides any subset of keys.
 *
 * Validation is all-or-nothing: `parsePolicy` either returns a complete policy or throws one
 * AppError('config') listing every bad key with its value and what is allowed, so an analyze run
 * never applies half a policy.
 */
import { AppError } from "../errors.js";

export const DAY_COUNTING = ["inclusive", "exclusive"] as const;
export type DayCounting = (typeof DAY_COUNTING)[number];

export interface Policy {
  /** Free-form version label, stored with every analyze run and alert set. */
  version: string;
  /** UNSCR 2397 op. 8: repatriation "no later than 24 months" from 22 Dec 2017 [S1][S3]. */
  deadline: string;
  days: {
    /** inclusive: entry and exit day both count (a same-day visit is 1 day); exclusive: nights. */
    counting: DayCounting;
  };
  stays: {
    /** Two crossings in the same direction this close are one crossing logged twice. */
    duplicate_window_hours: number;
    /** Longest stay assumed when an entry or exit is missing and the person has no typical stay. */
    max_inferred_stay_days: number;
  };
  limits: {
    /** China–DPRK visa exemption: stays under 30 days [S27][S28]. */
    visa_exempt_days: number;
    /** visa_type values (as normalised by ingest) that enter under the exemption. */
    visa_exempt_types: string[];
  };
  overstay: { grace_days: number };
  visa_run: {
    /** Stays needed before a pattern is a pattern. */
    min_stays: number;
    /** A stay "near the limit": at least this many days (and not over the limit). */
    near_limit_min_days: number;
    /** Short absence between two stays: a monthly renewal trip home [S32][S36]. */
    max_absence_days: number;
  };
  long_presence: {
    window_days: number;
    /** 183 days: the usual residence test (e.g. PRC Individual Income Tax Law art. 1). */
    min_days: number;
  };
  post_deadline: {
    /** labor_score from which presence after the deadline is worker-pattern presence. */
    min_labor_score: number;
  };
  cohorts: {
    /** Crossings of at least this many persons at one port on one day, one direction, form a group. */
    min_group_size: number;
    /**
     * A person joins a cohort on fewer shared crossings than this only when those are all their
     * crossings, or when straggler crossings (near the cohort's, under its sponsor) add to them.
     */
    min_shared_crossings: number;
    /** Timed crossings at one port, day and direction more than this many minutes apart are two groups. */
    time_gap_minutes: number;
    /** Two group crossings are one cohort's movements when their persons overlap at least this much (Jaccard). */
    link_min_jaccard: number;
    /** A person joins the cohort whose movements cover at least this share of their crossings. */
    min_coverage: number;
    /** A labour team: crossed together and members' median stay at least this long … */
    labor_min_median_stay_days: number;
    /** … or, with shorter stays (short-cycle teams), more than this many entries together. */
    labor_min_cycles: number;
    /** A tour group: one-off and short (docs/scenarios.md, benign traffic). */
    tour_max_median_stay_days: number;
    /** A member who crosses this many days away from the team's crossing is a straggler. */
    straggler_days: number;
  };
  score: {
    /** labor_score ≥ threshold means "likely an income-earning worker" (docs/export.md). */
    threshold: number;
    /** Visa types that by themselves say nothing of work but argue against it. */
    non_work_visa_types: string[];
    /** Nationalities the repatriation obligation covers: DPRK nationals (UNSCR 2397 op. 8 [S1]). */
    subject_nationalities: string[];
    /** A team stay: entry and exit both shared (port and day) with at least this many persons. */
    team_min_size: number;
    /** A team stay this long (nights) is work-like: tours last days, teams weeks [S32][S37]. */
    team_long_stay_nights: number;
  };
}

export const DEFAULT_POLICY: Policy = {
  version: "2025.1-default",
  deadline: "2019-12-22",
  days: { counting: "inclusive" },
  stays: { duplicate_window_hours: 12, max_inferred_stay_days: 30 },
  limits: { visa_exempt_days: 30, visa_exempt_types: ["none"] },
  overstay: { grace_days: 0 },
  visa_run: { min_stays: 3, near_limit_min_days: 20, max_absence_days: 10 },
  long_presence: { window_days: 365, min_days: 183 },
  post_deadline: { min_labor_score: 0.5 },
  cohorts: {
    // About 20 per group [S37]; coach-loads of ~50 [S48]. 8 keeps small teams and stays above
    // the chance meeting of unrelated travellers at one port on one day.
    min_group_size: 8,
    min_shared_crossings: 2,
    // A coach-load passes the counter in minutes (group crossings of ~20–50 [S37][S48]); two
    // teams at one port on one day are hours apart unless they arrive together.
    time_gap_minutes: 5,
    // Above one half, so a crossing two teams happened to share can link to at most one of them.
    link_min_jaccard: 0.6,
    // Most of a member's crossings are with the team; stragglers and replacements miss some.
    min_coverage: 0.5,
    labor_min_median_stay_days: 14,
    labor_min_cycles: 2,
    tour_max_median_stay_days: 10,
    straggler_days: 3,
  },
  score: {
    threshold: 0.5,
    non_work_visa_types: ["student", "tourist", "official", "visit", "crew"],
    subject_nationalities: ["PRK"],
    // Groups of about 20 [S37]; 8, as cohorts.min_group_size, stays above chance meetings.
    team_min_size: 8,
    // Visa-exempt teams stay 20–29 nights [S28][S32], tour groups 3–5 (docs/scenarios.md).
    team_long_stay_nights: 14,
  },
};

type Check = (v: unknown) => string | null;
const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `an integer from ${min} to ${max}`;
const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "number" && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `a number from ${min} to ${max}`;
const isoDate: Check = (v) =>
  typeof v === "string" &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
    ? null
    : "a date YYYY-MM-DD";
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v) ? null : `one of ${values.join(", ")}`;
const strings: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === "string" && x.length > 0)
    ? null
    : "a list of non-empty strings";
const label: Check = (v) =>
  typeof v === "string" && v.trim().length > 0 && v.length <= 100
    ? null
    : "a non-empty string of at most 100 characters";

/** Every key and its check; the shape of Policy, flattened. */
const CHECKS: Record<string, Check> = {
  version: label,
  deadline: isoDate,
  "days.counting": oneOf(DAY_COUNTING),
  "stays.duplicate_window_hours": num(0, 72),
  "stays.max_inferred_stay_days": int(0, 366),
  "limits.visa_exempt_days": int(1, 366),
  "limits.visa_exempt_types": strings,
  "overstay.grace_days": int(0, 365),
  "visa_run.min_stays": int(2, 100),
  "visa_run.near_limit_min_days": int(1, 366),
  "visa_run.max_absence_days": int(0, 365),
  "long_presence.window_days": int(30, 3660),
  "long_presence.min_days": int(1, 3660),
  "post_deadline.min_labor_score": num(0, 1),
  "cohorts.min_group_size": int(2, 10000),
  "cohorts.min_shared_crossings": int(1, 1000),
  "cohorts.time_gap_minutes": int(0, 1440),
  "cohorts.link_min_jaccard": num(0.51, 1),
  "cohorts.min_coverage": num(0, 1),
  "cohorts.labor_min_median_stay_days": int(0, 366),
  "cohorts.labor_min_cycles": int(1, 1000),
  "cohorts.tour_max_median_stay_days": int(0, 366),
  "cohorts.straggler_days": int(0, 60),
  "score.threshold": num(0, 1),
  "score.non_work_visa_types": strings,
  "score.subject_nationalities": strings,
  "score.team_min_size": int(2, 10000),
  "score.team_long_stay_nights": int(1, 366),
};

function flatten(obj: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? flatten(v as Record<string, unknown>, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

/**
 * Validates a parsed policy document (any subset of keys) and merges it over the defaults.
 * `origin` names the file in messages.
 */
export function parsePolicy(doc: unknown, origin = "policy"): Policy {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    throw new AppError("config", `${origin}: expected an object with a "version" key`);
  const problems: string[] = [];
  const entries = flatten(doc as Record<string, unknown>);
  if (!("version" in doc)) problems.push(`version: missing; expected ${label(undefined)}`);
  const merged = structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown>;
  for (const [key, value] of entries) {
    const check = CHECKS[key];
    if (!check) {
      problems.push(`${key}: unknown key; allowed keys are ${Object.keys(CHECKS).join(", ")}`);
      continue;
    }
    const expected = check(value);
    if (expected) {
      problems.push(`${key}: ${JSON.stringify(value)} is not allowed; expected ${expected}`);
      continue;
    }
    const path = key.split(".");
    let node = merged;
    for (const p of path.slice(0, -1)) node = node[p] as Record<string, unknown>;
    node[path.at(-1) as string] = value;
  }
  const policy = merged as unknown as Policy;
  if (problems.length === 0) {
    if (policy.visa_run.near_limit_min_days > policy.limits.visa_exempt_days)
      problems.push(
        `visa_run.near_limit_min_days: ${policy.visa_run.near_limit_min_days} is not allowed; expected at most limits.visa_exempt_days (${policy.limits.visa_exempt_days})`,
      );
    if (policy.long_presence.min_days > policy.long_presence.window_days)
      problems.push(
        `long_presence.min_days: ${policy.long_presence.min_days} is not allowed; expected at most long_presence.window_days (${policy.long_presence.window_days})`,
      );
  }
  if (problems.length > 0)
    throw new AppError(
      "config",
      `${origin}: invalid policy (nothing was applied):\n  ${problems.join("\n  ")}`,
    );
  return policy;
}

/** A short stable fingerprint of a policy, so a run can tell whether the policy changed. */
export function policyFingerprint(policy: Policy): string {
  const text = JSON.stringify(flatten(policy as unknown as Record<string, unknown>));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
