/** Shared test helpers: an independent checker of hard constraints and a brute-force optimum. */
import { haversineKm } from "./geo.js";
import type { Instance, PlacementResult } from "./types.js";

export function fits(instance: Instance, personId: string, facilityId: string): boolean {
  const p = instance.people.find((x) => x.id === personId)!;
  const f = instance.facilities.find((x) => x.id === facilityId)!;
  return (
    f.kinds.includes(p.kind) && f.levels.includes(p.level) && f.medical >= p.medicalNeed && f.beds[p.sex] > 0
  );
}

/** Every hard-constraint violation in a plan, in words (empty = none). */
export function violations(instance: Instance, result: PlacementResult): string[] {
  const out: string[] = [];
  const used = new Map<string, number>();
  const seen = new Set<string>();
  for (const a of result.assignments) {
    if (seen.has(a.person)) out.push(`${a.person} placed twice`);
    seen.add(a.person);
    if (!fits(instance, a.person, a.facility)) out.push(`${a.person} does not fit ${a.facility}`);
    const sex = instance.people.find((x) => x.id === a.person)!.sex;
    const key = `${a.facility}|${sex}`;
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  for (const u of result.unplaced) {
    if (seen.has(u.person)) out.push(`${u.person} both placed and unplaced`);
    seen.add(u.person);
  }
  if (seen.size !== instance.people.length) out.push(`${instance.people.length - seen.size} people missing`);
  for (const f of instance.facilities) {
    for (const sex of ["male", "female"] as const) {
      if ((used.get(`${f.id}|${sex}`) ?? 0) > f.beds[sex]) out.push(`${f.id} over its ${sex} beds`);
    }
  }
  return out;
}

export function referenceCost(instance: Instance, personId: string, facilityId: string): number {
  const p = instance.people.find((x) => x.id === personId)!;
  const f = instance.facilities.find((x) => x.id === facilityId)!;
  let cost = p.current !== null && p.current !== f.id ? instance.transferPenalty : 0;
  for (const a of p.anchors) cost += a.weight * haversineKm(a.lat, a.lon, f.lat, f.lon);
  return cost;
}

/** Enumerates every plan: most people placed, then least cost. Tiny instances only. */
export function bruteForce(instance: Instance): { placed: number; cost: number } {
  const { people, facilities } = instance;
  const left = new Map<string, number>();
  for (const f of facilities)
    for (const sex of ["male", "female"] as const) left.set(`${f.id}|${sex}`, f.beds[sex]);
  let best = { placed: -1, cost: Number.POSITIVE_INFINITY };
  const visit = (i: number, placed: number, cost: number) => {
    if (i === people.length) {
      if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost };
      return;
    }
    const p = people[i];
    visit(i + 1, placed, cost);
    for (const f of facilities) {
      const key = `${f.id}|${p.sex}`;
      if (!fits(instance, p.id, f.id) || left.get(key)! <= 0) continue;
      left.set(key, left.get(key)! - 1);
      visit(i + 1, placed + 1, cost + referenceCost(instance, p.id, f.id));
      left.set(key, left.get(key)! + 1);
    }
  };
  visit(0, 0, 0);
  return best;
}
