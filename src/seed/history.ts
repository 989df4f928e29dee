/**
 * A case history under construction: a date cursor that only moves forward
 * and the events recorded so far. The generator writes a whole plausible
 * life of a case; the first event that would fall after `today` stops it
 * (Cutoff), which is how cases end up spread across every stage.
 */

import type { CaseEvent } from "../domain/events.js";
import type { CourtRow, FacilityRow } from "../store/repositories/reference.js";
import { isoDay, weekdayOnOrAfter } from "./days.js";
import type { CaseKind } from "./index.js";
import type { Country } from "./names/index.js";
import type { Rng } from "./prng.js";
import type { OfficeLookups, World } from "./world.js";

/** Thrown when the next event would be after today; the history so far is the case. */
export class Cutoff extends Error {}
const CUTOFF = new Cutoff("cutoff");

export class History {
  readonly events: CaseEvent[] = [];

  constructor(
    public day: number,
    readonly today: number,
    readonly rng: Rng,
  ) {}

  /** The cursor's date; reading it past today ends the history. */
  get on(): string {
    if (this.day > this.today) throw CUTOFF;
    return isoDay(this.day);
  }

  add(event: CaseEvent): void {
    // Two timed events on one day keep their order in time too (a booking before its custody decision).
    if (event.at !== undefined) {
      if (event.on === this.lastTimed.on && event.at < this.lastTimed.at)
        event.at = later(this.lastTimed.at, 5);
      this.lastTimed = { on: event.on, at: event.at };
    }
    this.events.push(event);
  }

  private lastTimed = { on: "", at: "" };

  /** Move on between `min` and `max` days. */
  wait(min: number, max: number): this {
    this.day += this.rng.int(min, max);
    return this;
  }

  /** Move on to a weekday between `min` and `max` days ahead (offices and courts sit on weekdays). */
  waitWorkday(min: number, max: number): this {
    this.day = weekdayOnOrAfter(this.day + this.rng.int(min, max));
    return this;
  }

  /** Jump to `day` unless the cursor is already past it. */
  until(day: number): this {
    if (day > this.day) this.day = day;
    return this;
  }

  /** A time of day "HH:MM" between the hours given, in five-minute steps. */
  time(fromHour = 6, toHour = 19): string {
    const minutes = this.rng.int(fromHour * 12, toHour * 12 - 1) * 5;
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  }
}

export const hearingTimes = ["08:30", "09:00", "09:00", "10:00", "13:00", "13:30", "14:00"] as const;

/** Everything a track needs to write one case. */
export interface CaseContext {
  h: History;
  rng: Rng;
  world: World;
  office: OfficeLookups;
  tz: string;
  country: Country;
  /** The designated country of removal: the person's citizenship. */
  cit: string;
  sex: "F" | "M";
  /** Age in whole years on the first day of the case, and the day of birth. */
  age: number;
  birthDay: number;
  language: string;
  represented: boolean;
  /** Set by the track: the kind of proceeding it became, its court and facility, facts for the person. */
  kind: CaseKind;
  court?: CourtRow;
  facility?: FacilityRow;
  entry?: { on: string; manner: "ewi" | "admitted" | "parole"; class?: string };
  unaccompaniedChild?: boolean;
  familyUnit?: boolean;
}

/** Age in whole years on `day` (birthdays counted by calendar date). */
export function ageOn(birthDay: number, day: number): number {
  const b = isoDay(birthDay);
  const d = isoDay(day);
  return Number(d.slice(0, 4)) - Number(b.slice(0, 4)) - (d.slice(5) < b.slice(5) ? 1 : 0);
}

export function hearingPlace(court: CourtRow): string {
  return `${court.name}, ${court.city.replace(/ \(.*\)$/, "")}, ${court.state}`;
}

/** The first weekday hearing date at least `min` days from the cursor. */
export function hearingDay(h: History, min: number, max: number): number {
  return weekdayOnOrAfter(h.day + h.rng.int(min, max));
}

/** Move the cursor to a day in [cursor, limit - 1]: something that happens before the next hearing. */
export function before(h: History, limit: number): History {
  if (limit - 1 > h.day) h.day = h.rng.int(h.day, limit - 1);
  return h;
}

/** "HH:MM" plus some minutes, kept within the same day. */
export function later(time: string, minutes: number): string {
  const t = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes, 23 * 60 + 55);
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}
