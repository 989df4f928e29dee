/**
 * The two engines behind solvePlacement. Both return, per person, the facility
 * index (-1 = unplaced) and a lower bound valid for the full, unpruned problem.
 *  - highs: the restricted transportation LP in HiGHS, grown by pricing; exact
 *    (gap 0) when no arc outside the LP has negative reduced cost.
 *  - aggregate: the same LP over groups of similar people (see aggregate.ts), for
 *    instances too large for the WebAssembly LP; near-optimal with a measured gap.
 */

import { aggregate, aggregatedArcs, disaggregate, priceAggregated } from "./aggregate.js";
import { ArcStore, priceAndBound } from "./arcs.js";
import { highs, RestrictedLp } from "./highs-lp.js";
import type { MaxPlacement } from "./maxflow.js";
import { groupCount, type Prepared } from "./prepare.js";

export interface Budget {
  started: number;
  timeLimit: number;
  gapTolerance: number;
}

export interface EngineResult {
  /** Facility index per person (instance order), -1 when unplaced. */
  placed: Int32Array;
  bound: number;
  lpSolves: number;
  violated: number;
}

type Progress = (message: string) => void;
type Mark = (phase: string) => void;

const elapsed = (b: Budget) => (performance.now() - b.started) / 1000;
const gapOf = (objective: number, bound: number) => (objective - bound) / Math.max(1, Math.abs(objective));
const pct = (x: number) => `${(x * 100).toFixed(4)} %`;

export async function solveWithHighs(
  p: Prepared,
  arcs: ArcStore,
  unplacedCount: number,
  budget: Budget,
  progress: Progress,
  mark: Mark,
): Promise<EngineResult> {
  const h = await highs();
  mark("loadHighs");
  const lp = new RestrictedLp(h, p, arcs, unplacedCount, budget.timeLimit);
  const people = p.instance.people.length;
  let bound = Number.NEGATIVE_INFINITY;
  let lpSolves = 0;
  let violated = -1;
  let solution: ReturnType<RestrictedLp["solve"]>;
  try {
    for (;;) {
      lp.setTimeLimit(budget.timeLimit - elapsed(budget));
      solution = lp.solve();
      lpSolves++;
      mark("highs");
      // Reduced costs below this are solver noise, not improving arcs.
      const tolerance = 1e-7 * Math.max(1, Math.abs(solution.objective) / Math.max(1, people));
      const priced = priceAndBound(p, solution.duals, unplacedCount, arcs, 4, tolerance);
      mark("pricing");
      bound = Math.max(bound, priced.bound);
      violated = priced.violated;
      const gap = gapOf(solution.objective, bound);
      progress(
        `LP ${lpSolves}: cost ${solution.objective.toFixed(1)}, bound ${bound.toFixed(1)}, gap ${pct(gap)}; ` +
          `${violated} improving arcs outside, ${priced.added} added (${arcs.length} in LP)`,
      );
      if (violated === 0 || gap <= budget.gapTolerance || priced.added === 0) break;
      if (elapsed(budget) > budget.timeLimit * 0.8) {
        progress("time budget nearly spent; returning the current plan with its bound");
        break;
      }
    }
  } finally {
    lp.dispose();
  }
  const placed = new Int32Array(people).fill(-1);
  const next = p.memberStart.slice(0, groupCount(p));
  const { arcValue } = solution!;
  for (let a = 0; a < arcs.length; a++) {
    const x = arcValue[a];
    if (x < 0.5) continue;
    // Simplex returns a vertex and the matrix is totally unimodular: anything else is a bug.
    if (Math.abs(x - Math.round(x)) > 1e-6) throw new Error(`non-integral LP value ${x} on an arc`);
    for (let k = 0; k < Math.round(x); k++) placed[p.members[next[arcs.group[a]]++]] = arcs.facility[a];
  }
  return { placed, bound, lpSolves, violated };
}

export async function solveAggregated(
  p: Prepared,
  witness: MaxPlacement,
  unplacedCount: number,
  budget: Budget,
  progress: Progress,
  mark: Mark,
  nearestArcs: ArcStore,
  options: { keyFacilities: number; nearest: number },
): Promise<EngineResult> {
  const agg = aggregate(p, nearestArcs, options.keyFacilities);
  const arcs = aggregatedArcs(agg, options.nearest, witness);
  mark("aggregate");
  progress(
    `aggregated ${groupCount(p)} groups into ${groupCount(agg.view)} (same class and ${options.keyFacilities} cheapest facilities); ${arcs.length} arcs`,
  );
  const h = await highs();
  mark("loadHighs");
  const lp = new RestrictedLp(h, agg.view, arcs, unplacedCount, budget.timeLimit);
  let lpSolves = 0;
  let violated = -1;
  let solution: ReturnType<RestrictedLp["solve"]>;
  try {
    for (;;) {
      lp.setTimeLimit(budget.timeLimit - elapsed(budget));
      solution = lp.solve();
      lpSolves++;
      mark("highs");
      const tolerance =
        1e-7 * Math.max(1, Math.abs(solution.objective) / Math.max(1, p.instance.people.length));
      const priced = priceAggregated(agg, arcs, solution.duals.group, solution.duals.slot, 4, tolerance);
      mark("pricing");
      violated = priced.violated;
      progress(
        `aggregated LP ${lpSolves}: mean-cost objective ${solution.objective.toFixed(1)}; ${violated} improving arcs outside, ${priced.added} added`,
      );
      if (violated === 0 || priced.added === 0) break;
      if (elapsed(budget) > budget.timeLimit * 0.6) {
        progress("time budget nearly spent; stopping pricing");
        break;
      }
    }
  } finally {
    lp.dispose();
  }
  const placed = disaggregate(p, agg, arcs, solution!.arcValue);
  mark("disaggregate");
  // The aggregated LP's facility prices are multipliers for the exact problem: a full scan gives its bound.
  const exactDuals = {
    group: new Float64Array(groupCount(p)),
    slot: solution!.duals.slot,
    unplaced: solution!.duals.unplaced,
  };
  const { bound } = priceAndBound(p, exactDuals, unplacedCount, new ArcStore(1), 1, Number.POSITIVE_INFINITY);
  mark("bound");
  return { placed, bound, lpSolves, violated };
}
