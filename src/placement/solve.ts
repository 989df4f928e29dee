/**
 * Placement solver: max placement first (a max flow), then minimum total
 * weighted distance among maximum placements (a transportation LP in HiGHS over
 * pruned arcs, grown by pricing until no arc outside it could improve the plan).
 */
import { initialArcs, type NearestInfo } from "./arcs.js";
import { solveAggregated, solveWithHighs } from "./engines.js";
import { explainAssignment, explainUnplaced } from "./explain.js";
import { solveWithFlow } from "./flow-engine.js";
import { haversineKm } from "./geo.js";
import { greedyPlacement } from "./greedy.js";
import { maxPlacement } from "./maxflow.js";
import { groupCount, type Prepared, prepare } from "./prepare.js";
import { solveWithScaling } from "./scaling-engine.js";
import type { Assignment, Instance, PlacementResult, SolveOptions, Unplaced } from "./types.js";

/** Cost of one person at one facility, straight from the definition (used to report the objective). */
export function personCost(instance: Instance, personIndex: number, facilityId: string): number {
  const person = instance.people[personIndex];
  const facility = instance.facilities.find((f) => f.id === facilityId);
  if (!facility) throw new Error(`unknown facility ${facilityId}`);
  return costAt(person, facility, instance.transferPenalty);
}

export function costAt(
  person: Instance["people"][number],
  facility: { id: string; lat: number; lon: number },
  transferPenalty: number,
): number {
  let cost = person.current !== null && person.current !== facility.id ? transferPenalty : 0;
  for (const a of person.anchors) cost += a.weight * haversineKm(a.lat, a.lon, facility.lat, facility.lon);
  return cost;
}

/** Total cost of a list of assignments, recomputed from the instance. */
export function planCost(instance: Instance, assignments: readonly Assignment[]): number {
  const personIndex = new Map(instance.people.map((p, i) => [p.id, i]));
  const facilityById = new Map(instance.facilities.map((f) => [f.id, f]));
  let total = 0;
  for (const a of assignments) {
    total += costAt(
      instance.people[personIndex.get(a.person)!],
      facilityById.get(a.facility)!,
      instance.transferPenalty,
    );
  }
  return total;
}

export async function solvePlacement(
  instance: Instance,
  options: SolveOptions = {},
): Promise<PlacementResult> {
  const started = performance.now();
  const seconds: Record<string, number> = {};
  let lap = started;
  const mark = (name: string) => {
    const now = performance.now();
    seconds[name] = (seconds[name] ?? 0) + (now - lap) / 1000;
    lap = now;
  };
  const progress = options.onProgress ?? (() => {});
  const timeLimit = options.timeLimitSeconds ?? 600;
  const gapTolerance = options.gapTolerance ?? 0;

  const p = prepare(instance);
  const people = instance.people.length;
  mark("prepare");
  const witness = maxPlacement(p);
  const unplacedCount = people - witness.total;
  mark("maxFlow");
  progress(
    `${people} people in ${groupCount(p)} groups, ${p.classes.length} constraint classes; ${witness.total} placeable`,
  );
  // Large instances: cost scaling with pricing (measured: exact optimum on 70,000 x 1,500 in ~85 s CPU,
  // < 0.1 % gap after ~65 s CPU); the WebAssembly LP cannot hold them (docs/placement.md, Figures).
  const engine = options.engine ?? (groupCount(p) > 12_000 ? "scaling" : "highs");
  const nearest = options.nearest ?? (engine === "scaling" ? 12 : 8);
  const { arcs, info } = initialArcs(p, nearest, witness);
  mark("initialArcs");
  progress(`${arcs.length} initial arcs (k nearest feasible + one max placement)`);

  const budget = { started, timeLimit, gapTolerance };
  const run = async () =>
    engine === "scaling"
      ? solveWithScaling(p, arcs, unplacedCount, budget, progress, mark, options.perGroup ?? 8)
      : engine === "flow"
        ? solveWithFlow(p, arcs, unplacedCount, budget, progress, mark)
        : engine === "highs"
          ? await solveWithHighs(p, arcs, unplacedCount, budget, progress, mark)
          : await solveAggregated(p, witness, unplacedCount, budget, progress, mark, arcs, {
              keyFacilities: options.keyFacilities ?? 2,
              nearest,
            });
  let solved: Awaited<ReturnType<typeof run>>;
  try {
    solved = await run();
  } catch (err) {
    // HiGHS out of time (or memory): fall back to the nearest-free-bed plan rather than nothing.
    progress(`LP engine failed (${(err as Error).message}); falling back to the greedy plan`);
    solved = { placed: greedyPlacement(p), bound: Number.NEGATIVE_INFINITY, lpSolves: 0, violated: -1 };
    mark("greedyFallback");
  }
  const { lpSolves, violated } = solved;
  const bound = Math.max(solved.bound, nearestCostBound(p, info, witness.total));
  const plan = extractPlan(p, solved.placed, info, options.reasons ?? true);
  mark("extract");
  const objective = planCost(instance, plan.assignments);
  // The bound is a sum of ~people terms; shave float rounding so bound <= objective holds exactly at a proven optimum.
  const safeBound = Math.min(bound - 1e-9 * Math.abs(bound) - 1e-9, objective);
  mark("objective");
  return {
    ...plan,
    objective,
    bound: safeBound,
    stats: {
      engine,
      maxPlaceable: witness.total,
      groups: groupCount(p),
      arcs: arcs.length,
      lpSolves,
      violatedArcs: violated,
      relativeGap: relativeGap(objective, safeBound),
      seconds,
    },
  };
}

/**
 * A bound needing no LP: any maximum placement places `placeable` people, each at no
 * less than their own cheapest feasible facility, so the sum of the `placeable`
 * smallest such costs is a lower bound.
 */
export function nearestCostBound(p: Prepared, info: NearestInfo, placeable: number): number {
  const costs: number[] = [];
  for (let g = 0; g < groupCount(p); g++) {
    if (info.facility[g] < 0) continue;
    for (let m = p.memberStart[g]; m < p.memberStart[g + 1]; m++) costs.push(info.cost[g]);
  }
  costs.sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i < Math.min(placeable, costs.length); i++) total += costs[i];
  return total;
}

export const relativeGap = (objective: number, bound: number) =>
  (objective - bound) / Math.max(1, Math.abs(objective));

function extractPlan(
  p: Prepared,
  placed: Int32Array,
  info: NearestInfo,
  withReasons: boolean,
): { assignments: Assignment[]; unplaced: Unplaced[] } {
  const { facilities, people } = p.instance;
  const used = new Float64Array(p.capacity.length);
  placed.forEach((f, person) => {
    if (f >= 0) used[f * 2 + (people[person].sex === "female" ? 1 : 0)]++;
  });
  const assignments: Assignment[] = [];
  const unplaced: Unplaced[] = [];
  placed.forEach((f, person) => {
    if (f < 0) {
      unplaced.push({ person: people[person].id, reason: explainUnplaced(p, person, info, used) });
      return;
    }
    const a: Assignment = { person: people[person].id, facility: facilities[f].id };
    if (withReasons) a.reason = explainAssignment(p, person, f, info, used);
    assignments.push(a);
  });
  return { assignments, unplaced };
}
