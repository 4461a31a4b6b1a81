/**
 * Quality measures used by `sojourn evaluate`. Pure functions over counts, so the SQL that
 * gathers the counts and the arithmetic that judges them can be tested apart.
 */

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts; an empty denominator yields 1 (nothing to get wrong). */
export function precisionRecall(
  truePositives: number,
  predicted: number,
  actual: number,
): PrecisionRecall {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = actual === 0 ? 1 : truePositives / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Number of unordered pairs among n items. */
export function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Pairwise clustering quality from a contingency table: `cells` holds, for every (predicted
 * cluster, true cluster) pair that shares items, how many items they share. Two items form a
 * predicted pair when they share a predicted cluster, a true pair when they share a true one.
 */
export function pairwiseScores(
  cells: { predicted: string; actual: string; n: number }[],
): PrecisionRecall & { truePairs: number; predictedPairs: number } {
  const byPredicted = new Map<string, number>();
  const byActual = new Map<string, number>();
  let tp = 0;
  for (const c of cells) {
    tp += pairs(c.n);
    byPredicted.set(c.predicted, (byPredicted.get(c.predicted) ?? 0) + c.n);
    byActual.set(c.actual, (byActual.get(c.actual) ?? 0) + c.n);
  }
  let predictedPairs = 0;
  for (const n of byPredicted.values()) predictedPairs += pairs(n);
  let truePairs = 0;
  for (const n of byActual.values()) truePairs += pairs(n);
  return { ...precisionRecall(tp, predictedPairs, truePairs), truePairs, predictedPairs };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count half), computed by ranking in O(n log n).
 */
export function rocAuc(scored: { score: number; positive: boolean }[]): number | null {
  const positives = scored.filter((s) => s.positive).length;
  const negatives = scored.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k]?.positive) rankSum += averageRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
