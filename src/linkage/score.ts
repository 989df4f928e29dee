/**
 * Match weights, probabilities and explanations. A pair's weight is the prior plus, per
 * comparison, log2(m/u) of its level; at exact agreement on a field with term-frequency
 * adjustment, u is replaced by the frequency of the shared value, so agreeing on a rare
 * surname counts more than agreeing on a common one.
 */
import type { PreparedData } from "./dataset.js";
import type { LinkageModel } from "./model.js";
import type { FieldContribution } from "./types.js";

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** The weight, in bits, at which the probability equals p. */
export function weightForProbability(p: number): number {
  return Math.log2(p / (1 - p));
}

function termFrequencyBits(
  model: LinkageModel,
  data: PreparedData,
  c: number,
  level: number,
  a: number,
): number {
  const comparison = model.comparisons[c];
  if (!comparison.termFrequencyLevels.includes(level)) return 0;
  const field = data.fields[comparison.field];
  const id = field.ids[a];
  const frequency = field.counts[id] / field.present;
  return Math.log2(model.u[c][level] / frequency);
}

/** The weight of a pair whose levels are known (levels[offset + c]). */
export function weightOfLevels(
  model: LinkageModel,
  data: PreparedData,
  a: number,
  levels: Int8Array,
  offset: number,
): number {
  let weight = model.priorBits;
  const C = model.comparisons.length;
  for (let c = 0; c < C; c++) {
    const level = levels[offset + c];
    if (level < 0) continue;
    weight += model.bits[c][level];
    if (level === 0) weight += termFrequencyBits(model, data, c, level, a);
  }
  return weight;
}

const scratch = new Int8Array(32);

/** Compares and weighs any pair of records (not only candidates): used by clustering. */
export function weightOf(model: LinkageModel, data: PreparedData, a: number, b: number): number {
  const C = model.comparisons.length;
  for (let c = 0; c < C; c++) scratch[c] = model.comparisons[c].compare(data, a, b);
  return weightOfLevels(model, data, a, scratch, 0);
}

/** Each comparison's contribution to a pair's weight: the explanation a reviewer sees. */
export function explain(model: LinkageModel, data: PreparedData, a: number, b: number): FieldContribution[] {
  return model.comparisons.map((comparison, c) => {
    const level = comparison.compare(data, a, b);
    if (level < 0) return { comparison: comparison.name, level: "missing", bits: 0 };
    const bits = model.bits[c][level] + (level === 0 ? termFrequencyBits(model, data, c, level, a) : 0);
    return { comparison: comparison.name, level: comparison.levels[level], bits };
  });
}
