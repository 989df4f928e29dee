/**
 * The person-facility arcs offered to the LP. We start each group with its k
 * nearest feasible facilities plus the arcs of one maximum placement (so the
 * restricted LP can always place as many as possible), then add arcs whose
 * reduced cost is negative under the LP duals (pricing). The same full scan
 * yields a Lagrangian lower bound valid for the unrestricted problem.
 */
import type { MaxPlacement } from "./maxflow.js";
import { groupCosts, groupCount, groupSupply, type Prepared } from "./prepare.js";

export class ArcStore {
  group: Int32Array = new Int32Array(1024);
  facility: Int32Array = new Int32Array(1024);
  cost: Float64Array = new Float64Array(1024);
  length = 0;
  private readonly seen = new Set<number>();
  constructor(private readonly facilities: number) {}

  has(g: number, f: number): boolean {
    return this.seen.has(g * this.facilities + f);
  }

  add(g: number, f: number, cost: number): boolean {
    const key = g * this.facilities + f;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.length === this.group.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.group = grow(this.group);
      this.facility = grow(this.facility);
      this.cost = grow(this.cost);
    }
    this.group[this.length] = g;
    this.facility[this.length] = f;
    this.cost[this.length] = cost;
    this.length++;
    return true;
  }
}

/** What the full scan learns about each group, used for explanations. */
export interface NearestInfo {
  /** Cheapest feasible facility for the group ignoring capacity (-1 if none), and its cost. */
  facility: Int32Array;
  cost: Float64Array;
}

export function initialArcs(
  p: Prepared,
  nearest: number,
  witness: MaxPlacement,
): { arcs: ArcStore; info: NearestInfo } {
  const groups = groupCount(p);
  const arcs = new ArcStore(p.instance.facilities.length);
  const info: NearestInfo = { facility: new Int32Array(groups).fill(-1), cost: new Float64Array(groups) };
  const scratch = new Float64Array(p.instance.facilities.length);
  const bestCost = new Float64Array(nearest);
  const bestFacility = new Int32Array(nearest);
  for (let g = 0; g < groups; g++) {
    const feasible = p.classes[p.groupClass[g]].feasible;
    groupCosts(p, g, feasible, scratch);
    // Keep the `nearest` cheapest in a small sorted buffer (insertion; nearest is small).
    let kept = 0;
    for (let k = 0; k < feasible.length; k++) {
      const c = scratch[k];
      if (kept === nearest && c >= bestCost[kept - 1]) continue;
      let i = kept < nearest ? kept++ : kept - 1;
      while (i > 0 && bestCost[i - 1] > c) {
        bestCost[i] = bestCost[i - 1];
        bestFacility[i] = bestFacility[i - 1];
        i--;
      }
      bestCost[i] = c;
      bestFacility[i] = feasible[k];
    }
    for (let i = 0; i < kept; i++) arcs.add(g, bestFacility[i], bestCost[i]);
    if (kept > 0) {
      info.facility[g] = bestFacility[0];
      info.cost[g] = bestCost[0];
    }
  }
  addWitnessArcs(p, witness, arcs);
  return { arcs, info };
}

/** Arcs realising one maximum placement, so the restricted LP can reach the max-placement count. */
function addWitnessArcs(p: Prepared, witness: MaxPlacement, arcs: ArcStore): void {
  const groupsOfClass: number[][] = p.classes.map(() => []);
  for (let g = 0; g < groupCount(p); g++) groupsOfClass[p.groupClass[g]].push(g);
  const cursor = new Int32Array(p.classes.length);
  const left = Float64Array.from({ length: groupCount(p) }, (_, g) => groupSupply(p, g));
  const one = new Int32Array(1);
  const cost = new Float64Array(1);
  for (const [ci, slot, amount] of witness.flows) {
    const f = slot >> 1;
    let need = amount;
    const list = groupsOfClass[ci];
    while (need > 0 && cursor[ci] < list.length) {
      const g = list[cursor[ci]];
      const take = Math.min(need, left[g]);
      if (take > 0 && !arcs.has(g, f)) {
        one[0] = f;
        groupCosts(p, g, one, cost);
        arcs.add(g, f, cost[0]);
      }
      need -= take;
      left[g] -= take;
      if (left[g] === 0) cursor[ci]++;
    }
  }
}

export interface Duals {
  /** Dual of each group's supply row. */
  group: Float64Array;
  /** Dual of each capacity slot's row (<= 0; 0 for slots without a row). */
  slot: Float64Array;
  /** Dual of the "exactly this many unplaced" row; null when everyone can be placed. */
  unplaced: number | null;
}

export interface PricingResult {
  /** Lower bound on the optimum of the full (unpruned) problem. */
  bound: number;
  /** Arcs with negative reduced cost found (before the per-group cap). */
  violated: number;
  added: number;
}

/**
 * Full scan over every group and feasible facility: a dual-feasible completion of
 * the restricted LP's duals gives a bound on the full problem, and arcs with
 * negative reduced cost are added (at most `perGroup` per group, most negative first).
 */
export function priceAndBound(
  p: Prepared,
  duals: Duals,
  unplacedCount: number,
  arcs: ArcStore,
  perGroup: number,
  tolerance: number,
): PricingResult {
  const scratch = new Float64Array(p.instance.facilities.length);
  const candidateCost = new Float64Array(perGroup);
  const candidateFacility = new Int32Array(perGroup);
  const candidateArcCost = new Float64Array(perGroup);
  let bound = 0;
  let violated = 0;
  let added = 0;
  for (let s = 0; s < duals.slot.length; s++) bound += p.capacity[s] * duals.slot[s];
  if (duals.unplaced !== null) bound += unplacedCount * duals.unplaced;
  for (let g = 0; g < groupCount(p); g++) {
    const cls = p.classes[p.groupClass[g]];
    const feasible = cls.feasible;
    const sexOffset = cls.sex === "female" ? 1 : 0;
    groupCosts(p, g, feasible, scratch);
    // y_g completed to the full dual: no larger than any arc's c - z, nor than -w (the unplaced column).
    let y = duals.unplaced === null ? Number.POSITIVE_INFINITY : -duals.unplaced;
    const yLp = duals.group[g];
    let kept = 0;
    for (let k = 0; k < feasible.length; k++) {
      const f = feasible[k];
      const reduced = scratch[k] - duals.slot[f * 2 + sexOffset];
      if (reduced < y) y = reduced;
      const rc = reduced - yLp;
      if (rc < -tolerance && !arcs.has(g, f)) {
        violated++;
        if (kept === perGroup && rc >= candidateCost[kept - 1]) continue;
        let i = kept < perGroup ? kept++ : kept - 1;
        while (i > 0 && candidateCost[i - 1] > rc) {
          candidateCost[i] = candidateCost[i - 1];
          candidateFacility[i] = candidateFacility[i - 1];
          candidateArcCost[i] = candidateArcCost[i - 1];
          i--;
        }
        candidateCost[i] = rc;
        candidateFacility[i] = f;
        candidateArcCost[i] = scratch[k];
      }
    }
    for (let i = 0; i < kept; i++) if (arcs.add(g, candidateFacility[i], candidateArcCost[i])) added++;
    if (y === Number.POSITIVE_INFINITY) y = 0; // no feasible facility and everyone placeable: cannot happen
    bound += groupSupply(p, g) * y;
  }
  return { bound, violated, added };
}
