/**
 * Deterministic synthetic demo data: reference tables, demo users and a
 * caseload at every stage of the lifecycle. Pure code, no database; the
 * loader (src/app/seed-demo.ts) inserts what this yields. The same seed and
 * `today` always give the same output; no event is dated after `today`.
 */
import type { PersonInput } from "../app/schemas.js";
import type { CaseEvent } from "../domain/events.js";
import type { CounselRow, CourtRow, FacilityRow, OfficeRow } from "../store/repositories/reference.js";
import { counselList } from "./counsel.js";
import { dayNumber } from "./days.js";
import { facilities } from "./facilities.js";
import { type CaseContext, Cutoff, History } from "./history.js";
import { countryByCode, languagesFor, personName, pickCountry } from "./names/index.js";
import { makePerson, newANumber } from "./person.js";
import { courts, offices } from "./places.js";
import { caseSeed, Rng } from "./prng.js";
import type { Overlays } from "./proceedings.js";
import { runTrack, type Track, trackWeights } from "./tracks.js";
import { World } from "./world.js";

export { demoUsers } from "./users.js";

export interface SeedUser {
  username: string;
  displayName: string;
  password: string;
  role: "officer" | "supervisor" | "counsel" | "detention_manager" | "analyst" | "auditor" | "admin";
  offices: string[];
}

export type CaseKind =
  | "removal_240"
  | "expedited_removal"
  | "reinstatement"
  | "administrative_238b"
  | "withholding_only"
  | "deportation_pre1997";

export interface SeedCase {
  person: PersonInput;
  case: { kind: CaseKind; officeCode: string; courtCode?: string };
  events: CaseEvent[];
}

export function referenceData(): {
  offices: OfficeRow[];
  courts: CourtRow[];
  facilities: FacilityRow[];
  counsel: CounselRow[];
} {
  const courtRows = courts();
  return {
    offices: offices(),
    courts: courtRows,
    facilities: facilities(courtRows),
    counsel: counselList(courtRows),
  };
}

/**
 * The first cases of every run come from these countries, so that any run of
 * a dozen cases or more has names in every script (and the first person an
 * accented Spanish family name): tests and demos can search for them.
 */
const anchors = ["MX", "SY", "CN", "RU", "IN", "BR", "UA", "HT", "VN", "EG", "NP", "RO"];
const accentedAnchors = new Set([0, 5]);
const asylumHeavy = new Set(["SY", "RU", "UA", "CN", "VE", "HT", "NI", "CU", "SD", "YE", "IQ"]);
const dacaCountries = new Set(["MX", "GT", "HN", "SV"]);

function ageFor(rng: Rng, track: Track, o: Overlays): number {
  if (o.status === "daca") return rng.int(20, 38);
  switch (track) {
    case "uac":
      return rng.int(13, 17);
    case "family":
      return rng.int(20, 45);
    case "pre1997":
      return rng.int(50, 72);
    case "reinstatement": // removed once as an adult, and back
      return 24 + rng.int(0, 20) + rng.int(0, 18);
    default:
      return 18 + rng.int(0, 20) + rng.int(0, 24);
  }
}

function overlays(rng: Rng, track: Track, country: string, sex: "F" | "M"): Overlays {
  const charged = track === "arrest" || track === "referral";
  const asylumShare =
    track === "family" ? 0.7 : track === "uac" ? 0.5 : asylumHeavy.has(country) ? 0.55 : 0.28;
  const survivor = charged && rng.chance(sex === "F" ? 0.08 : 0.02);
  let status: Overlays["status"] = null;
  if (charged && countryByCode.get(country)?.tps && rng.chance(0.12)) status = "tps";
  else if (track === "referral" && dacaCountries.has(country) && rng.chance(0.08)) status = "daca";
  return {
    asylum: rng.chance(asylumShare),
    survivorForm: survivor ? rng.pick(["I-360", "I-914", "I-918"] as const) : null,
    citizenshipClaim: charged && rng.chance(0.03),
    status,
  };
}

export function* generateCases(
  count: number,
  seed: number,
  today: string,
  ref: ReturnType<typeof referenceData>,
  /**
   * Cases `from` (default 0) up to `count` (exclusive), e.g. one worker's share of a parallel load;
   * `aNumbers` is the set of A-numbers taken (a Set whose `has` also refuses numbers outside the
   * worker's partition keeps parallel generators from colliding).
   */
  range: { from?: number; aNumbers?: Set<string> } = {},
): Generator<SeedCase> {
  const world = new World(ref);
  const todayN = dayNumber(today);
  const aNumbers = range.aNumbers ?? new Set<string>();
  for (let i = range.from ?? 0; i < count; i++) {
    const rng = new Rng(caseSeed(seed, i));
    const country = (i < anchors.length && countryByCode.get(anchors[i])) || pickCountry(rng);
    const track = rng.weighted(trackWeights);
    const sex = rng.chance(track === "family" ? 0.7 : track === "uac" ? 0.35 : 0.3) ? "F" : "M";
    const name = personName(rng, country, sex, accentedAnchors.has(i));
    const languages = languagesFor(rng, country);
    const o = overlays(rng, track, country.code, sex);
    // Recent cases outnumber old ones (older ones have mostly ended), as in a live caseload.
    const start = todayN - 2 - Math.floor(rng.next() ** 1.5 * (3 * 365 - 2));
    const age = ageFor(rng, track, o);
    const birthDay = start - age * 365 - rng.int(0, 364);
    const office = world.pickOffice(rng);
    const represented = rng.chance(track === "expedited" || track === "admin238b" ? 0.25 : 0.55);
    const c: CaseContext = {
      h: new History(start, todayN, rng),
      rng,
      world,
      office,
      tz: office.office.tz,
      country,
      cit: country.code,
      sex,
      age,
      birthDay,
      language: languages[0],
      represented,
      kind: "removal_240",
    };
    try {
      runTrack(c, track, o, start, birthDay);
    } catch (e) {
      if (!(e instanceof Cutoff)) throw e;
    }
    const person = makePerson(rng, c, {
      name,
      birthDay,
      languages,
      aNumber: rng.chance(track === "pre1997" ? 1 : 0.88)
        ? newANumber(rng, aNumbers, track === "pre1997")
        : undefined,
      counselId: represented ? rng.pick(office.counsel).id : undefined,
    });
    yield {
      person,
      case: { kind: c.kind, officeCode: office.office.code, ...(c.court ? { courtCode: c.court.code } : {}) },
      events: c.h.events,
    };
  }
}
