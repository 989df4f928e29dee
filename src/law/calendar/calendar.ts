/**
 * The one calendar library (RULES.md §0.2.7, TIME-01..08). Legal dates are
 * Temporal.PlainDate values or their YYYY-MM-DD strings; never a JS Date.
 */
import { Temporal } from "temporal-polyfill";
import * as slow from "./calendar-temporal.js";
import {
  addMonthsCivil,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatDay,
  parseDay,
  weekdayOfDay,
  yearsBetween,
} from "./days.js";
import { federalHolidayDays } from "./holidays.js";
import { epochToLocal, formatLocalMinutes, localToEpoch, parseLocalMinutes } from "./zones.js";

type PlainDate = Temporal.PlainDate;
export type DateLike = PlainDate | string;

export const DEFAULT_TZ = "America/New_York";

export function toDate(d: DateLike): PlainDate {
  return typeof d === "string" ? Temporal.PlainDate.from(d.slice(0, 10)) : d;
}

/**
 * The day number (days.ts) of a date, or undefined when the string is not a
 * plain YYYY-MM-DD: every function below then takes the Temporal reference
 * path (calendar-temporal.ts), which reads other ISO forms or throws as before.
 */
function dayOf(d: DateLike): number | undefined {
  return typeof d === "string" ? parseDay(d) : daysFromCivil(d.year, d.month, d.day);
}

/** YYYY-MM-DD of a day number; Temporal writes the rare year outside 0000-9999. */
function dayString(n: number): string {
  return formatDay(n) ?? Temporal.PlainDate.from(civilFromDays(n)).toString();
}

