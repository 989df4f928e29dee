/**
 * Expectation maximisation of the m probabilities (P(level | match)) with the u probabilities
 * (P(level | non-match)) held fixed, on the distinct comparison patterns of a set of pairs.
 * Comparisons listed in `frozen` are left out of the likelihood: a blocking rule that joins
 * on a field makes every pair agree on it, so those pairs say nothing about its m.
 */

export interface PatternSet {
  /** levels[p * C + c]: level of comparison c in pattern p, -1 = missing. */
  levels: Int8Array;
  /** Term-frequency adjustment of pattern p in bits (rounded to a quarter bit to keep patterns few). */
  tfBits: Float64Array;
  counts: Float64Array;
  size: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  /** Expected number of matches among the pairs. */
  expectedMatches: number;
  iterations: number;
}

/**
 * Groups pair level vectors into distinct patterns with counts. `tf` gives a pair's
 * term-frequency adjustment (bits) for the comparisons in play; it is part of the pattern.
 */
export function patternsOf(
  levels: Int8Array,
  comparisons: number,
  select?: (pair: number) => boolean,
  tf?: (pair: number) => number,
): PatternSet {
  // Numeric keys (levels in base 16, then the quarter-bit tf bucket) are much faster than strings.
  const index = new Map<number, number>();
  const out: number[] = [];
  const counts: number[] = [];
  const tfs: number[] = [];
  const pairs = levels.length / comparisons;
  const radix = 16 ** comparisons;
  for (let p = 0; p < pairs; p++) {
    if (select && !select(p)) continue;
    const bits = tf ? Math.round(tf(p) * 4) / 4 : 0;
    let key = 0;
    for (let c = 0; c < comparisons; c++) key = key * 16 + levels[p * comparisons + c] + 1;
    key += radix * (bits * 4 + 4096);
    let id = index.get(key);
    if (id === undefined) {
      id = counts.length;
      index.set(key, id);
      counts.push(0);
      tfs.push(bits);
      for (let c = 0; c < comparisons; c++) out.push(levels[p * comparisons + c]);
    }
    counts[id]++;
  }
  return {
    levels: Int8Array.from(out),
    tfBits: Float64Array.from(tfs),
    counts: Float64Array.from(counts),
    size: counts.length,
  };
}

/** A starting m that puts most mass on the strongest agreement and little on disagreement. */
export function initialM(levelCounts: readonly number[]): number[][] {
  return levelCounts.map((n) => {
    const raw = Array.from({ length: n }, (_, l) => (l === n - 1 ? 0.05 : 2 ** -l));
    const sum = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => x / sum);
  });
}

export function expectationMaximisation(
  patterns: PatternSet,
  u: readonly number[][],
  startM: readonly number[][],
  frozen: ReadonlySet<number>,
  startLambda = 0.3,
  maxIterations = 100,
): EmResult {
  const C = u.length;
  let m = startM.map((row) => [...row]);
  let lambda = startLambda;
  let expectedMatches = 0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const matchSums = m.map((row) => row.map(() => 0));
    let postSum = 0;
    let total = 0;
    for (let p = 0; p < patterns.size; p++) {
      let lm = lambda;
      // A shared rare value is less likely by chance than the level's average u says.
      let lu = (1 - lambda) * 2 ** -patterns.tfBits[p];
      for (let c = 0; c < C; c++) {
        const l = patterns.levels[p * C + c];
        if (l < 0 || frozen.has(c)) continue;
        lm *= m[c][l];
        lu *= u[c][l];
      }
      const post = lm / (lm + lu);
      const n = patterns.counts[p];
      postSum += post * n;
      total += n;
      for (let c = 0; c < C; c++) {
        const l = patterns.levels[p * C + c];
        if (l >= 0) matchSums[c][l] += post * n;
      }
    }
    let change = Math.abs(postSum / total - lambda);
    lambda = postSum / total;
    expectedMatches = postSum;
    const next = matchSums.map((row, c) => {
      if (frozen.has(c)) return m[c];
      // A small pseudo-count keeps unseen levels from a weight of minus infinity.
      const sum = row.reduce((s, x) => s + x, 0) + 0.01 * row.length;
      return row.map((x) => (x + 0.01) / sum);
    });
    for (let c = 0; c < C; c++)
      for (let l = 0; l < next[c].length; l++) change = Math.max(change, Math.abs(next[c][l] - m[c][l]));
    m = next;
    if (change < 1e-6) break;
  }
  return { m, lambda, expectedMatches, iterations };
}
