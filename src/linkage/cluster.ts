/**
 * Clustering of linked pairs. Plain connected components chain: A~B and B~C put A and C
 * together even when A and C plainly differ. Instead, edges above the threshold are taken from
 * strongest to weakest (single-linkage order), and two clusters merge only when their average
 * pairwise match probability (average linkage, every cross pair scored, not only candidates)
 * also reaches the threshold.
 */

export interface Edge {
  a: number;
  b: number;
  weight: number;
}

export interface ClusterOptions {
  /** Probability a pair, and a merged cluster on average, must reach. */
  threshold: number;
  /** "average" (resists chaining) or "connected" (connected components). */
  method?: "average" | "connected";
  /** Cap on scored cross pairs per merge; bigger merges are judged on a deterministic subset. */
  maxCrossPairs?: number;
}

export function clusterPairs(
  n: number,
  edges: Edge[],
  probabilityOf: (a: number, b: number) => number,
  options: ClusterOptions,
): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const membersOf = (root: number) => members.get(root) ?? [root];
  const maxCross = options.maxCrossPairs ?? 2500;
  const sorted = [...edges].sort((x, y) => y.weight - x.weight);
  for (const { a, b } of sorted) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (options.method !== "connected" && ma.length * mb.length > 1) {
      if (averageProbability(ma, mb, probabilityOf, maxCross) < options.threshold) continue;
    }
    const [big, small] = ma.length >= mb.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members.set(big, [...membersOf(big), ...membersOf(small)]);
    members.delete(small);
  }
  const clusterOf = new Int32Array(n);
  const numbering = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let id = numbering.get(root);
    if (id === undefined) {
      id = numbering.size + 1;
      numbering.set(root, id);
    }
    clusterOf[i] = id;
  }
  return clusterOf;
}

function averageProbability(
  ma: readonly number[],
  mb: readonly number[],
  probabilityOf: (a: number, b: number) => number,
  maxCross: number,
): number {
  // Keep the product under maxCross by taking the first members of each side.
  const side = Math.max(1, Math.floor(Math.sqrt(maxCross)));
  const xs = ma.length * mb.length > maxCross ? ma.slice(0, side) : ma;
  const ys = ma.length * mb.length > maxCross ? mb.slice(0, side) : mb;
  let sum = 0;
  for (const x of xs) for (const y of ys) sum += probabilityOf(x, y);
  return sum / (xs.length * ys.length);
}
