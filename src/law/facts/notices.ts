/**
 * Facts about charging documents and hearing notices (NTA-01..07, DP-03):
 * whether an NTA states the time and place of the hearing (Pereira;
 * Niz-Chavez), whether it was served on the right person (8 CFR 103.8(c)(2)),
 * and which written notice, if any, told the person of a hearing they missed
 * (INA 240(b)(5)(A); Campos-Chaves).
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import type { PersonFacts } from "../../domain/person-facts.js";
import { ageOn, compareDates } from "../calendar/calendar.js";
import type { Outcome } from "../types.js";

export type NtaEvent = EventOf<"nta.served">;
export type HearingNoticeEvent = EventOf<"hearing.notice">;

/** Words an officer writes instead of a date, time or place: none of them is a time and place. */
const placeholder = /^\s*$|\b(tbd|tba|to be (set|determined|scheduled|announced)|pending|unknown|n\/a)\b/i;

/** The elements of INA 239(a)(1)(G) that a hearing lacks: ["date", "time", "place"] when it is null. */
export function missingTimeAndPlace(hearing: unknown): string[] {
  if (!hearing || typeof hearing !== "object") return ["date", "time", "place"];
  const h = hearing as Record<string, unknown>;
  const missing: string[] = [];
  const date = typeof h.date === "string" ? h.date : "";
  const time = typeof h.time === "string" ? h.time : "";
  const place = typeof h.place === "string" ? h.place : "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) missing.push("date");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) missing.push("time");
  if (placeholder.test(place) || place.trim().length < 3) missing.push("place");
  return missing;
}

/** A single-document NTA that states the date, time and place (Niz-Chavez v. Garland). */
export function isCompliantNta(e: NtaEvent): boolean {
  return missingTimeAndPlace(e.hearing).length === 0;
}

export function hearingDateOf(e: NtaEvent): string | undefined {
  return e.hearing && typeof e.hearing.date === "string" ? e.hearing.date : undefined;
}

/** `servedTo` may be one recipient or (in immos's own records) a list of them. */
export function recipients(servedTo: unknown): string[] {
  if (Array.isArray(servedTo)) return servedTo.filter((r): r is string => typeof r === "string");
  return typeof servedTo === "string" ? [servedTo] : [];
}

export interface ServiceCheck {
  outcome: Outcome;
  message: string;
  remedy?: string;
}

/**
 * NTA-04: was service made on the right person? `age` is the person's age at
 * service (an exact figure or a range from a partial birth date).
 */
export function checkService(input: {
  servedTo: unknown;
  method: unknown;
  on: string;
  personAge?: number;
  person: PersonFacts;
  confined: boolean;
  counselOfRecord: boolean;
}): ServiceCheck {
  const to = recipients(input.servedTo);
  const method = typeof input.method === "string" ? input.method : "unknown";
  const age =
    typeof input.personAge === "number"
      ? { min: input.personAge, max: input.personAge }
      : ageOn(input.person.birthDate, input.on);
  const adultServed = to.includes("custodian");
  const served = `served ${method} on ${to.join(" and ") || "no one recorded"} on ${input.on}`;
  if (to.length === 0) {
    return {
      outcome: "BLOCK",
      message: `The notice was ${served}: service cannot be shown.`,
      remedy: "a certificate of service naming the person served",
    };
  }
  if (to.includes("counsel") && !input.counselOfRecord && to.length === 1) {
    return {
      outcome: "BLOCK",
      message: `The notice was ${served}, but no counsel of record (EOIR-28/G-28) is on file to receive it.`,
      remedy: "service on the person, or an EOIR-28/G-28 on file for the counsel served",
    };
  }
  if (age && age.max < 14 && !adultServed) {
    return {
      outcome: "BLOCK",
      message: `The notice was ${served} to a child aged ${age.max}; for a child under 14 it must be served on the adult with whom the child resides (8 CFR 103.8(c)(2)(ii)).`,
      remedy: "service on the parent, guardian or custodian with whom the child resides",
    };
  }
  if (age && age.min < 14 && age.max >= 14 && !adultServed) {
    return {
      outcome: "REVIEW",
      message: `The notice was ${served}; the recorded birth date leaves the person's age at service at ${age.min} or ${age.max}, and a child under 14 must be served through the adult with whom the child resides.`,
      remedy:
        "a verified birth date (14 or older at service) or service on the adult with whom the child resides",
    };
  }
  if (input.person.competencyConcerns === true && !adultServed) {
    return {
      outcome: "REVIEW",
      message: `The notice was ${served} on a person with recorded competency concerns; if the person is incompetent, service must be on the person with whom they reside and, where possible, a near relative or guardian.`,
      remedy: "a competency determination, or service also on the person with whom the respondent resides",
    };
  }
  if (input.confined && !adultServed && method === "personal") {
    return {
      outcome: "WARN",
      message: `The notice was ${served} while the person was in custody; service on a confined person should also be made on the person in charge of the facility.`,
    };
  }
  const ageText = age ? ` (aged ${age.min === age.max ? age.min : `${age.min}-${age.max}`} at service)` : "";
  return {
    outcome: "ALLOW",
    message: `The notice was ${served}${ageText}; service meets 8 CFR 103.8 and INA 239(a), (c).`,
  };
}

/** Whether the person was in custody on `on` (a booking not followed by a release). */
export function inCustodyOn(events: readonly CaseEvent[], on: string): boolean {
  let confined = false;
  for (const e of events) {
    if (e.on > on) break;
    if (e.type === "custody.booked") confined = true;
    if (e.type === "custody.released") confined = false;
  }
  return confined;
}

export type HearingNotice = { kind: "nta"; event: NtaEvent } | { kind: "noh"; event: HearingNoticeEvent };

/** The written notices of the hearing held on `hearingDate`, latest first. */
export function noticesOfHearing(events: readonly CaseEvent[], hearingDate: string): HearingNotice[] {
  const out: HearingNotice[] = [];
  for (const e of events) {
    if (e.type === "nta.served" && hearingDateOf(e) === hearingDate) out.push({ kind: "nta", event: e });
    if (e.type === "hearing.notice" && e.hearingDate === hearingDate) out.push({ kind: "noh", event: e });
  }
  return out.sort((a, b) => compareDates(b.event.on, a.event.on));
}

/** A hearing notice came back undeliverable (immos records `returned: true` on the event). */
export function wasReturned(e: CaseEvent): boolean {
  const r = e as Record<string, unknown>;
  return r.returned === true || r.undeliverable === true;
}