export function compareDates(a: DateLike, b: DateLike): number {
  const x = dayOf(a);
  const y = dayOf(b);
  if (x === undefined || y === undefined) return slow.compareDates(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function daysBetween(from: DateLike, to: DateLike): number {
  const x = dayOf(from);
  const y = dayOf(to);
  return x === undefined || y === undefined ? slow.daysBetween(from, to) : y - x;
}

export function addDays(d: DateLike, n: number): string {
  const x = dayOf(d);
  // Temporal rejects a fractional count; so does the reference path.
  return x === undefined || !Number.isInteger(n) ? slow.addDays(d, n) : dayString(x + n);
}

/** Same day of the month `n` calendar months later (clamped to month end). */
export function addMonths(d: DateLike, n: number): string {
  const x = dayOf(d);
  return x === undefined || !Number.isInteger(n)
    ? slow.addMonths(d, n)
    : dayString(addMonthsCivil(civilFromDays(x), n));
}

export function addYears(d: DateLike, n: number): string {
  const x = dayOf(d);
  return x === undefined || !Number.isInteger(n)
    ? slow.addYears(d, n)
    : dayString(addMonthsCivil(civilFromDays(x), 12 * n));
}

/** The date as YYYY-MM-DD (what toDate(d).toString() gives). */
export function plainDateString(d: DateLike): string {
  const x = dayOf(d);
  return x === undefined ? toDate(d).toString() : dayString(x);
}

/** ISO day of the week, Monday 1 to Sunday 7 (what toDate(d).dayOfWeek gives). */
export function dayOfWeek(d: DateLike): number {
  const x = dayOf(d);
  return x === undefined ? toDate(d).dayOfWeek : weekdayOfDay(x);
}

export function isWeekend(d: DateLike): boolean {
  const x = dayOf(d);
  return x === undefined ? slow.isWeekend(d) : weekdayOfDay(x) >= 6;
}

/** A federal holiday (observed) or a closure, by day number. */
function holidayDay(n: number, closures: readonly string[]): boolean {
  if (federalHolidayDays(civilFromDays(n).year).has(n)) return true;
  return closures.length > 0 && closures.includes(dayString(n));
}

/** Neither a Saturday, a Sunday, a federal holiday nor a closure, by day number. */
function businessDay(n: number, closures: readonly string[]): boolean {
  return weekdayOfDay(n) < 6 && !holidayDay(n, closures);
}

/** A legal holiday: federal (observed) or an ad hoc closure recorded by an admin. */
export function isLegalHoliday(d: DateLike, closures: readonly string[] = []): boolean {
  const x = dayOf(d);
  return x === undefined ? slow.isLegalHoliday(d, closures) : holidayDay(x, closures);
}

export function isBusinessDay(d: DateLike, closures: readonly string[] = []): boolean {
  const x = dayOf(d);
  return x === undefined ? slow.isBusinessDay(d, closures) : businessDay(x, closures);
}

/** TIME-01: a last day on a weekend or legal holiday runs to the next day that is neither. */
export function rollForward(d: DateLike, closures: readonly string[] = []): string {
  let x = dayOf(d);
  if (x === undefined) return slow.rollForward(d, closures);
  while (!businessDay(x, closures)) x++;
  return dayString(x);
}

/**
 * TIME-01 / TIME-04: N calendar days after the trigger (the trigger day is
 * excluded: day 1 is the next day), the last day rolled forward.
 */
export function periodDue(trigger: DateLike, days: number, closures: readonly string[] = []): string {
  let x = dayOf(trigger);
  if (x === undefined || !Number.isInteger(days)) return slow.periodDue(trigger, days, closures);
  x += days;
  while (!businessDay(x, closures)) x++;
  return dayString(x);
}

/** TIME-06: the Nth business day after the trigger day. */
export function addBusinessDays(trigger: DateLike, n: number, closures: readonly string[] = []): string {
  let x = dayOf(trigger);
  if (x === undefined) return slow.addBusinessDays(trigger, n, closures);
  let left = n;
  while (left > 0) {
    x++;
    if (businessDay(x, closures)) left--;
  }
  return dayString(x);
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
  return (
    (Number.isInteger(hours) && shiftLocal(localDateTime, hours * 60, tz)) ||
    slow.addHours(localDateTime, hours, tz)
  );
}

/** A local date-time `minutes` of elapsed time later, in the zone; undefined near a transition (then Temporal decides). */
function shiftLocal(localDateTime: string, minutes: number, tz: string): string | undefined {
  const local = parseLocalMinutes(localDateTime);
  const start = local === undefined ? undefined : localToEpoch(local, tz);
  const end = start === undefined ? undefined : epochToLocal(start + minutes, tz);
  return end === undefined ? undefined : formatLocalMinutes(end);
}

/** Combine an event's `on` and `at` (default: start of day) into YYYY-MM-DDTHH:MM. */
export function localStamp(on: string, at?: string): string {
  return `${on}T${at ?? "00:00"}`;
}

/** Compare two local date-times (or dates: a bare date means its start) in one zone. */
export function compareStamps(a: string, b: string, tz: string = DEFAULT_TZ): number {
  const x = parseLocalMinutes(a, true);
  const y = parseLocalMinutes(b, true);
  const ex = x === undefined ? undefined : localToEpoch(x, tz);
  const ey = y === undefined ? undefined : localToEpoch(y, tz);
  if (ex === undefined || ey === undefined) return slow.compareStamps(a, b, tz);
  return ex < ey ? -1 : ex > ey ? 1 : 0;
}

/** Age in whole years on a date, from a birth date that may be partial (YYYY or YYYY-MM): undefined if unknown. */
export function ageOn(birthDate: string | undefined, on: DateLike): { min: number; max: number } | undefined {
  if (!birthDate) return undefined;
  const to = dayOf(on);
  const birth = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate);
  const y = Number(birth?.[1]);
  const m = birth?.[2] === undefined ? undefined : Number(birth[2]);
  const d = birth?.[3] === undefined ? undefined : Number(birth[3]);
  // Only a well-formed YYYY[-MM[-DD]] is computed here; anything else keeps the reference behaviour.
  const valid =
    birth && (m === undefined || (m >= 1 && m <= 12)) && (d === undefined || d <= daysInMonth(y, m ?? 1));
  if (to === undefined || !valid || d === 0) return slow.ageOn(birthDate, on);
  const date = civilFromDays(to);
  if (m !== undefined && d !== undefined) {
    const years = yearsBetween({ year: y, month: m, day: d }, date);
    return { min: years, max: years };
  }
  // Partial: the earliest and latest possible birth dates bound the age.
  const earliest = { year: y, month: m ?? 1, day: 1 };
  const latest = m ? { year: y, month: m, day: daysInMonth(y, m) } : { year: y, month: 12, day: 31 };
  return { min: yearsBetween(latest, date), max: yearsBetween(earliest, date) };
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
  const minutes = Math.round(hours * share * 60);
  return (
    (Number.isInteger(minutes) && shiftLocal(localDateTime, minutes, tz)) ||
    slow.hourPeriodAlert(localDateTime, hours, share, tz)
  );
}
