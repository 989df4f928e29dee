/**
 * TIME-01, TIME-04, TIME-06: federal legal holidays computed by rule for any
 * year (5 U.S.C. 6103), with the observed date when one falls on a weekend
 * (Saturday -> Friday before, Sunday -> Monday after; 5 U.S.C. 6103(b) and
 * E.O. 11582). Juneteenth counts from 2021 (Pub. L. 117-17).
 */
import { Temporal } from "temporal-polyfill";
import { daysFromCivil } from "./days.js";

type PlainDate = Temporal.PlainDate;

function nthWeekday(year: number, month: number, weekday: number, n: number): PlainDate {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const offset = (weekday - first.dayOfWeek + 7) % 7;
  return first.add({ days: offset + 7 * (n - 1) });
}

function lastWeekday(year: number, month: number, weekday: number): PlainDate {
  const last = Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
  const back = (last.dayOfWeek - weekday + 7) % 7;
  return last.subtract({ days: back });
}

function observed(date: PlainDate): PlainDate {
  if (date.dayOfWeek === 6) return date.subtract({ days: 1 });
  if (date.dayOfWeek === 7) return date.add({ days: 1 });
  return date;
}

export interface Holiday {
  date: string;
  name: string;
}

/** The legal holidays whose observed date falls in `year` (a fresh list; computed once per year). */
export function federalHolidays(year: number): Holiday[] {
  let list = listCache.get(year);
  if (!list) {
    list = computeFederalHolidays(year);
    listCache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

const listCache = new Map<number, Holiday[]>();

function computeFederalHolidays(year: number): Holiday[] {
  const fixed = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const list: [PlainDate, string][] = [
    [observed(fixed(1, 1)), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), "Birthday of Martin Luther King, Jr."],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [lastWeekday(year, 5, 1), "Memorial Day"],
    [observed(fixed(7, 4)), "Independence Day"],
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 10, 1, 2), "Columbus Day"],
    [observed(fixed(11, 11)), "Veterans Day"],
    [nthWeekday(year, 11, 4, 4), "Thanksgiving Day"],
    [observed(fixed(12, 25)), "Christmas Day"],
  ];
  if (year >= 2021) list.push([observed(fixed(6, 19)), "Juneteenth National Independence Day"]);
  // New Year's Day of next year observed on Friday Dec 31 of this year.
  const nextNewYear = observed(Temporal.PlainDate.from({ year: year + 1, month: 1, day: 1 }));
  if (nextNewYear.year === year) list.push([nextNewYear, "New Year's Day"]);
  return list
    .filter(([d]) => d.year === year)
    .map(([d, name]) => ({ date: d.toString(), name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<number, Set<string>>();
function holidaySet(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(federalHolidays(year).map((h) => h.date));
    cache.set(year, set);
  }
  return set;
}

export function isFederalHoliday(date: PlainDate): boolean {
  return holidaySet(date.year).has(date.toString());
}

/** The name of the federal holiday observed on a YYYY-MM-DD date, if it is one (federalHolidays(year).find). */
const nameCache = new Map<number, Map<string, string>>();
export function federalHolidayName(date: string): string | undefined {
  // A plain YYYY-MM-DD names its year in its first four digits; Temporal reads any other form.
  const year = date.length === 10 ? Number(date.slice(0, 4)) : Temporal.PlainDate.from(date).year;
  let names = nameCache.get(year);
  if (!names) {
    names = new Map();
    // The first holiday of a date wins, as with find().
    for (const h of federalHolidays(year)) if (!names.has(h.date)) names.set(h.date, h.name);
    nameCache.set(year, names);
  }
  return names.get(date);
}

/** The observed holidays of `year` as day numbers (src/law/calendar/days.ts), for the integer date path. */
const dayCache = new Map<number, Set<number>>();
export function federalHolidayDays(year: number): Set<number> {
  let set = dayCache.get(year);
  if (!set) {
    // Each observed date lies in `year` (federalHolidays keeps only those), so its month and day suffice.
    set = new Set(
      federalHolidays(year).map((h) =>
        daysFromCivil(year, Number(h.date.slice(5, 7)), Number(h.date.slice(8, 10))),
      ),
    );
    dayCache.set(year, set);
  }
  return set;
}
