/**
 * A few hundred synthetic attorneys and accredited representatives, placed
 * in immigration-court cities (a little off-centre, as offices are), with
 * solo practices, small firms and nonprofits.
 */
import type { CounselRow, CourtRow } from "../store/repositories/reference.js";
import { american, brazilian, haitian, type LatinPool, spanish, vietnamese } from "./names/latin.js";
import { Rng, stableUuid } from "./prng.js";

export const COUNSEL_COUNT = 320;

/** Busy courts draw more of the bar. */
const busyCourts = new Set([
  "NYC",
  "LOS",
  "HOU",
  "MIA",
  "CHI",
  "DAL",
  "SFR",
  "ATL",
  "NEW",
  "SNA",
  "PHO",
  "SND",
]);

const namePools: (readonly [LatinPool, number])[] = [
  [american, 12],
  [spanish, 5],
  [brazilian, 1],
  [haitian, 1],
  [vietnamese, 1],
];

const cityOf = (court: CourtRow) => court.city.replace(/ \(.*\)$/, "");

export function counselList(courts: readonly CourtRow[]): CounselRow[] {
  const rng = new Rng(0xc0_05e1);
  const weightedCourts = courts.map((c) => [c, busyCourts.has(c.code) ? 4 : 1] as const);
  const eoirIds = new Set<string>();
  const out: CounselRow[] = [];
  for (let i = 0; i < COUNSEL_COUNT; i++) {
    const pool = rng.weighted(namePools);
    const given = rng.pick(rng.chance(0.5) ? pool.female : pool.male);
    const family = rng.pick(pool.family);
    const court = rng.weighted(weightedCourts);
    const city = cityOf(court);
    const partner = rng.pick(american.family);
    const firm = rng.weighted<string | null>([
      [null, 6],
      [`${family} Immigration Law`, 4],
      [`${family} & ${partner} LLP`, 2],
      [`${family} Law Group`, 2],
      [`${city} Immigrant Justice Project`, 2],
      [`Legal Aid Society of ${city}`, 1],
      [`${city} Catholic Legal Services`, 1],
    ]);
    let eoirId: string;
    do eoirId = `${court.state}${rng.int(100000, 999999)}`;
    while (eoirIds.has(eoirId));
    eoirIds.add(eoirId);
    out.push({
      id: stableUuid(`counsel:${i}`),
      name: `${given} ${family}`,
      firm,
      eoirId,
      city,
      state: court.state,
      lat: Math.round((court.lat + (rng.next() - 0.5) * 0.16) * 1000) / 1000,
      lon: Math.round((court.lon + (rng.next() - 0.5) * 0.16) * 1000) / 1000,
    });
  }
  return out;
}
