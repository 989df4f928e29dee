/**
 * The one calendar library (RULES.md §0.2.7, TIME-01..08). Legal dates are
 * Temporal.PlainDate values or their YYYY-MM-DD strings; never a JS Date.
 */
import { Temporal } from "temporal-polyfill";
import { isFederalHoliday } from "./holidays.js";

type PlainDate = Temporal.PlainDate;
export type DateLike = PlainDate | string;

export const DEFAULT_TZ = "America/New_York";

export function toDate(d: DateLike): PlainDate {
  return typeof d === "string" ? Temporal.PlainDate.from(d.slice(0, 10)) : d;
}

export function compareDates(a: DateLike, b: DateLike): number {
  return Temporal.PlainDate.compare(toDate(a), toDate(b));
}

export function daysBetween(from: DateLike, to: DateLike): number {
  return toDate(from).until(toDate(to), { largestUnit: "days" }).days;
}

export function addDays(d: DateLike, n: number): string {
  return toDate(d).add({ days: n }).toString();
}

/** Same day of the month `n` calendar months later (clamped to month end). */
export function addMonths(d: DateLike, n: number): string {
  return toDate(d).add({ months: n }).toString();
}

export function addYears(d: DateLike, n: number): string {
  return toDate(d).add({ years: n }).toString();
}

export function isWeekend(d: DateLike): boolean {
  return toDate(d).dayOfWeek >= 6;
}

/** A legal holiday: federal (observed) or an ad hoc closure recorded by an admin. */
export function isLegalHoliday(d: DateLike, closures: readonly string[] = []): boolean {
  const date = toDate(d);
  return isFederalHoliday(date) || closures.includes(date.toString());
}

export function isBusinessDay(d: DateLike, closures: readonly string[] = []): boolean {
  return !isWeekend(d) && !isLegalHoliday(d, closures);
}

/** TIME-01: a last day on a weekend or legal holiday runs to the next day that is neither. */
export function rollForward(d: DateLike, closures: readonly string[] = []): string {
  let date = toDate(d);
  while (!isBusinessDay(date, closures)) date = date.add({ days: 1 });
  return date.toString();
}

/**
 * TIME-01 / TIME-04: N calendar days after the trigger (the trigger day is
 * excluded: day 1 is the next day), the last day rolled forward.
 */
export function periodDue(trigger: DateLike, days: number, closures: readonly string[] = []): string {
  return rollForward(addDays(trigger, days), closures);
}

/** TIME-06: the Nth business day after the trigger day. */
export function addBusinessDays(trigger: DateLike, n: number, closures: readonly string[] = []): string {
  let date = toDate(trigger);
  let left = n;
  while (left > 0) {
    date = date.add({ days: 1 });
    if (isBusinessDay(date, closures)) left--;
  }
  return date.toString();
}

/** TIME-03: DHS (Chapter I) notices served by mail add 3 days; EOIR service adds none. */
export function dhsMailServiceDays(method: string | undefined): number {
  return method === "mail" ? 3 : 0;
}

/**
 * TIME-05: elapsed clock hours from a local date-time in the custody time
 * zone; the answer is the local date-time (YYYY-MM-DDTHH:MM) in that zone.
 * A period that crosses a daylight-saving change keeps its elapsed hours.
 */
export function addHours(localDateTime: string, hours: number, tz: string = DEFAULT_TZ): string {
  const start = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(tz);
  const end = start.add({ hours });
  return end.toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** Combine an event's `on` and `at` (default: start of day) into YYYY-MM-DDTHH:MM. */
export function localStamp(on: string, at?: string): string {
  return `${on}T${at ?? "00:00"}`;
}

/** Compare two local date-times (or dates: a bare date means its start) in one zone. */
export function compareStamps(a: string, b: string, tz: string = DEFAULT_TZ): number {
  const z = (s: string) =>
    Temporal.PlainDateTime.from(s.length === 10 ? `${s}T00:00` : s).toZonedDateTime(tz);
  return Temporal.ZonedDateTime.compare(z(a), z(b));
}

/** The same instant as a local date-time in another zone (a boarding time kept in a flight's zone, read in the custody zone). */
export function restamp(localDateTime: string, fromTz: string, toTz: string): string {
  if (fromTz === toTz) return localDateTime;
  const instant = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(fromTz);
  return instant.withTimeZone(toTz).toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** Age in whole years on a date, from a birth date that may be partial (YYYY or YYYY-MM): undefined if unknown. */
export function ageOn(birthDate: string | undefined, on: DateLike): { min: number; max: number } | undefined {
  if (!birthDate) return undefined;
  const date = toDate(on);
  const parts = birthDate.split("-").map(Number);
  const [y, m, d] = parts;
  if (parts.length === 3) {
    const years = Temporal.PlainDate.from({ year: y, month: m, day: d }).until(date, {
      largestUnit: "years",
    }).years;
    return { min: years, max: years };
  }
  // Partial: the earliest and latest possible birth dates bound the age.
  const earliest = Temporal.PlainDate.from({ year: y, month: m ?? 1, day: 1 });
  const latest = m
    ? earliest.add({ months: 1 }).subtract({ days: 1 })
    : Temporal.PlainDate.from({ year: y, month: 12, day: 31 });
  return {
    min: latest.until(date, { largestUnit: "years" }).years,
    max: earliest.until(date, { largestUnit: "years" }).years,
  };
}

/** TIME-07: the day number of `on` in a period whose day 1 is `start` (the protective convention). */
export function dayNumber(start: DateLike, on: DateLike): number {
  return daysBetween(start, on) + 1;
}

/** TIME-07: the date of day `n` of a period whose day 1 is `start`. */
export function nthDay(start: DateLike, n: number): string {
  return addDays(start, n - 1);
}

/**
 * TIME-05 with TIME-06 days (ARR-04: the 8 CFR 287.7(d) reading of a detainer hold):
 * `hours` elapsed clock hours that count only while the local date is a
 * business day; Saturdays, Sundays, legal holidays and closures are skipped whole.
 */
export function addBusinessHours(
  localDateTime: string,
  hours: number,
  tz: string = DEFAULT_TZ,
  closures: readonly string[] = [],
): string {
  let cursor = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(tz);
  let leftMinutes = Math.round(hours * 60);
  while (leftMinutes > 0) {
    const day = cursor.toPlainDate();
    const nextMidnight = day.add({ days: 1 }).toZonedDateTime({ timeZone: tz });
    if (!isBusinessDay(day, closures)) {
      cursor = nextMidnight;
      continue;
    }
    const available = Math.round(cursor.until(nextMidnight, { largestUnit: "minutes" }).minutes);
    if (leftMinutes <= available) {
      cursor = cursor.add({ minutes: leftMinutes });
      leftMinutes = 0;
    } else {
      leftMinutes -= available;
      cursor = nextMidnight;
    }
  }
  return cursor.toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** TIME-05: the moment a given share of an hour period has elapsed (alerts at 75%). */
export function hourPeriodAlert(
  localDateTime: string,
  hours: number,
  share = 0.75,
  tz: string = DEFAULT_TZ,
): string {
  const start = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(tz);
  return start
    .add({ minutes: Math.round(hours * share * 60) })
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
