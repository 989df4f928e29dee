/**
 * The `scaling` engine (default for large instances): the restricted
 * transportation problem solved exactly by cost scaling (cost-scaling.ts), grown
 * by the full pricing scan of arcs.ts until no arc outside it has negative
 * reduced cost. Every scan also yields a Lagrangian lower bound for the full,
 * unpruned problem from the flow's slot prices, so the gap reported is honest at
 * every round; the loop stops at the gap tolerance, when nothing improves, or
 * when the next round would not fit in the time budget.
 */
import { type ArcStore, priceAndBound } from "./arcs.js";
import { CostScalingFlow } from "./cost-scaling.js";
import type { Budget, EngineResult } from "./engines.js";
import type { Prepared } from "./prepare.js";

type Progress = (message: string) => void;
type Mark = (phase: string) => void;

const pct = (x: number) => `${(x * 100).toFixed(4)} %`;

export function solveWithScaling(
  p: Prepared,
  arcs: ArcStore,
  unplacedCount: number,
  budget: Budget,
  progress: Progress,
  mark: Mark,
  perGroup: number,
): EngineResult {
  const people = p.instance.people.length;
  // Leave time after the last round for explanations and the objective (~1-2 s at 70,000 people).
  const reserveMs = Math.min(3000, Math.max(200, 0.07 * budget.timeLimit * 1000));
  const deadline = budget.started + budget.timeLimit * 1000 - reserveMs;
  const flow = new CostScalingFlow(p, arcs, unplacedCount);
  mark("flowSetup");
  let best: { placed: Int32Array; cost: number } | undefined;
  let bound = Number.NEGATIVE_INFINITY;
  let violated = -1;
  let rounds = 0;
  let lastRoundMs = 0;
  for (;;) {
    const roundStart = performance.now();
    const finished = flow.solve(deadline);
    mark("flow");
    if (!finished) {
      progress(`cost-scaling round ${rounds + 1} ran out of time; keeping the previous round's plan`);
      break;
    }
    rounds++;
    const cost = flow.realCost();
    best = { placed: flow.placement(), cost };
    const tolerance = 1e-6 * Math.max(1, Math.abs(cost) / Math.max(1, people));
    const priced = priceAndBound(p, flow.duals(), unplacedCount, arcs, perGroup, tolerance);
    mark("pricing");
    bound = Math.max(bound, priced.bound);
    violated = priced.violated;
    lastRoundMs = performance.now() - roundStart;
    const gap = (cost - bound) / Math.max(1, Math.abs(cost));
    progress(
      `scaling ${rounds}: cost ${cost.toFixed(1)}, bound ${bound.toFixed(1)}, gap ${pct(gap)}; ` +
        `${flow.pushes} pushes, ${flow.relabels} relabels so far; ${violated} improving arcs outside, ` +
        `${priced.added} added (${arcs.length} arcs)`,
    );
    if (violated === 0 || gap <= budget.gapTolerance || priced.added === 0) break;
    if (performance.now() + lastRoundMs > deadline) {
      progress("time budget nearly spent; returning the current plan with its bound");
      break;
    }
    flow.syncArcs();
  }
  if (!best) throw new Error("cost scaling did not finish its first round in the time limit");
  return { placed: best.placed, bound, lpSolves: rounds, violated };
}
