/**
 * Seeded generator of realistic synthetic instances: facilities near U.S. cities
 * (many in small court towns, as real detention sites are), people whose counsel,
 * family and court are in cities. All data is synthetic.
 */
import { type City, cities } from "./cities.js";
import { haversineKm } from "./geo.js";
import type { Anchor, Facility, FacilityKind, Instance, Person, Sex } from "./types.js";

export interface GenerateOptions {
  people: number;
  facilities: number;
  seed?: number;
  /** Beds per person, per kind and sex (1.0 = exactly enough in total; <1 = beds short). */
  bedRatio?: number;
  /** Share of people already held somewhere (the rest are new arrivals). */
  currentShare?: number;
  transferPenalty?: number;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(items: readonly T[], weight: (t: T) => number, r: () => number): T {
  let total = 0;
  for (const t of items) total += weight(t);
  let x = r() * total;
  for (const t of items) {
    x -= weight(t);
    if (x <= 0) return t;
  }
  return items[items.length - 1];
}

function pickTable<T>(table: readonly [T, number][], r: () => number): T {
  return pickWeighted(table, ([, w]) => w, r)[0];
}

/** A point `km` (at most) away from a city in a random direction. */
function jitter(city: City, km: number, r: () => number): { lat: number; lon: number } {
  const d = km * Math.sqrt(r());
  const theta = 2 * Math.PI * r();
  const lat = city.lat + (d / 111.2) * Math.cos(theta);
  const lon = city.lon + (d / (111.2 * Math.cos((city.lat * Math.PI) / 180))) * Math.sin(theta);
  return { lat: round5(lat), lon: round5(lon) };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

const kindShare: [FacilityKind, number][] = [
  ["adult", 0.9],
  ["family_residential", 0.06],
  ["juvenile_licensed", 0.04],
];
const maleShare: Record<FacilityKind, number> = {
  adult: 0.85,
  family_residential: 0.4,
  juvenile_licensed: 0.65,
};

function generateFacilities(n: number, r: () => number): Facility[] {
  // Detention sites cluster near court towns and large metros, often outside the city.
  const hostWeight = (c: City) => Math.sqrt(c.pop) + (c.court ? 0.6 : 0);
  const perCity = new Map<string, number>();
  const out: Facility[] = [];
  for (let i = 0; i < n; i++) {
    const city = pickWeighted(cities, hostWeight, r);
    const k = (perCity.get(city.code) ?? 0) + 1;
    perCity.set(city.code, k);
    const kinds: FacilityKind[] = pickTable<FacilityKind[]>(
      [
        [["adult"], 0.82],
        [["family_residential"], 0.05],
        [["juvenile_licensed"], 0.08],
        [["adult", "family_residential"], 0.05],
      ],
      r,
    );
    const levels = kinds.includes("adult")
      ? pickTable<number[]>(
          [
            [[1], 0.2],
            [[1, 2], 0.35],
            [[2, 3], 0.2],
            [[1, 2, 3], 0.25],
          ],
          r,
        )
      : pickTable<number[]>(
          [
            [[1], 0.6],
            [[1, 2], 0.4],
          ],
          r,
        );
    const medical = pickTable(
      [
        [0, 0.1],
        [1, 0.4],
        [2, 0.35],
        [3, 0.15],
      ],
      r,
    );
    const { lat, lon } = jitter(city, 45, r);
    out.push({
      id: `${city.code}-${k}`,
      name: `${city.name} ${k}`,
      lat,
      lon,
      beds: { male: 0, female: 0 },
      kinds,
      levels,
      medical,
    });
  }
  return out;
}

/** Spread the beds a kind and sex needs over the facilities of that kind, in random sizes. */
function sizeBeds(facilities: Facility[], people: number, bedRatio: number, r: () => number): void {
  for (const [kind, share] of kindShare) {
    const hosts = facilities.filter((f) => f.kinds[0] === kind || (f.kinds.includes(kind) && r() < 0.5));
    if (hosts.length === 0) continue;
    for (const sex of ["male", "female"] as const) {
      const sexShare = sex === "male" ? maleShare[kind] : 1 - maleShare[kind];
      const need = Math.round(people * share * sexShare * bedRatio);
      const size = hosts.map(() => (sex === "female" && r() < 0.3 ? 0 : 0.2 + r() ** 2 * 3));
      const total = size.reduce((a, b) => a + b, 0) || 1;
      hosts.forEach((f, i) => {
        f.beds[sex] += Math.floor((need * size[i]) / total);
      });
    }
  }
}

function makeAnchors(r: () => number): { anchors: Anchor[]; court: City } {
  const courts = cities.filter((c) => c.court);
  const court = pickWeighted(courts, (c) => c.pop + 0.3, r);
  const anchors: Anchor[] = [{ lat: court.lat, lon: court.lon, weight: 1, kind: "court", place: court.name }];
  if (r() < 0.85) {
    const city = r() < 0.75 ? court : pickWeighted(cities, (c) => c.pop, r);
    anchors.unshift({ ...jitter(city, 8, r), weight: round5(1.5 + r()), kind: "counsel", place: city.name });
  }
  if (r() < 0.7) {
    const city = r() < 0.4 ? court : pickWeighted(cities, (c) => c.pop, r);
    anchors.push({ ...jitter(city, 25, r), weight: round5(0.5 + r()), kind: "family", place: city.name });
  }
  return { anchors, court };
}

export function generateInstance(options: GenerateOptions): Instance {
  const r = rng(options.seed ?? 1);
  const bedRatio = options.bedRatio ?? 1.1;
  const facilities = generateFacilities(options.facilities, r);
  sizeBeds(facilities, options.people, bedRatio, r);
  const nearestFeasible = new Map<string, Facility[]>();
  const people: Person[] = [];
  const width = String(options.people).length;
  for (let i = 0; i < options.people; i++) {
    const kind = pickTable(kindShare, r);
    const sex: Sex = r() < maleShare[kind] ? "male" : "female";
    const level =
      kind === "adult"
        ? pickTable([[1, 0.5] as [number, number], [2, 0.35], [3, 0.15]], r)
        : r() < 0.9
          ? 1
          : 2;
    const medicalNeed = pickTable(
      [
        [0, 0.6],
        [1, 0.25],
        [2, 0.1],
        [3, 0.05],
      ],
      r,
    );
    const { anchors, court } = makeAnchors(r);
    let current: string | null = null;
    if (r() < (options.currentShare ?? 0.55)) {
      const key = `${court.code}|${sex}|${kind}|${level}|${medicalNeed}`;
      let near = nearestFeasible.get(key);
      if (!near) {
        near = facilities
          .filter(
            (f) =>
              f.beds[sex] > 0 &&
              f.kinds.includes(kind) &&
              f.levels.includes(level) &&
              f.medical >= medicalNeed,
          )
          .map((f) => ({ f, d: haversineKm(court.lat, court.lon, f.lat, f.lon) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 12)
          .map((x) => x.f);
        nearestFeasible.set(key, near);
      }
      if (near.length > 0) current = near[Math.floor(r() * near.length)].id;
    }
    people.push({
      id: `P${String(i + 1).padStart(width, "0")}`,
      sex,
      kind,
      level,
      medicalNeed,
      current,
      anchors,
    });
  }
  return { facilities, people, transferPenalty: options.transferPenalty ?? 150 };
}
