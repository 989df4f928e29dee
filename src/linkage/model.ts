/**
 * Unsupervised Fellegi-Sunter training:
 *  - u from random pairs (almost all non-matches);
 *  - m by expectation maximisation, once per blocking rule on the pairs that rule produces, with
 *    the rule's own fields left out (they agree by construction), then averaged over rules
 *    weighted by each run's expected matches;
 *  - the prior lambda = P(match) for a random pair, anchored on strict deterministic rules:
 *    lambda = D / (r * N(N-1)/2), with D the pairs the rules accept and r their recall, estimated
 *    from the trained model as the posterior-weighted share of candidate pairs they accept.
 */
import type { CandidatePairs } from "./blocking.js";
import { type Comparison, fieldsOf } from "./comparisons.js";
import type { PreparedData } from "./dataset.js";
import { expectationMaximisation, initialM, patternsOf } from "./em.js";
import type { PersonField } from "./types.js";

export interface TrainingReport {
  randomPairs: number;
  perRule: { rule: string; pairs: number; expectedMatches: number; iterations: number }[];
  deterministicRules: string[];
  deterministicPairs: number;
  deterministicRecall: number;
  expectedMatches: number;
}

export interface LinkageModel {
  comparisons: Comparison[];
  m: number[][];
  u: number[][];
  /** Prior probability that a random pair of records is a match. */
  lambda: number;
  /** log2(lambda / (1 - lambda)). */
  priorBits: number;
  /** log2(m / u) per comparison level. */
  bits: number[][];
  report: TrainingReport;
}

/** Level of every comparison for every pair: levels[p * C + c]. */
export function computeLevels(
  data: PreparedData,
  comparisons: readonly Comparison[],
  a: Int32Array,
  b: Int32Array,
  count: number,
  onProgress?: (done: number, total: number) => void,
): Int8Array {
  const C = comparisons.length;
  const levels = new Int8Array(count * C);
  for (let p = 0; p < count; p++) {
    for (let c = 0; c < C; c++) levels[p * C + c] = comparisons[c].compare(data, a[p], b[p]);
    if (onProgress && (p & 0xfffff) === 0xfffff) onProgress(p + 1, count);
  }
  return levels;
}

/** Deterministic pseudo-random numbers (mulberry32): training is reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function estimateU(data: PreparedData, comparisons: readonly Comparison[], samples: number, seed = 1) {
  const random = seededRandom(seed);
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  for (let s = 0; s < samples; s++) {
    const x = Math.floor(random() * data.n);
    let y = Math.floor(random() * (data.n - 1));
    if (y >= x) y++;
    for (let c = 0; c < comparisons.length; c++) {
      const level = comparisons[c].compare(data, x, y);
      if (level >= 0) counts[c][level]++;
    }
  }
  // Level 0 is equality of normalised values: its u is known exactly from the value counts,
  // sum c(c-1) / (P(P-1)), so rare agreements (birth date, A-number) need no lucky samples.
  // The other levels share the rest in the proportions sampled (half a pseudo-count each:
  // a level never seen among random pairs is rare, not impossible).
  return counts.map((row, c) => {
    if (comparisons[c].exactIsEquality === false) {
      const total = row.reduce((s, x) => s + x + 0.5, 0);
      return row.map((x) => (x + 0.5) / total);
    }
    const field = data.fields[comparisons[c].field];
    let same = 0;
    for (const n of field.counts) same += n * (n - 1);
    const exact = field.present > 1 ? Math.max(same / (field.present * (field.present - 1)), 1e-12) : 1e-12;
    const rest = row.slice(1).reduce((s, x) => s + x + 0.5, 0);
    return row.map((x, l) => (l === 0 ? exact : ((1 - exact) * (x + 0.5)) / rest));
  });
}

/** Strict rules: a pair that passes is a match with near certainty. Each is a set of exact fields. */
const DETERMINISTIC_RULES: PersonField[][] = [
  ["givenName", "familyName", "birthDate"],
  ["aNumber", "birthDate"],
  ["aNumber", "givenName", "familyName"],
];

export function train(
  data: PreparedData,
  comparisons: Comparison[],
  candidates: CandidatePairs,
  levels: Int8Array,
  randomPairs = 300_000,
): LinkageModel {
  const C = comparisons.length;
  const samples = Math.min(randomPairs, (data.n * (data.n - 1)) / 2);
  const u = estimateU(data, comparisons, samples);
  const start = initialM(comparisons.map((c) => c.levels.length));

  const tfBits = termFrequencyBits(data, comparisons, candidates, levels, u);
  const mSums = start.map((row) => row.map(() => 0));
  const weightSums = new Array<number>(C).fill(0);
  const perRule: TrainingReport["perRule"] = [];
  for (let k = 0; k < candidates.ruleNames.length; k++) {
    if (!candidates.ruleTrains[k]) continue;
    const bit = 1 << k;
    const frozen = new Set<number>();
    comparisons.forEach((comp, c) => {
      if (fieldsOf(comp).some((f) => candidates.ruleFields[k].includes(f))) frozen.add(c);
    });
    const patterns = patternsOf(
      levels,
      C,
      (p) => (candidates.rules[p] & bit) !== 0,
      (p) => tfBits.sum(p, frozen),
    );
    const pairs = patterns.counts.reduce((s, x) => s + x, 0);
    if (pairs < 20) continue;
    const result = expectationMaximisation(patterns, u, start, frozen);
    perRule.push({
      rule: candidates.ruleNames[k],
      pairs,
      expectedMatches: result.expectedMatches,
      iterations: result.iterations,
    });
    for (let c = 0; c < C; c++) {
      if (frozen.has(c)) continue;
      for (let l = 0; l < mSums[c].length; l++) mSums[c][l] += result.m[c][l] * result.expectedMatches;
      weightSums[c] += result.expectedMatches;
    }
  }
  const m = mSums.map((row, c) => (weightSums[c] > 0 ? row.map((x) => x / weightSums[c]) : start[c]));

  const { lambda, report } = estimatePrior(comparisons, candidates, levels, m, u, tfBits, data.n);
  const bits = m.map((row, c) => row.map((x, l) => Math.log2(x / u[c][l])));
  return {
    comparisons,
    m,
    u,
    lambda,
    priorBits: Math.log2(lambda / (1 - lambda)),
    bits,
    report: { randomPairs: samples, perRule, ...report },
  };
}

