/**
 * Aggregation for instances too large for the WebAssembly LP: people of the same
 * constraint class who rank the same facilities cheapest (their `keyFacilities`
 * nearest feasible, in order) form one group, priced at the group's mean cost per
 * facility (the transfer penalty is averaged too). The
 * aggregated transportation LP is solved with pricing, the group counts are
 * split among members by exact cost, and the bound is computed on the exact,
 * unaggregated problem from the LP's facility duals.
 */
import { ArcStore } from "./arcs.js";
import type { MaxPlacement } from "./maxflow.js";
import { groupCosts, groupCount, type Prepared } from "./prepare.js";

export interface Aggregated {
  /** A Prepared-shaped view whose groups are the aggregated groups (members = people). */
  view: Prepared;
  /** Mean cost of each aggregated group at each facility of its class's feasible list (CSR by group). */
  costStart: Int32Array;
  meanCost: Float64Array;
}

export function aggregate(p: Prepared, nearestArcs: ArcStore, keyFacilities: number): Aggregated {
  const { people } = p.instance;
  // initialArcs stores each group's nearest facilities first, cheapest first.
  const keys = Array.from({ length: groupCount(p) }, (_, g) => `${p.groupClass[g]}`);
  const seen = new Int32Array(groupCount(p));
  for (let i = 0; i < nearestArcs.length; i++) {
    const g = nearestArcs.group[i];
    if (seen[g]++ < keyFacilities) keys[g] += `|${nearestArcs.facility[i]}`;
  }
  const keyOf = (g: number) => keys[g];
  const aggOf = new Int32Array(groupCount(p));
  const index = new Map<string, number>();
  const sizes: number[] = [];
  const classOf: number[] = [];
  for (let g = 0; g < groupCount(p); g++) {
    const key = keyOf(g);
    let a = index.get(key);
    if (a === undefined) {
      a = sizes.length;
      index.set(key, a);
      sizes.push(0);
      classOf.push(p.groupClass[g]);
    }
    aggOf[g] = a;
    sizes[a] += p.memberStart[g + 1] - p.memberStart[g];
  }
  const aggs = sizes.length;
  const memberStart = new Int32Array(aggs + 1);
  for (let a = 0; a < aggs; a++) memberStart[a + 1] = memberStart[a] + sizes[a];
  const fill = memberStart.slice(0, aggs);
  const members = new Int32Array(people.length);
  const costStart = new Int32Array(aggs + 1);
  for (let a = 0; a < aggs; a++) costStart[a + 1] = costStart[a] + p.classes[classOf[a]].feasible.length;
  const meanCost = new Float64Array(costStart[aggs]);
  const scratch = new Float64Array(p.instance.facilities.length);
  for (let g = 0; g < groupCount(p); g++) {
    const a = aggOf[g];
    const size = p.memberStart[g + 1] - p.memberStart[g];
    for (let m = p.memberStart[g]; m < p.memberStart[g + 1]; m++) members[fill[a]++] = p.members[m];
    const feasible = p.classes[p.groupClass[g]].feasible;
    groupCosts(p, g, feasible, scratch);
    const base = costStart[a];
    for (let k = 0; k < feasible.length; k++) meanCost[base + k] += (scratch[k] * size) / sizes[a];
  }
  const view: Prepared = {
    ...p,
    groupClass: Int32Array.from(classOf),
    groupCurrent: new Int32Array(aggs).fill(-1),
    memberStart,
    members,
  };
  return { view, costStart, meanCost };
}

