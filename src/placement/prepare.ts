/**
 * Turns an instance into the arrays the solver works on: facility-sex capacity
 * slots, constraint classes with their feasible facilities, and groups of people
 * who are interchangeable (same class, same current facility, same anchors), so
 * a group has one cost per facility and one supply.
 */
import { EARTH_RADIUS_KM, unitVectors } from "./geo.js";
import type { Facility, Instance, Person, Sex } from "./types.js";

export interface ConstraintClass {
  key: string;
  sex: Sex;
  kind: Person["kind"];
  level: number;
  medicalNeed: number;
  /** Facility indexes meeting kind, level, medical and having beds of this sex. */
  feasible: Int32Array;
  people: number;
}

export interface Prepared {
  instance: Instance;
  facilityIndex: Map<string, number>;
  facilityVec: Float64Array;
  /** Capacity slot = facility * 2 + (female ? 1 : 0). */
  capacity: Float64Array;
  classes: ConstraintClass[];
  /** Group g: people members[memberStart[g] .. memberStart[g+1]). */
  groupClass: Int32Array;
  groupCurrent: Int32Array;
  memberStart: Int32Array;
  members: Int32Array;
  /** Anchors of group g's representative: anchorStart[g] .. anchorStart[g+1] into anchorVec/anchorWeight. */
  anchorStart: Int32Array;
  anchorVec: Float64Array;
  anchorWeight: Float64Array;
  transferPenalty: number;
}

export const slotOf = (facility: number, sex: Sex) => facility * 2 + (sex === "female" ? 1 : 0);

export function classKey(p: Pick<Person, "sex" | "kind" | "level" | "medicalNeed">): string {
  return `${p.sex}|${p.kind}|${p.level}|${p.medicalNeed}`;
}

export function isFeasible(f: Facility, p: Pick<Person, "sex" | "kind" | "level" | "medicalNeed">): boolean {
  return (
    f.beds[p.sex] > 0 && f.kinds.includes(p.kind) && f.levels.includes(p.level) && f.medical >= p.medicalNeed
  );
}

function groupKey(classIndex: number, p: Person): string {
  let key = `${classIndex}|${p.current ?? ""}`;
  for (const a of p.anchors) key += `|${a.lat},${a.lon},${a.weight}`;
  return key;
}

export function prepare(instance: Instance): Prepared {
  const { facilities, people } = instance;
  const facilityIndex = new Map(facilities.map((f, i) => [f.id, i]));
  const capacity = new Float64Array(facilities.length * 2);
  facilities.forEach((f, i) => {
    capacity[i * 2] = f.beds.male;
    capacity[i * 2 + 1] = f.beds.female;
  });

  const classes: ConstraintClass[] = [];
  const classByKey = new Map<string, number>();
  const groupByKey = new Map<string, number>();
  const groupOf = new Int32Array(people.length);
  const groupRep: number[] = [];
  const groupSize: number[] = [];
  people.forEach((p, i) => {
    const ck = classKey(p);
    let c = classByKey.get(ck);
    if (c === undefined) {
      c = classes.length;
      classByKey.set(ck, c);
      const feasible = facilities.flatMap((f, fi) => (isFeasible(f, p) ? [fi] : []));
      classes.push({
        key: ck,
        sex: p.sex,
        kind: p.kind,
        level: p.level,
        medicalNeed: p.medicalNeed,
        feasible: Int32Array.from(feasible),
        people: 0,
      });
    }
    classes[c].people++;
    const gk = groupKey(c, p);
    let g = groupByKey.get(gk);
    if (g === undefined) {
      g = groupRep.length;
      groupByKey.set(gk, g);
      groupRep.push(i);
      groupSize.push(0);
    }
    groupSize[g]++;
    groupOf[i] = g;
  });

  const groups = groupRep.length;
  const memberStart = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) memberStart[g + 1] = memberStart[g] + groupSize[g];
  const fill = memberStart.slice(0, groups);
  const members = new Int32Array(people.length);
  for (let i = 0; i < people.length; i++) members[fill[groupOf[i]]++] = i;

  const groupClass = new Int32Array(groups);
  const groupCurrent = new Int32Array(groups);
  const anchorStart = new Int32Array(groups + 1);
  groupRep.forEach((i, g) => {
    const p = people[i];
    groupClass[g] = classByKey.get(classKey(p))!;
    groupCurrent[g] = p.current === null ? -1 : facilityIndex.get(p.current)!;
    anchorStart[g + 1] = anchorStart[g] + p.anchors.length;
  });
  const anchors = groupRep.flatMap((i) => people[i].anchors);
  return {
    instance,
    facilityIndex,
    facilityVec: unitVectors(facilities),
    capacity,
    classes,
    groupClass,
    groupCurrent,
    memberStart,
    members,
    anchorStart,
    anchorVec: unitVectors(anchors),
    anchorWeight: Float64Array.from(anchors, (a) => a.weight),
    transferPenalty: instance.transferPenalty,
  };
}

export const groupCount = (p: Prepared) => p.groupClass.length;
export const groupSupply = (p: Prepared, g: number) => p.memberStart[g + 1] - p.memberStart[g];

/**
 * Cost of placing one member of group g at each facility in `facilities`, written to `out`.
 * This is the hot loop of pricing and bounding, hence the inlined chord distance.
 */
export function groupCosts(p: Prepared, g: number, facilities: Int32Array, out: Float64Array): void {
  const fv = p.facilityVec;
  const av = p.anchorVec;
  const aw = p.anchorWeight;
  const a0 = p.anchorStart[g];
  const a1 = p.anchorStart[g + 1];
  const current = p.groupCurrent[g];
  const penalty = p.transferPenalty;
  const twoR = 2 * EARTH_RADIUS_KM;
  for (let k = 0; k < facilities.length; k++) {
    const f = facilities[k];
    const fx = fv[f * 3];
    const fy = fv[f * 3 + 1];
    const fz = fv[f * 3 + 2];
    let cost = current >= 0 && current !== f ? penalty : 0;
    for (let a = a0; a < a1; a++) {
      const dx = av[a * 3] - fx;
      const dy = av[a * 3 + 1] - fy;
      const dz = av[a * 3 + 2] - fz;
      const half = Math.sqrt(dx * dx + dy * dy + dz * dz) * 0.5;
      cost += aw[a] * twoR * Math.asin(Math.min(half, 1));
    }
    out[k] = cost;
  }
}
