/** Reasons in words for each recommendation and each person left unplaced. */
import type { NearestInfo } from "./arcs.js";
import { nearestCityName } from "./cities.js";
import { haversineKm } from "./geo.js";
import type { Prepared } from "./prepare.js";
import { costAt } from "./solve.js";
import type { Anchor, Facility, Person } from "./types.js";

const kindWords: Record<Person["kind"], string> = {
  adult: "adult",
  family_residential: "family-residential",
  juvenile_licensed: "licensed juvenile",
};

/** "level-2 male adult bed with medical level ≥ 1" */
export function bedWords(p: Pick<Person, "sex" | "kind" | "level" | "medicalNeed">): string {
  const medical = p.medicalNeed > 0 ? ` with medical level ≥ ${p.medicalNeed}` : "";
  return `level-${p.level} ${p.sex} ${kindWords[p.kind]} bed${medical}`;
}

const facilityWords = (f: Facility) => (f.name && f.name !== f.id ? `${f.id} (${f.name})` : f.id);

function anchorWords(a: Anchor, index: number): string {
  const who = a.kind ?? `anchor ${index + 1}`;
  const where = a.place ?? nearestCityName(a.lat, a.lon, haversineKm);
  return where ? `${who} in ${where}` : `${who} at ${a.lat.toFixed(2)}, ${a.lon.toFixed(2)}`;
}

/** "14 km from counsel in Houston, 9 km from court in Houston" (heaviest anchors first). */
function distanceWords(person: Person, f: Facility): string {
  if (person.anchors.length === 0) return "no counsel, family or court on file";
  return person.anchors
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.weight - x.a.weight)
    .map(({ a, i }) => `${Math.round(haversineKm(a.lat, a.lon, f.lat, f.lon))} km from ${anchorWords(a, i)}`)
    .join(", ");
}

function transferWords(person: Person, f: Facility, penalty: number): string {
  if (person.current === null) return "new arrival";
  if (person.current === f.id) return "stays in current facility, no transfer";
  return `transfer from ${person.current} (penalty ${penalty})`;
}

export function explainAssignment(
  p: Prepared,
  personIndex: number,
  facility: number,
  info: NearestInfo,
  used: Float64Array,
): string {
  const { facilities, people, transferPenalty } = p.instance;
  const person = people[personIndex];
  const f = facilities[facility];
  const cost = costAt(person, f, transferPenalty);
  const here = `${distanceWords(person, f)}; ${transferWords(person, f, transferPenalty)}; cost ${cost.toFixed(1)}`;
  const group = findGroup(p, personIndex);
  const best = info.facility[group];
  if (best === facility || best < 0 || cost <= info.cost[group] + 1e-6) {
    return `${facilityWords(f)}: lowest-cost facility with a ${bedWords(person)}: ${here}`;
  }
  const b = facilities[best];
  const slot = best * 2 + (person.sex === "female" ? 1 : 0);
  const extra = (cost - info.cost[group]).toFixed(1);
  const why =
    used[slot] >= p.capacity[slot]
      ? `its ${p.capacity[slot]} ${person.sex} beds all go to people for whom it saves more`
      : "it has a free bed, but this plan stopped within its optimality gap";
  return (
    `${facilityWords(f)}: ${here}. The lowest-cost facility with a ${bedWords(person)} is ` +
    `${facilityWords(b)} (${distanceWords(person, b)}; cost ${info.cost[group].toFixed(1)}), but ${why}; +${extra} here`
  );
}

export function explainUnplaced(
  p: Prepared,
  personIndex: number,
  info: NearestInfo,
  used: Float64Array,
): string {
  const { facilities, people } = p.instance;
  const person = people[personIndex];
  const group = findGroup(p, personIndex);
  const cls = p.classes[p.groupClass[group]];
  if (cls.feasible.length === 0)
    return `no facility can take this person: ${missingWords(facilities, person)}`;
  const sexOffset = person.sex === "female" ? 1 : 0;
  let beds = 0;
  let free = 0;
  for (const f of cls.feasible) {
    beds += p.capacity[f * 2 + sexOffset];
    free += p.capacity[f * 2 + sexOffset] - used[f * 2 + sexOffset];
  }
  const nearest =
    info.facility[group] >= 0
      ? `; the lowest-cost one would have been ${facilityWords(facilities[info.facility[group]])}`
      : "";
  const full =
    free <= 0
      ? "are all full"
      : `have ${free} free beds left that cannot be used without displacing someone else`;
  return (
    `beds short: the ${cls.feasible.length} facilities with a ${bedWords(person)} (${beds} beds) ${full}; ` +
    `${cls.people} people need such a bed, and placing as many people as possible overall, then keeping distances lowest, leaves this person out${nearest}`
  );
}

/** Which hard constraint no facility meets, checked in the order a caseworker would. */
function missingWords(facilities: readonly Facility[], person: Person): string {
  const byKind = facilities.filter((f) => f.kinds.includes(person.kind));
  if (byKind.length === 0) return `no ${kindWords[person.kind]} facility`;
  const byLevel = byKind.filter((f) => f.levels.includes(person.level));
  if (byLevel.length === 0)
    return `no ${kindWords[person.kind]} facility accepts security level ${person.level}`;
  const byMedical = byLevel.filter((f) => f.medical >= person.medicalNeed);
  if (byMedical.length === 0) {
    return `no level-${person.level} ${kindWords[person.kind]} facility has medical level ≥ ${person.medicalNeed}`;
  }
  return `no ${kindWords[person.kind]} facility meeting level ${person.level} and medical need ${person.medicalNeed} has ${person.sex} beds`;
}

const groupOfPerson = new WeakMap<Prepared, Int32Array>();
function findGroup(p: Prepared, personIndex: number): number {
  let index = groupOfPerson.get(p);
  if (!index) {
    index = new Int32Array(p.instance.people.length);
    for (let g = 0; g + 1 < p.memberStart.length; g++) {
      for (let m = p.memberStart[g]; m < p.memberStart[g + 1]; m++) index[p.members[m]] = g;
    }
    groupOfPerson.set(p, index);
  }
  return index[personIndex];
}
