/**
 * scoreLabor on hand-made indicator rows, one per kind of traveller in docs/scenarios.md (workers
 * and the benign traffic: tourists, drivers, traders, officials, students, visitors): each row is
 * what the indicators of the stays step give for that behaviour.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type LaborIndicators, scoreLabor } from "./labor-score.js";
import { DEFAULT_POLICY } from "./policy.js";

/** Nobody in particular: one short stay, no sign either way. */
const BASE: LaborIndicators = {
  stays: 1,
  total_days: 3,
  max_window_days: 3,
  presence_share: 0.75,
  median_stay: 3,
  near_limit_stays: 0,
  short_absences: 0,
  same_day_stays: 0,
  multi_night_stays: 1,
  non_work_visa_share: 0,
  work_visa: false,
  work_visa_share: 0,
  subject_nationality_share: 1,
  labor_team: false,
  short_returns: 0,
  group_stays: 0,
  wave_stays: 0,
  long_group_stays: 0,
  median_group_size: 0,
  group_return_share: 0,
};

const score = (f: Partial<LaborIndicators>) => scoreLabor({ ...BASE, ...f }, DEFAULT_POLICY);

test("no sign scores low and says nothing", () => {
  const s = score({});
  assert.ok(s.score < 0.05);
  assert.deepEqual(s.indicators, []);
});

test("a visa-exempt rotation worker: a year of 25-night stays with a team that keeps coming back", () => {
  // biome-ignore format: indicators packed
  const s = score({
    stays: 14, total_days: 350, max_window_days: 320, presence_share: 0.9, near_limit_stays: 14,
    short_absences: 13, short_returns: 13, multi_night_stays: 14, group_stays: 13,
    long_group_stays: 13, median_group_size: 34, group_return_share: 0.95,
  });
  assert.ok(s.score > 0.99);
  assert.ok(s.indicators.some((i) => i.startsWith("entered and left with a group (median 34")));
});

test("one stay with a rotating team is enough: a replacement seen for a single cycle", () => {
  // biome-ignore format: indicators packed
  const s = score({
    total_days: 6, max_window_days: 6, group_stays: 1, median_group_size: 30,
    group_return_share: 0.95,
  });
  assert.ok(s.score >= 0.5, `score ${s.score}`);
});

test("a team seen only leaving after a long stay (stranded, then repatriated) is a likely worker", () => {
  // biome-ignore format: indicators packed
  const s = score({
    total_days: 30, max_window_days: 30, group_stays: 1, long_group_stays: 1, median_group_size: 40,
  });
  assert.ok(s.score >= 0.5, `score ${s.score}`);
});

test("a one-off tour group of a few days is not, even without its tourist label", () => {
  const tour = { total_days: 4, max_window_days: 4, group_stays: 1, median_group_size: 25 };
  assert.ok(score(tour).score < 0.5);
  assert.ok(score({ ...tour, non_work_visa_share: 1 }).score < 0.01);
});

test("a trader with work-length stays and long gaps stays below 0.5, even if a cohort took him in", () => {
  // biome-ignore format: indicators packed
  const s = score({
    stays: 7, total_days: 170, max_window_days: 120, presence_share: 0.25, near_limit_stays: 7,
    multi_night_stays: 7, labor_team: true,
  });
  assert.ok(s.score < 0.5, `score ${s.score}`);
});

test("one stay that happens to match a team's days does not make a habit", () => {
  // biome-ignore format: indicators packed
  const s = score({
    stays: 6, total_days: 60, max_window_days: 40, presence_share: 0.15, multi_night_stays: 6,
    group_stays: 1, long_group_stays: 1, group_return_share: 1,
  });
  assert.ok(s.score < 0.1, `score ${s.score}`);
  assert.ok(!s.indicators.some((i) => i.includes("group")));
});

test("a driver stays low even when a lost exit leaves a long open stay", () => {
  // biome-ignore format: indicators packed
  const s = score({
    stays: 130, total_days: 480, max_window_days: 365, presence_share: 0.64, same_day_stays: 124,
    short_absences: 129,
  });
  assert.ok(s.score < 0.5, `score ${s.score}`);
  assert.ok(s.indicators.includes("124 of 130 stays same-day (driver pattern)"));
});

test("nationality outside the obligation holds the score at the floor, whatever else is seen", () => {
  // biome-ignore format: indicators packed
  const s = score({
    stays: 300, total_days: 700, max_window_days: 360, presence_share: 0.95, short_returns: 90,
    multi_night_stays: 300, group_stays: 200, long_group_stays: 10, group_return_share: 1,
    work_visa_share: 1, subject_nationality_share: 0,
  });
  assert.ok(s.score <= 1 / (1 + Math.exp(4)) + 1e-4);
  assert.ok(s.indicators.at(-1)?.startsWith("nationality not PRK"));
});

test("a work visa alone says income; a student label pulls residence-like presence back", () => {
  assert.ok(score({ work_visa: true, work_visa_share: 1 }).score >= 0.5);
  // biome-ignore format: indicators packed
  const student = score({
    stays: 4, total_days: 540, max_window_days: 280, presence_share: 0.74, multi_night_stays: 4,
    non_work_visa_share: 1,
  });
  assert.ok(student.score < 0.5, `score ${student.score}`);
});

test("indicator wording follows the policy it was scored under", () => {
  const policy = {
    ...DEFAULT_POLICY,
    score: { ...DEFAULT_POLICY.score, team_long_stay_nights: 20 },
  };
  const s = scoreLabor(
    { ...BASE, total_days: 25, max_window_days: 25, group_stays: 1, long_group_stays: 1 },
    policy,
  );
  assert.ok(s.indicators.includes("1 of those stays 20 nights or longer"));
});
