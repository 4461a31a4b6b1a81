import assert from "node:assert/strict";
import { test } from "node:test";
import { alertScore } from "./alert-score.js";

test("alertScore: censoring and thin records rank an alert below a well-supported one", () => {
  // A visitor's one exit record read as a year inside: strong-looking, censored, one record.
  const censored = alertScore({ strength: 1, records: 1, laborScore: 0.02, censored: true });
  // A rotating worker's overstay by two days: weak pattern, both ends recorded, team history.
  const worker = alertScore({ strength: 0.63, records: 2, laborScore: 0.99, censored: false });
  assert.ok(worker > censored, `${worker} > ${censored}`);
  const open = alertScore({ strength: 0.63, records: 2, laborScore: 0.99, censored: true });
  assert.ok(open < worker && Math.abs(open / worker - 0.6) < 1e-9);
  assert.ok(alertScore({ strength: 2, records: 100, laborScore: 1, censored: false }) <= 1);
  assert.equal(alertScore({ strength: 0, records: 0, laborScore: null, censored: false }), 0);
});
