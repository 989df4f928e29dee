/**
 * Pairwise precision, recall and F1 of a clustering against known entities. Counts come from the
 * contingency of (true entity, predicted cluster), so no pair is ever listed.
 */

export interface PairMetrics {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const choose2 = (n: number) => (n * (n - 1)) / 2;

function sizes(labels: ArrayLike<string | number>): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return counts;
}

export function pairMetrics(
  truth: ArrayLike<string | number>,
  predicted: ArrayLike<string | number>,
): PairMetrics {
  if (truth.length !== predicted.length) throw new Error("truth and prediction differ in length");
  let truePairs = 0;
  for (const n of sizes(truth).values()) truePairs += choose2(n);
  let predictedPairs = 0;
  for (const n of sizes(predicted).values()) predictedPairs += choose2(n);
  const joint = Array.from({ length: truth.length }, (_, i) => `${truth[i]}\u0000${predicted[i]}`);
  let correctPairs = 0;
  for (const n of sizes(joint).values()) correctPairs += choose2(n);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/** The entity of a FEBRL record: rec-123-org and rec-123-dup-0 are both entity 123. */
export function febrlEntity(recordId: string): string {
  const match = /^rec-(\d+)-/.exec(recordId);
  if (!match) throw new Error(`not a FEBRL record id: ${recordId}`);
  return match[1];
}
