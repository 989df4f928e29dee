/**
 * The person on a case: names in their scripts, a birth date (sometimes only
 * a year or a month), citizenship, languages, an A-number for most, counsel
 * for about half, and the facts the law reads (entry, children, ...).
 */
import type { PersonInput } from "../app/schemas.js";
import { isoDay } from "./days.js";
import type { CaseContext } from "./history.js";
import type { PersonName } from "./names/index.js";
import type { Rng } from "./prng.js";

/** A fresh A-number ("A" + 9 digits), never one already given in this run. */
export function newANumber(rng: Rng, taken: Set<string>, old: boolean): string {
  for (;;) {
    const digits = old
      ? `0${rng.int(10_000_000, 99_999_999)}`
      : `2${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
    const a = `A${digits}`;
    if (!taken.has(a)) {
      taken.add(a);
      return a;
    }
  }
}

function birthDate(rng: Rng, day: number, exact: boolean): string {
  const full = isoDay(day);
  if (exact) return full;
  const r = rng.next();
  return r < 0.08 ? full.slice(0, 4) : r < 0.13 ? full.slice(0, 7) : full;
}

export interface PersonParts {
  name: PersonName;
  birthDay: number;
  languages: string[];
  aNumber?: string;
  counselId?: string;
}

const STREETS = [
  "Main St",
  "Oak Ave",
  "Maple Dr",
  "Cedar Ln",
  "Elm St",
  "Park Blvd",
  "Lake Rd",
  "Hill St",
  "River Rd",
  "Pine Ct",
];

/**
 * A synthetic mailing address in the office's city, derived from a hash of the
 * name (not from the random stream, so adding it changed no other generated
 * fact). Notices need an address; none of these is real.
 */
function syntheticAddress(c: CaseContext, p: PersonParts) {
  let h = 2166136261;
  for (const ch of `${p.name.givenName}|${p.name.familyName}|${p.birthDay}`)
    h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  const u = h >>> 0;
  return {
    line1: `${100 + (u % 8900)} ${STREETS[u % STREETS.length]}`,
    city: c.office.office.city,
    state: c.office.office.state,
    postalCode: String(10000 + (u % 89999)).padStart(5, "0"),
    country: "US",
  };
}

export function makePerson(rng: Rng, c: CaseContext, p: PersonParts): PersonInput {
  const facts: Record<string, unknown> = {
    represented: p.counselId !== undefined,
    address: syntheticAddress(c, p),
  };
  if (c.entry) facts.entry = c.entry;
  if (c.unaccompaniedChild) facts.unaccompaniedChild = true;
  if (c.familyUnit || (c.age >= 22 && rng.chance(0.3))) {
    const n = rng.int(1, 3);
    const latest = Math.min(c.h.day, c.h.today) - 30;
    facts.children = Array.from({ length: n }, () => {
      const born = Math.min(p.birthDay + rng.int(18, 40) * 365 + rng.int(0, 364), latest);
      const usCitizen = !c.familyUnit && rng.chance(0.6);
      return {
        birthDate: isoDay(born),
        usCitizen,
        inUS: usCitizen || c.familyUnit === true || rng.chance(0.5),
      };
    });
  }
  return {
    givenName: p.name.givenName,
    familyName: p.name.familyName,
    aliases: p.name.aliases,
    ...(p.aNumber ? { aNumber: p.aNumber } : {}),
    birthDate: birthDate(rng, p.birthDay, c.age < 18),
    sex: c.sex,
    ...(rng.chance(0.95) ? { birthCountry: c.cit } : {}),
    citizenship: [c.cit],
    languages: p.languages,
    ...(p.counselId ? { counselId: p.counselId } : {}),
    facts,
  };
}
