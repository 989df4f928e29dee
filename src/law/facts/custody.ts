/**
 * Derived facts about custody for the DET, MIN and ARR families: the current
 * detention episode (book-in, authority, facility), the person's age and
 * minority, and unaccompanied-child status.
 *
 * An episode starts at the first `custody.booked` (or an `arrest`) after the
 * last release, and runs until `custody.released`. A later `custody.booked`
 * inside the same episode changes the authority (e.g. the switch to 241(a) at
 * finality) and the facility, but not the episode's start: a transfer never
 * resets a custody count (MIN-02, TIME-07).
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import type { PersonFacts } from "../../domain/person-facts.js";
import { ageOn, DEFAULT_TZ, localStamp } from "../calendar/calendar.js";
import type { Action, LawConfig } from "../types.js";
import { memoOnList } from "./memo.js";

export type FacilityKind = EventOf<"custody.booked">["facility"]["kind"];
export type Authority = EventOf<"custody.booked">["authority"];

export interface CustodyEpisode {
  /** Date the episode began (book-in, or the arrest that began it). */
  start: string;
  /** YYYY-MM-DDTHH:MM of that moment (start of day when no time was recorded). */
  startStamp: string;
  /** The event that began it. */
  startEvent: CaseEvent;
  /** Authority currently recorded (latest booking), if any. */
  authority?: Authority;
  authorityOn?: string;
  /** Facility currently recorded (latest booking or transfer), if any. */
  facility?: FacilityKind;
  facilityOn?: string;
  /** Date the episode ended (custody.released), if it has ended. */
  end?: string;
  bookings: EventOf<"custody.booked">[];
  arrests: EventOf<"arrest">[];
}

/** Every custody episode in the events, oldest first. */
export function custodyEpisodes(events: readonly CaseEvent[]): CustodyEpisode[] {
  return memoOnList(events, "custodyEpisodes", "", () => computeCustodyEpisodes(events));
}

function computeCustodyEpisodes(events: readonly CaseEvent[]): CustodyEpisode[] {
  const episodes: CustodyEpisode[] = [];
  let open: CustodyEpisode | undefined;
  const begin = (e: CaseEvent): CustodyEpisode => {
    const ep: CustodyEpisode = {
      start: e.on,
      startStamp: localStamp(e.on, e.at),
      startEvent: e,
      bookings: [],
      arrests: [],
    };
    episodes.push(ep);
    return ep;
  };
  for (const e of events) {
    if (e.type === "arrest") {
      open ??= begin(e);
      open.arrests.push(e);
    } else if (e.type === "custody.booked") {
      open ??= begin(e);
      open.bookings.push(e);
      open.authority = e.authority;
      open.authorityOn = e.on;
      open.facility = e.facility.kind;
      open.facilityOn = e.on;
    } else if (e.type === "custody.transferred" && open) {
      open.facility = e.facility.kind;
      open.facilityOn = e.on;
    } else if (e.type === "custody.released" && open) {
      open.end = e.on;
      open = undefined;
    }
  }
  return episodes;
}

/** The facilities of an episode in order: each booking or transfer, with its date and time. */
export function facilityHistory(
  events: readonly CaseEvent[],
  ep: CustodyEpisode,
): { kind: FacilityKind; on: string; stamp: string }[] {
  const i = events.indexOf(ep.startEvent);
  const out: { kind: FacilityKind; on: string; stamp: string }[] = [];
  for (const e of events.slice(i)) {
    if (e.type === "custody.released") break;
    if (e.type === "custody.booked" || e.type === "custody.transferred") {
      out.push({ kind: e.facility.kind, on: e.on, stamp: localStamp(e.on, e.at) });
    }
  }
  return out;
}

/** The episode still open (the person is in custody), if any. */
export function currentCustody(events: readonly CaseEvent[]): CustodyEpisode | undefined {
  const all = custodyEpisodes(events);
  const last = all[all.length - 1];
  return last && last.end === undefined ? last : undefined;
}

