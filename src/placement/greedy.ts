/**
 * Baseline: people in input order each take the nearest (lowest-cost) feasible
 * facility that still has a bed. What a caseworker would do by hand; used to
 * measure what the optimizer buys, and as a fallback plan if the LP runs out of time.
 */
import { groupCosts, groupCount, type Prepared } from "./prepare.js";

/** Facility index per person (-1 = no free feasible bed left when their turn came). */
export function greedyPlacement(p: Prepared): Int32Array {
  const people = p.instance.people.length;
  const groupOf = new Int32Array(people);
  for (let g = 0; g < groupCount(p); g++) {
    for (let m = p.memberStart[g]; m < p.memberStart[g + 1]; m++) groupOf[p.members[m]] = g;
  }
  const left = p.capacity.slice();
  const scratch = new Float64Array(p.instance.facilities.length);
  const placed = new Int32Array(people).fill(-1);
  for (let person = 0; person < people; person++) {
    const g = groupOf[person];
    const cls = p.classes[p.groupClass[g]];
    const sexOffset = cls.sex === "female" ? 1 : 0;
    groupCosts(p, g, cls.feasible, scratch);
    let best = -1;
    for (let k = 0; k < cls.feasible.length; k++) {
      if (left[cls.feasible[k] * 2 + sexOffset] > 0 && (best < 0 || scratch[k] < scratch[best])) best = k;
    }
    if (best >= 0) {
      placed[person] = cls.feasible[best];
      left[cls.feasible[best] * 2 + sexOffset]--;
    }
  }
  return placed;
}