/**
 * Per pair and term-frequency comparison, the adjustment log2(u_exact / tf(value)) when the pair
 * agrees exactly: used in training too, or pairs sharing a very common name look like matches.
 */
function termFrequencyBits(
  data: PreparedData,
  comparisons: Comparison[],
  candidates: CandidatePairs,
  levels: Int8Array,
  u: number[][],
) {
  const C = comparisons.length;
  const tfComparisons = comparisons.flatMap((comp, c) => (comp.termFrequencyLevels.includes(0) ? [c] : []));
  const T = tfComparisons.length;
  const bits = new Float32Array(candidates.count * T);
  tfComparisons.forEach((c, t) => {
    const field = data.fields[comparisons[c].field];
    for (let p = 0; p < candidates.count; p++) {
      if (levels[p * C + c] !== 0) continue;
      const frequency = field.counts[field.ids[candidates.a[p]]] / field.present;
      bits[p * T + t] = Math.log2(u[c][0] / frequency);
    }
  });
  return {
    sum(p: number, frozen?: ReadonlySet<number>) {
      let total = 0;
      for (let t = 0; t < T; t++) if (!frozen?.has(tfComparisons[t])) total += bits[p * T + t];
      return total;
    },
  };
}

function estimatePrior(
  comparisons: Comparison[],
  candidates: CandidatePairs,
  levels: Int8Array,
  m: number[][],
  u: number[][],
  tfBits: ReturnType<typeof termFrequencyBits>,
  n: number,
) {
  const C = comparisons.length;
  const indexOf = (field: PersonField) => comparisons.findIndex((c) => c.field === field);
  const rules = DETERMINISTIC_RULES.map((fields) => fields.map(indexOf)).filter((idx) =>
    idx.every((i) => i >= 0),
  );
  const deterministic = (p: number) => rules.some((rule) => rule.every((c) => levels[p * C + c] === 0));

  // Share of matches among candidates, with m and u fixed: lambda is the only free parameter.
  const patterns = patternsOf(levels, C, undefined, (p) => tfBits.sum(p));
  const ratio = new Float64Array(patterns.size);
  for (let p = 0; p < patterns.size; p++) {
    let bits = patterns.tfBits[p];
    for (let c = 0; c < C; c++) {
      const l = patterns.levels[p * C + c];
      if (l >= 0) bits += Math.log2(m[c][l] / u[c][l]);
    }
    ratio[p] = 2 ** bits;
  }
  let share = 0.1;
  for (let it = 0; it < 200; it++) {
    let post = 0;
    for (let p = 0; p < patterns.size; p++) {
      const odds = (share / (1 - share)) * ratio[p];
      post += (patterns.counts[p] * odds) / (1 + odds);
    }
    const next = post / candidates.count;
    if (Math.abs(next - share) < 1e-9) break;
    share = Math.min(Math.max(next, 1e-9), 1 - 1e-9);
  }
  const table = m.map((row, c) => row.map((x, l) => Math.log2(x / u[c][l])));
  let expected = 0;
  let expectedDeterministic = 0;
  let deterministicPairs = 0;
  for (let p = 0; p < candidates.count; p++) {
    let bits = tfBits.sum(p);
    for (let c = 0; c < C; c++) {
      const l = levels[p * C + c];
      if (l >= 0) bits += table[c][l];
    }
    const odds = (share / (1 - share)) * 2 ** bits;
    const post = odds / (1 + odds);
    expected += post;
    if (deterministic(p)) {
      deterministicPairs++;
      expectedDeterministic += post;
    }
  }
  const totalPairs = (n * (n - 1)) / 2;
  const recall = expected > 0 ? expectedDeterministic / expected : 0;
  // Without a usable deterministic rule, fall back on the expected matches among candidates.
  const matches = deterministicPairs > 0 && recall > 0 ? deterministicPairs / recall : expected;
  const lambda = Math.min(Math.max(matches / Math.max(totalPairs, 1), 1e-12), 0.5);
  return {
    lambda,
    report: {
      deterministicRules: rules.map((r) => r.map((c) => comparisons[c].name).join("+")),
      deterministicPairs,
      deterministicRecall: recall,
      expectedMatches: matches,
    },
  };
}
