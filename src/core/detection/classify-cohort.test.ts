import assert from "node:assert/strict";
import { test } from "node:test";
import { type CohortShape, classifyCohort } from "./classify-cohort.js";
import { DEFAULT_POLICY } from "./policy.js";

const shape = (s: Partial<CohortShape>): CohortShape => ({
  entries_together: 0,
  exits_together: 0,
  median_stay_nights: 0,
  median_presence_share: 0,
  ...s,
});
const kind = (s: Partial<CohortShape>) => classifyCohort(shape(s), DEFAULT_POLICY);

test("a team that rotates and stays weeks is a labour team", () => {
  assert.equal(
    kind({
      entries_together: 6,
      exits_together: 6,
      median_stay_nights: 26,
      median_presence_share: 0.9,
    }),
    "labor-team",
  );
});

test("one joint movement after weeks inside is a labour team: a stranded team's exit wave, a new team's first entry", () => {
  assert.equal(
    kind({ exits_together: 1, median_stay_nights: 68, median_presence_share: 1 }),
    "labor-team",
  );
  assert.equal(kind({ entries_together: 1, median_stay_nights: 75 }), "labor-team");
});

test("short-cycle teams: stays of a week but present most of the time", () => {
  assert.equal(
    kind({ entries_together: 12, median_stay_nights: 6, median_presence_share: 0.75 }),
    "labor-team",
  );
  // The same stays with long absences between them are not.
  assert.equal(
    kind({ entries_together: 12, median_stay_nights: 6, median_presence_share: 0.3 }),
    "unknown",
  );
});

test("one-off short trips are tour groups; in between is unknown", () => {
  assert.equal(
    kind({ entries_together: 1, exits_together: 1, median_stay_nights: 4 }),
    "tour-group",
  );
  assert.equal(kind({ entries_together: 1, exits_together: 1, median_stay_nights: 12 }), "unknown");
  assert.equal(
    kind({ entries_together: 0, exits_together: 0, median_stay_nights: 40 }),
    "unknown",
    "no joint movement, no cohort kind",
  );
});

test("the thresholds come from the policy", () => {
  const policy = structuredClone(DEFAULT_POLICY);
  policy.cohorts.labor_min_median_stay_days = 30;
  assert.equal(
    classifyCohort(shape({ entries_together: 6, median_stay_nights: 26 }), policy),
    "unknown",
  );
});
