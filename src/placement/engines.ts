/**
 * The two engines behind solvePlacement. Both return, per person, the facility
 * index (-1 = unplaced) and a lower bound valid for the full, unpruned problem.
 *  - highs: the restricted transportation LP in HiGHS, grown by pricing; exact
 *    (gap 0) when no arc outside the LP has negative reduced cost.
 *  - auction: a pure-TS forward auction on beds, for instances too large for the
 *    WebAssembly LP to solve quickly; near-optimal with a measured gap.
 */
import { type ArcStore, type NearestInfo, priceAndBound } from "./arcs.js";
import { createAuction, epsilonSchedule, priceAndBoundBeds, runAuction, runScaled } from "./auction.js";
import { highs, RestrictedLp } from "./highs-lp.js";
import { groupCosts, groupCount, type Prepared } from "./prepare.js";

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

export function solveWithAuction(
  p: Prepared,
  arcs: ArcStore,
  info: NearestInfo,
  unplacedCount: number,
  budget: Budget,
  progress: Progress,
  mark: Mark,
  epsilonShare = 2e-5,
): EngineResult {
  const people = p.instance.people.length;
  let meanCost = 0;
  for (let g = 0; g < groupCount(p); g++) meanCost += info.cost[g] * (p.memberStart[g + 1] - p.memberStart[g]);
  meanCost /= Math.max(1, people);
  // The plan ends within people x epsilon of the optimum on the arcs offered: epsilon sets that share.
  const epsilon = Math.max(1e-9, epsilonShare * meanCost);
  const state = createAuction(p, unplacedCount);
  const deadline = budget.started + budget.timeLimit * 1000 * 0.85;
  let pending: Int32Array = Int32Array.from({ length: people }, (_, t) => t);
  let bound = Number.NEGATIVE_INFINITY;
  let rounds = 0;
  let violated = -1;
  for (;;) {
    // The first round starts from zero prices with epsilon-scaling; later rounds only re-bid movers.
    let maxCost = 0;
    for (let a = 0; a < arcs.length; a++) maxCost = Math.max(maxCost, arcs.cost[a]);
    const finished = runScaled(p, arcs, state, pending, epsilonSchedule(epsilon, maxCost), deadline);
    rounds++;
    mark("auction");
    if (!finished) throw new Error("auction did not finish within the time limit");
    const priced = priceAndBoundBeds(p, arcs, state, epsilon);
    mark("pricing");
    bound = Math.max(bound, priced.bound);
    violated = priced.violated;
    const objective = tokenObjective(p, state);
    const gap = gapOf(objective, bound);
    progress(
      `auction round ${rounds}: ${state.bids} bids, cost ${objective.toFixed(1)}, bound ${bound.toFixed(1)}, gap ${pct(gap)}; ` +
        `${violated} people could gain from arcs outside`,
    );
    if (violated === 0 || gap <= budget.gapTolerance || elapsed(budget) > budget.timeLimit * 0.6) break;
    pending = priced.rebid;
  }
  const placed = new Int32Array(people).fill(-1);
  const unplacedSlot = p.capacity.length;
  for (let t = 0; t < p.members.length; t++) {
    const s = state.tokenSlot[t];
    if (s >= 0 && s !== unplacedSlot) placed[p.members[t]] = s >> 1;
  }
  return { placed, bound, lpSolves: 0, violated };
}

/** Cost of the auction's current plan, from the arc costs (the reported objective is recomputed independently). */
function tokenObjective(p: Prepared, state: ReturnType<typeof createAuction>): number {
  const unplacedSlot = p.capacity.length;
  const one = new Int32Array(1);
  const out = new Float64Array(1);
  let total = 0;
  for (let g = 0; g < groupCount(p); g++) {
    for (let t = p.memberStart[g]; t < p.memberStart[g + 1]; t++) {
      const s = state.tokenSlot[t];
      if (s < 0 || s === unplacedSlot) continue;
      one[0] = s >> 1;
      groupCosts(p, g, one, out);
      total += out[0];
    }
  }
  return total;
}
