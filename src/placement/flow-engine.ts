/**
 * The `flow` engine: the restricted transportation problem (k cheapest arcs per
 * group plus one maximum placement's arcs) solved by the TypeScript min-cost flow
 * in mincost-flow.ts, grown by the same pricing scan as the HiGHS engine. Each
 * scan also gives a lower bound valid for the full problem; with no improving arc
 * left outside, the plan is proven optimal. Needs no LP, so it scales to
 * instances the WebAssembly LP cannot solve in time.
 */
import { type ArcStore, priceAndBound } from "./arcs.js";
import type { Budget, EngineResult } from "./engines.js";
import { TransportFlow } from "./mincost-flow.js";
import type { Prepared } from "./prepare.js";

type Progress = (message: string) => void;
type Mark = (phase: string) => void;

const pct = (x: number) => `${(x * 100).toFixed(4)} %`;

export function solveWithFlow(
  p: Prepared,
  arcs: ArcStore,
  unplacedCount: number,
  budget: Budget,
  progress: Progress,
  mark: Mark,
): EngineResult {
  const people = p.instance.people.length;
  // Leave time after the last round for explanations and the objective (measured ~1-2 s at 70,000 people).
  const reserveMs = Math.max(1, 0.1 * budget.timeLimit) * 1000;
  const deadline = budget.started + budget.timeLimit * 1000 - reserveMs;
  const flow = new TransportFlow(p, arcs, unplacedCount);
  mark("flowSetup");
  let best: { placed: Int32Array; cost: number } | undefined;
  let bound = Number.NEGATIVE_INFINITY;
  let violated = -1;
  let rounds = 0;
  for (;;) {
    const finished = flow.solve(deadline);
    mark("flow");
    if (!finished) {
      progress(`min-cost flow round ${rounds + 1} ran out of time; keeping the previous round's plan`);
      break;
    }
    rounds++;
    const cost = flow.cost();
    best = { placed: flow.placement(), cost };
    const tolerance = 1e-7 * Math.max(1, Math.abs(cost) / Math.max(1, people));
    const priced = priceAndBound(p, flow.duals(), unplacedCount, arcs, 4, tolerance);
    mark("pricing");
    bound = Math.max(bound, priced.bound);
    violated = priced.violated;
    const gap = (cost - bound) / Math.max(1, Math.abs(cost));
    progress(
      `flow ${rounds}: cost ${cost.toFixed(1)}, bound ${bound.toFixed(1)}, gap ${pct(gap)}; ` +
        `${flow.augmentations} augmentations so far; ${violated} improving arcs outside, ${priced.added} added (${arcs.length} arcs)`,
    );
    if (violated === 0 || gap <= budget.gapTolerance || priced.added === 0) break;
    // A warm round plus its pricing scan costs a few seconds at the largest size; do not start one we cannot finish.
    const lastRound = performance.now() - budget.started;
    if (performance.now() + Math.min(lastRound, 4000) > deadline) {
      progress("time budget nearly spent; returning the current plan with its bound");
      break;
    }
    flow.addNewArcs();
  }
  if (!best) throw new Error("min-cost flow did not finish its first round in the time limit");
  return { placed: best.placed, bound, lpSolves: rounds, violated };
}
