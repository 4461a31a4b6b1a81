/**
 * Per-person indicators computed from stays and records (SQL), the inputs of the labour score
 * (src/core/detection/labor-score.ts) and of the rules. One row per person in det_features.
 */
import type { Policy } from "../core/detection/policy.js";
import { type Store, sqlString } from "../db/store.js";

export interface PersonFeatures {
  person_id: string;
  stays: number;
  /** Stays with both ends observed. */
  closed_stays: number;
  total_days: number;
  /** Most days present in any window of long_presence.window_days (window anchored at a stay start). */
  max_window_days: number;
  /** total_days / days from the first to the last day seen present. */
  presence_share: number;
  median_stay: number;
  /** Stays of near_limit_min_days … visa-exempt limit. */
  near_limit_stays: number;
  /** Absences (exit → next entry) of at most visa_run.max_absence_days. */
  short_absences: number;
  /** Stays of at most one day (drivers, day trips). */
  same_day_stays: number;
  /** Share of records with a visa type in score.non_work_visa_types. */
  non_work_visa_share: number;
  work_visa: boolean;
  /** Crossings made in a group (cohort step); filled in later, 0 here. */
  group_crossings: number;
  present_after_deadline: boolean;
  last_day: string;
}

export async function buildFeatures(store: Store, policy: Policy): Promise<void> {
  const lim = policy.limits.visa_exempt_days;
  const subj = policy.score.subject_nationalities.map(sqlString).join(", ") || "NULL";
  const nonWork = policy.score.non_work_visa_types.map(sqlString).join(", ") || "NULL";
  await store.run(`CREATE OR REPLACE TEMP TABLE det_features AS
    WITH b AS (SELECT * FROM det_bounds),
    st AS (
      -- Presence is measured in nights (exit − entry) whatever the day-counting convention, so a
      -- driver's same-day crossing counts 0 and a worker's 28-night stay 28.
      SELECT s.*, coalesce(s.exited_on, b.data_end) AS until,
             coalesce(s.exited_on, b.data_end) - s.entered_on AS nights,
             lead(s.entered_on) OVER (PARTITION BY person_id ORDER BY entered_on, exited_on) AS next_in,
             sum(coalesce(s.exited_on, b.data_end) - s.entered_on) OVER (PARTITION BY person_id ORDER BY entered_on
               RANGE BETWEEN CURRENT ROW AND INTERVAL ${policy.long_presence.window_days - 1} DAYS FOLLOWING) AS win
      FROM stays s CROSS JOIN b),
    ps AS (
      SELECT person_id, count(*)::INTEGER AS stays,
             count(*) FILTER (WHERE NOT list_has_any(flags, ['inferred-entry', 'inferred-exit', 'open-at-start', 'open-at-end']))::INTEGER AS closed_stays,
             sum(nights)::INTEGER AS total_days,
             least(max(win), ${policy.long_presence.window_days})::INTEGER AS max_window_days,
             sum(nights) / greatest(max(until) - min(entered_on) + 1, 1) AS presence_share,
             median(nights)::DOUBLE AS median_stay,
             count(*) FILTER (WHERE days BETWEEN ${policy.visa_run.near_limit_min_days} AND ${lim})::INTEGER AS near_limit_stays,
             count(*) FILTER (WHERE next_in - until BETWEEN 0 AND ${policy.visa_run.max_absence_days})::INTEGER AS short_absences,
             count(*) FILTER (WHERE nights = 0)::INTEGER AS same_day_stays,
             bool_or(until > DATE ${sqlString(policy.deadline)}) AS present_after_deadline,
             strftime(max(until), '%Y-%m-%d') AS last_day
      FROM st GROUP BY person_id),
    pv AS (
      SELECT person_id,
             avg(CASE WHEN visa_type IN (${nonWork}) THEN 1 ELSE 0 END) AS non_work_visa_share,
             bool_or(visa_type = 'work') AS work_visa,
             avg(CASE WHEN nationality IN (${subj}) THEN 1 ELSE 0 END) AS subject_nationality_share
      FROM det_rec GROUP BY person_id)
    SELECT ps.*, coalesce(pv.non_work_visa_share, 0) AS non_work_visa_share,
           coalesce(pv.work_visa, false) AS work_visa,
           coalesce(pv.subject_nationality_share, 0) AS subject_nationality_share, 0 AS group_crossings
    FROM ps LEFT JOIN pv USING (person_id)`);
}
