/**
 * Placement solver: max placement first (a max flow), then minimum total
 * weighted distance among maximum placements (a transportation LP in HiGHS over
 * pruned arcs, grown by pricing until no arc outside it could improve the plan).
 */
import { type ArcStore, initialArcs, type NearestInfo, priceAndBound } from "./arcs.js";
import { explainAssignment, explainUnplaced } from "./explain.js";
import { haversineKm } from "./geo.js";
import { highs, RestrictedLp } from "./highs-lp.js";
import { maxPlacement } from "./maxflow.js";
import { groupCount, type Prepared, prepare } from "./prepare.js";
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
    total += costAt(instance.people[personIndex.get(a.person)!], facilityById.get(a.facility)!, instance.transferPenalty);
  }
  return total;
}

export async function solvePlacement(instance: Instance, options: SolveOptions = {}): Promise<PlacementResult> {
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
  const elapsed = () => (performance.now() - started) / 1000;

  const p = prepare(instance);
  const people = instance.people.length;
  mark("prepare");
  const witness = maxPlacement(p);
  const unplacedCount = people - witness.total;
  mark("maxFlow");
  progress(`${people} people in ${groupCount(p)} groups, ${p.classes.length} constraint classes; ${witness.total} placeable`);
  const { arcs, info } = initialArcs(p, options.nearest ?? 8, witness);
  mark("initialArcs");
  progress(`${arcs.length} initial arcs (k nearest feasible + one max placement)`);

  const h = await highs();
  mark("loadHighs");
  const lp = new RestrictedLp(h, p, arcs, unplacedCount, timeLimit);
  let bound = Number.NEGATIVE_INFINITY;
  let lpSolves = 0;
  let violated = -1;
  let solution: ReturnType<RestrictedLp["solve"]>;
  try {
    for (;;) {
      lp.setTimeLimit(timeLimit - elapsed());
      solution = lp.solve();
      lpSolves++;
      mark("highs");
      const priced = priceAndBound(p, solution.duals, unplacedCount, arcs, 4, 1e-7 * Math.max(1, Math.abs(solution.objective) / Math.max(1, people)));
      mark("pricing");
      bound = Math.max(bound, priced.bound);
      violated = priced.violated;
      const gap = relativeGap(solution.objective, bound);
      progress(`LP ${lpSolves}: cost ${solution.objective.toFixed(1)}, bound ${bound.toFixed(1)}, gap ${(gap * 100).toFixed(4)} %, ${violated} improving arcs outside (${priced.added} added, ${arcs.length} in LP)`);
      if (violated === 0 || gap <= gapTolerance || priced.added === 0) break;
      if (elapsed() > timeLimit * 0.8) {
        progress("time budget nearly spent; returning the current plan with its bound");
        break;
      }
    }
  } finally {
    lp.dispose();
  }
  const plan = extractPlan(p, arcs, solution!.arcValue, info, options.reasons ?? true);
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

export const relativeGap = (objective: number, bound: number) =>
  (objective - bound) / Math.max(1, Math.abs(objective));

function extractPlan(
  p: Prepared,
  arcs: ArcStore,
  arcValue: Float64Array,
  info: NearestInfo,
  withReasons: boolean,
): { assignments: Assignment[]; unplaced: Unplaced[] } {
  const { facilities, people } = p.instance;
  const next = p.memberStart.slice(0, groupCount(p));
  const used = new Float64Array(p.capacity.length);
  const assignments: Assignment[] = [];
  const assignedIndex: number[] = [];
  const facilityOfArc: number[] = [];
  for (let a = 0; a < arcs.length; a++) {
    const x = arcValue[a];
    if (x < 0.5) continue;
    if (Math.abs(x - Math.round(x)) > 1e-6) throw new Error(`non-integral LP value ${x} on an arc`);
    const g = arcs.group[a];
    const f = arcs.facility[a];
    for (let k = 0; k < Math.round(x); k++) {
      const person = p.members[next[g]++];
      assignedIndex.push(person);
      facilityOfArc.push(f);
      used[f * 2 + (people[person].sex === "female" ? 1 : 0)]++;
    }
  }
  assignedIndex.forEach((person, i) => {
    const f = facilityOfArc[i];
    const a: Assignment = { person: people[person].id, facility: facilities[f].id };
    if (withReasons) a.reason = explainAssignment(p, person, f, info, used);
    assignments.push(a);
  });
  const unplaced: Unplaced[] = [];
  for (let g = 0; g < groupCount(p); g++) {
    for (let m = next[g]; m < p.memberStart[g + 1]; m++) {
      unplaced.push({ person: people[p.members[m]].id, reason: explainUnplaced(p, p.members[m], info, used) });
    }
  }
  return { assignments, unplaced };
}