/** k cheapest facilities per aggregated group by mean cost, plus arcs of one maximum placement. */
export function aggregatedArcs(agg: Aggregated, nearest: number, witness: MaxPlacement): ArcStore {
  const { view, costStart, meanCost } = agg;
  const arcs = new ArcStore(view.instance.facilities.length);
  for (let a = 0; a < groupCount(view); a++) {
    const feasible = view.classes[view.groupClass[a]].feasible;
    const order = Array.from(feasible.keys()).sort(
      (x, y) => meanCost[costStart[a] + x] - meanCost[costStart[a] + y],
    );
    for (const k of order.slice(0, nearest)) arcs.add(a, feasible[k], meanCost[costStart[a] + k]);
  }
  const groupsOfClass: number[][] = view.classes.map(() => []);
  for (let a = 0; a < groupCount(view); a++) groupsOfClass[view.groupClass[a]].push(a);
  const cursor = new Int32Array(view.classes.length);
  const left = Float64Array.from(
    { length: groupCount(view) },
    (_, a) => view.memberStart[a + 1] - view.memberStart[a],
  );
  for (const [ci, slot, amount] of witness.flows) {
    const f = slot >> 1;
    const k = view.classes[ci].feasible.indexOf(f);
    let need = amount;
    const list = groupsOfClass[ci];
    while (need > 0 && cursor[ci] < list.length) {
      const a = list[cursor[ci]];
      const take = Math.min(need, left[a]);
      if (take > 0) arcs.add(a, f, meanCost[costStart[a] + k]);
      need -= take;
      left[a] -= take;
      if (left[a] === 0) cursor[ci]++;
    }
  }
  return arcs;
}

/** Adds arcs with negative reduced cost under the LP duals (mean costs, no distance work). */
export function priceAggregated(
  agg: Aggregated,
  arcs: ArcStore,
  groupDual: Float64Array,
  slotDual: Float64Array,
  perGroup: number,
  tolerance: number,
): { violated: number; added: number } {
  const { view, costStart, meanCost } = agg;
  let violated = 0;
  let added = 0;
  for (let a = 0; a < groupCount(view); a++) {
    const cls = view.classes[view.groupClass[a]];
    const sexOffset = cls.sex === "female" ? 1 : 0;
    const candidates: [number, number][] = [];
    for (let k = 0; k < cls.feasible.length; k++) {
      const f = cls.feasible[k];
      const rc = meanCost[costStart[a] + k] - groupDual[a] - slotDual[f * 2 + sexOffset];
      if (rc < -tolerance && !arcs.has(a, f)) candidates.push([rc, k]);
    }
    violated += candidates.length;
    candidates.sort((x, y) => x[0] - y[0]);
    for (const [, k] of candidates.slice(0, perGroup)) {
      if (arcs.add(a, cls.feasible[k], meanCost[costStart[a] + k])) added++;
    }
  }
  return { violated, added };
}

/**
 * Splits each aggregated group's facility counts among its members by exact cost:
 * members with the most to lose choose first; members left when the counts run out are unplaced.
 */
export function disaggregate(
  p: Prepared,
  agg: Aggregated,
  arcs: ArcStore,
  arcValue: Float64Array,
): Int32Array {
  const { view } = agg;
  const placed = new Int32Array(p.instance.people.length).fill(-1);
  const countsByGroup = new Map<number, Map<number, number>>();
  for (let i = 0; i < arcs.length; i++) {
    const x = Math.round(arcValue[i]);
    if (x <= 0) continue;
    let counts = countsByGroup.get(arcs.group[i]);
    if (!counts) {
      counts = new Map();
      countsByGroup.set(arcs.group[i], counts);
    }
    counts.set(arcs.facility[i], (counts.get(arcs.facility[i]) ?? 0) + x);
  }
  const personGroup = new Int32Array(p.instance.people.length);
  for (let g = 0; g < groupCount(p); g++) {
    for (let m = p.memberStart[g]; m < p.memberStart[g + 1]; m++) personGroup[p.members[m]] = g;
  }
  const one = new Int32Array(1);
  const out = new Float64Array(1);
  for (const [a, counts] of countsByGroup) {
    const facilities = [...counts.keys()];
    const members = Array.from(view.members.subarray(view.memberStart[a], view.memberStart[a + 1]));
    const cost = members.map((person) =>
      facilities.map((f) => {
        one[0] = f;
        groupCosts(p, personGroup[person], one, out);
        return out[0];
      }),
    );
    const regret = (i: number) => Math.max(...cost[i]) - Math.min(...cost[i]);
    const order = members.map((_, i) => i).sort((x, y) => regret(y) - regret(x));
    for (const i of order) {
      let best = -1;
      for (let k = 0; k < facilities.length; k++) {
        if (counts.get(facilities[k])! > 0 && (best < 0 || cost[i][k] < cost[i][best])) best = k;
      }
      if (best < 0) break; // the rest of the group is unplaced
      counts.set(facilities[best], counts.get(facilities[best])! - 1);
      placed[members[i]] = facilities[best];
    }
  }
  return placed;
}