/** The latest ended episode, if the person is not in custody now. */
export function lastRelease(events: readonly CaseEvent[]): EventOf<"custody.released"> | undefined {
  const releases = events.filter((e): e is EventOf<"custody.released"> => e.type === "custody.released");
  return releases[releases.length - 1];
}

export type Minority = "minor" | "adult" | "unknown";

/** Under 18 on `on`: "minor" or "adult" when the birth date settles it, else "unknown". */
export function minorityOn(birthDate: string | undefined, on: string): Minority {
  const age = ageOn(birthDate, on);
  if (!age) return "unknown";
  if (age.max < 18) return "minor";
  if (age.min >= 18) return "adult";
  return "unknown";
}

/** "15" or "17-18": the age as the record shows it. */
export function ageText(birthDate: string | undefined, on: string): string {
  const age = ageOn(birthDate, on);
  if (!age) return "unknown";
  return age.min === age.max ? String(age.min) : `${age.min}-${age.max}`;
}

/** The UAC determination (8 U.S.C. 1232(b)), the latest one recorded. */
export function uacDetermination(events: readonly CaseEvent[]): EventOf<"uac.determined"> | undefined {
  const all = events.filter((e): e is EventOf<"uac.determined"> => e.type === "uac.determined");
  return all[all.length - 1];
}

/**
 * Unaccompanied child: the person is flagged as one, or a UAC determination
 * is recorded, and the record does not show them to be 18 or over on `on`.
 */
export function isUnaccompaniedChild(person: PersonFacts, events: readonly CaseEvent[], on: string): boolean {
  const flagged = person.unaccompaniedChild === true || uacDetermination(events) !== undefined;
  if (!flagged || person.unaccompaniedChild === false) return false;
  return minorityOn(person.birthDate, on) !== "adult";
}

/** Secure or adult settings that Flores ¶19/¶21 keep minors out of. */
export const unlicensedForMinors: readonly FacilityKind[] = [
  "adult",
  "cbp_holding",
  "hold_room",
  "family_residential",
];

export function facilityWords(kind: FacilityKind | undefined): string {
  switch (kind) {
    case "adult":
      return "an adult detention facility";
    case "family_residential":
      return "a family residential centre";
    case "juvenile_licensed":
      return "a state-licensed juvenile programme";
    case "cbp_holding":
      return "CBP holding";
    case "hold_room":
      return "a hold room";
    default:
      return "an unrecorded facility";
  }
}

/** The custody time zone: the item's own `tz`, else config.tz, else America/New_York. */
export function zoneOf(config: LawConfig, item?: { tz?: unknown }): string {
  return (typeof item?.tz === "string" && item.tz) || config.tz || DEFAULT_TZ;
}

/** The action's moment as YYYY-MM-DDTHH:MM (start of day when it carries no time). */
export function actionStamp(action: Action): string {
  return localStamp(action.on, typeof action.at === "string" ? action.at : undefined);
}

/** A non-empty, trimmed string field (the first of `keys` that has one), or undefined. */
export function textField(obj: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === "string" && v.trim().length > 0) return v.trim();
  }
  return undefined;
}

/** A boolean field (the first of `keys` that is a boolean), or undefined when none is recorded. */
export function boolField(obj: Record<string, unknown>, ...keys: string[]): boolean | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === "boolean") return v;
  }
  return undefined;
}

/** A recorded exceptional circumstance for `ruleId` (events.ts `exceptional_circumstances.documented`). */
export function exceptionFor(
  events: readonly CaseEvent[],
  ruleId: string,
): EventOf<"exceptional_circumstances.documented"> | undefined {
  const all = events.filter(
    (e): e is EventOf<"exceptional_circumstances.documented"> =>
      e.type === "exceptional_circumstances.documented" && e.rule === ruleId,
  );
  return all[all.length - 1];
}
