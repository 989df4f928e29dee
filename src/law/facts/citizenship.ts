/**
 * Citizenship facts for CIT-01..03: the latest claim and OPLA determination,
 * direct indicators (birth in the United States or a territory, a recorded
 * U.S. citizenship), and the derivation/acquisition screening of CIT-02.
 * A screening helper, never an adjudication: it only says whether a pattern
 * that could make the person a citizen appears in the record.
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import { ageOn } from "../calendar/calendar.js";
import type { History } from "../types.js";
import { describeEvent, eventsOf, knownEvents } from "./removal.js";

/** Birth here makes a U.S. citizen (or, for American Samoa and minor islands, a national: also not removable). */
export const usSoil = new Set(["US", "PR", "GU", "VI", "MP", "AS", "UM"]);

/** Child Citizenship Act effective date (INA 320 as amended, Pub. L. 106-395). */
export const ccaEffective = "2001-02-27";

export type Screening = "pattern" | "indicator" | "none";

export interface DerivationScreen {
  /** pattern: every element of a derivation/acquisition route appears (or cannot be ruled out); indicator: some do. */
  level: Screening;
  reasons: string[];
  facts: string[];
}

export interface CitizenshipPicture {
  claim?: EventOf<"citizenship.claimed">;
  /** The latest OPLA determination, if it is not older than the latest claim. */
  determination?: EventOf<"citizenship.determined">;
  /** Record facts that indicate citizenship outright (birth on U.S. soil, a U.S. citizenship entry). */
  direct: string[];
  derivation: DerivationScreen;
}

type Age = { min: number; max: number } | undefined;

/** Could the person have been under 18 on `date`? (unknown birth date: cannot be ruled out). */
function possiblyUnder18(age: Age): boolean {
  return age === undefined || age.min < 18;
}

/** Dates on which the person was a lawful permanent resident (admission or grant), earliest first. */
function lprDates(history: History, events: readonly CaseEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === "lpr.admitted") out.push(e.on);
    if (e.type === "status.granted" && e.kind === "lpr") out.push(e.on);
  }
  const entry = history.person.entry;
  if (entry?.on && entry.class?.toUpperCase() === "LPR") out.push(entry.on);
  return out.sort();
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * CIT-02: INA 320 (Child Citizenship Act), former INA 321 and INA 301/309
 * patterns, from parent.naturalized events, LPR dates and the birth date.
 */
export function screenDerivation(history: History, events: readonly CaseEvent[]): DerivationScreen {
  const birth = history.person.birthDate;
  const naturalizations = eventsOf(events, "parent.naturalized");
  const reasons: string[] = [];
  const facts = naturalizations.map(describeEvent);
  if (!naturalizations.length) return { level: "none", reasons, facts };
  const lpr = lprDates(history, events)[0];
  if (lpr) facts.push(`LPR since ${lpr}`);
  let pattern = false;
  const bump = (to: Screening, why: string) => {
    reasons.push(why);
    if (to === "pattern") pattern = true;
  };
  for (const n of naturalizations) {
    if (birth && n.on < birth) {
      bump(
        "pattern",
        `the ${n.parent} naturalized on ${n.on}, before the birth (${birth}): acquisition at birth abroad (INA 301/309)`,
      );
      continue;
    }
    if (!possiblyUnder18(ageOn(birth, n.on))) {
      reasons.push(
        `the ${n.parent} naturalized on ${n.on}, after the 18th birthday: no derivation through that parent`,
      );
      continue;
    }
    if (!lpr) {
      bump(
        "indicator",
        `the ${n.parent} naturalized on ${n.on} while the person may have been under 18, but no LPR status is recorded`,
      );
      continue;
    }
    const together = later(n.on, lpr);
    if (!possiblyUnder18(ageOn(birth, together))) {
      reasons.push(
        `LPR status (${lpr}) and the ${n.parent}'s naturalization (${n.on}) did not coincide before the 18th birthday`,
      );
      continue;
    }
    if (n.custody) {
      const cca = later(together, ccaEffective);
      if (possiblyUnder18(ageOn(birth, cca))) {
        bump(
          "pattern",
          `INA 320: the ${n.parent} naturalized on ${n.on}, the person was an LPR (${lpr}) in that parent's custody and ${birth ? `under 18 (born ${birth})` : "of unknown age"}`,
        );
      } else {
        bump(
          "pattern",
          `former INA 321: the custodial ${n.parent} naturalized on ${n.on} while the person, an LPR, was under 18`,
        );
      }
    } else {
      bump(
        "indicator",
        `the ${n.parent} naturalized on ${n.on} while the person was under 18, without recorded custody`,
      );
    }
  }
  const parents = new Set(
    naturalizations.filter((n) => possiblyUnder18(ageOn(birth, n.on))).map((n) => n.parent),
  );
  if (lpr && parents.size === 2)
    bump("pattern", "former INA 321(a)(1): both parents naturalized while the person was under 18");
  const anyIndicator = reasons.some((r) => !/no derivation|did not coincide/.test(r));
  return { level: pattern ? "pattern" : anyIndicator ? "indicator" : "none", reasons, facts };
}

export function citizenshipPicture(history: History, asOf: string): CitizenshipPicture {
  const events = knownEvents(history, asOf);
  const claim = eventsOf(events, "citizenship.claimed").at(-1);
  const det = eventsOf(events, "citizenship.determined").at(-1);
  const determination = det && (!claim || det.on >= claim.on) ? det : undefined;
  const direct: string[] = [];
  const { birthCountry, citizenship } = history.person;
  if (birthCountry && usSoil.has(birthCountry)) direct.push(`born in ${birthCountry} (person record)`);
  if (citizenship?.some((c) => c === "US")) direct.push("U.S. citizenship recorded (person record)");
  return { claim, determination, direct, derivation: screenDerivation(history, events) };
}
