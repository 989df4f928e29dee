/**
 * The reference implementation of the date-only calendar functions, written
 * with Temporal.PlainDate exactly as calendar.ts first had them. calendar.ts
 * now computes on integer day numbers (days.ts) for speed; it falls back to
 * these for any input outside the plain YYYY-MM-DD form (so that other ISO
 * forms are still read, and invalid dates still throw, as before), and
 * calendar-fast.test.ts checks the fast functions against these over 1900-2100.
 * The time-zone functions at the end are the reference for zones.ts.
 */
import { Temporal } from "temporal-polyfill";
import { isFederalHoliday } from "./holidays.js";

type PlainDate = Temporal.PlainDate;
type DateLike = PlainDate | string;

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

export function addMonths(d: DateLike, n: number): string {
  return toDate(d).add({ months: n }).toString();
}

export function addYears(d: DateLike, n: number): string {
  return toDate(d).add({ years: n }).toString();
}

export function isWeekend(d: DateLike): boolean {
  return toDate(d).dayOfWeek >= 6;
}

export function isLegalHoliday(d: DateLike, closures: readonly string[] = []): boolean {
  const date = toDate(d);
  return isFederalHoliday(date) || closures.includes(date.toString());
}

export function isBusinessDay(d: DateLike, closures: readonly string[] = []): boolean {
  return !isWeekend(d) && !isLegalHoliday(d, closures);
}

export function rollForward(d: DateLike, closures: readonly string[] = []): string {
  let date = toDate(d);
  while (!isBusinessDay(date, closures)) date = date.add({ days: 1 });
  return date.toString();
}

export function periodDue(trigger: DateLike, days: number, closures: readonly string[] = []): string {
  return rollForward(addDays(trigger, days), closures);
}

export function addBusinessDays(trigger: DateLike, n: number, closures: readonly string[] = []): string {
  let date = toDate(trigger);
  let left = n;
  while (left > 0) {
    date = date.add({ days: 1 });
    if (isBusinessDay(date, closures)) left--;
  }
  return date.toString();
}

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
  const earliest = Temporal.PlainDate.from({ year: y, month: m ?? 1, day: 1 });
  const latest = m
    ? earliest.add({ months: 1 }).subtract({ days: 1 })
    : Temporal.PlainDate.from({ year: y, month: 12, day: 31 });
  return {
    min: latest.until(date, { largestUnit: "years" }).years,
    max: earliest.until(date, { largestUnit: "years" }).years,
  };
}

export function addHours(localDateTime: string, hours: number, tz: string): string {
  const start = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(tz);
  const end = start.add({ hours });
  return end.toPlainDateTime().toString({ smallestUnit: "minute" });
}

export function compareStamps(a: string, b: string, tz: string): number {
  const z = (s: string) =>
    Temporal.PlainDateTime.from(s.length === 10 ? `${s}T00:00` : s).toZonedDateTime(tz);
  return Temporal.ZonedDateTime.compare(z(a), z(b));
}

export function hourPeriodAlert(localDateTime: string, hours: number, share: number, tz: string): string {
  const start = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(tz);
  return start
    .add({ minutes: Math.round(hours * share * 60) })
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
