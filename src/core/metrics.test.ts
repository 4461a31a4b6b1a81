import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairwiseScores, precisionRecall, rocAuc } from "./metrics.js";

describe("metrics", () => {
  it("precision, recall and F1", () => {
    const r = precisionRecall(8, 10, 16);
    assert.equal(r.precision, 0.8);
    assert.equal(r.recall, 0.5);
    assert.ok(Math.abs(r.f1 - 0.6153846) < 1e-6);
  });

  it("pairwise scores from a contingency table", () => {
    // truth: A = {1,2,3}, B = {4,5}; predicted: X = {1,2}, Y = {3,4,5}
    const s = pairwiseScores([
      { predicted: "X", actual: "A", n: 2 },
      { predicted: "Y", actual: "A", n: 1 },
      { predicted: "Y", actual: "B", n: 2 },
    ]);
    // true pairs: 3 + 1 = 4; predicted pairs: 1 + 3 = 4; shared: (1,2) and (4,5) = 2
    assert.equal(s.truePairs, 4);
    assert.equal(s.predictedPairs, 4);
    assert.equal(s.precision, 0.5);
    assert.equal(s.recall, 0.5);
  });

  it("ROC AUC with ties", () => {
    assert.equal(
      rocAuc([
        { score: 0.9, positive: true },
        { score: 0.1, positive: false },
      ]),
      1,
    );
    assert.equal(
      rocAuc([
        { score: 0.1, positive: true },
        { score: 0.9, positive: false },
      ]),
      0,
    );
    assert.equal(
      rocAuc([
        { score: 0.5, positive: true },
        { score: 0.5, positive: false },
      ]),
      0.5,
    );
    assert.equal(
      rocAuc([
        { score: 0.8, positive: true },
        { score: 0.4, positive: true },
        { score: 0.6, positive: false },
        { score: 0.2, positive: false },
      ]),
      0.75,
    );
    assert.equal(rocAuc([{ score: 1, positive: true }]), null);
  });
});
