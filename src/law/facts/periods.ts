/**
 * Sentences that explain a time computation (TIME-01..08) so an officer can
 * check it by hand: which day was day N, and why the last day moved.
 */
import {
  addDays,
  compareDates,
  type DateLike,
  dayOfWeek,
  isWeekend,
  plainDateString,
  rollForward,
} from "../calendar/calendar.js";
import { federalHolidayName } from "../calendar/holidays.js";

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Sun 2025-06-15" */
export function dayLabel(d: DateLike): string {
  return `${weekdays[dayOfWeek(d) - 1]} ${plainDateString(d)}`;
}

/** Why a date is not a business day: "a Saturday", "Thanksgiving Day", "a closure". */
export function closedBecause(d: DateLike, closures: readonly string[] = []): string | undefined {
  const date = plainDateString(d);
  const holiday = federalHolidayName(date);
  if (holiday) return holiday;
  if (isWeekend(date)) return dayOfWeek(date) === 6 ? "a Saturday" : "a Sunday";
  if (closures.includes(date)) return "an ad hoc closure";
  return undefined;
}

/** "day 30 after 2025-05-16 is Sun 2025-06-15 (a Sunday), so the period runs to Mon 2025-06-16" */
export function explainPeriod(
  trigger: string,
  days: number,
  closures: readonly string[] = [],
  roll = true,
): string {
  const last = addDays(trigger, days);
  const due = roll ? rollForward(last, closures) : last;
  const head = `day ${days} after ${trigger} (the trigger day not counted) is ${dayLabel(last)}`;
  if (due === last) {
    const why = closedBecause(last, closures);
    return why && !roll ? `${head} (${why}; not rolled forward under this configuration)` : `${head}`;
  }
  const skipped: string[] = [];
  for (let d = last; d !== due; d = addDays(d, 1))
    skipped.push(`${d} ${closedBecause(d, closures) ?? ""}`.trim());
  return `${head}; ${skipped.join(", ")} ${skipped.length > 1 ? "are" : "is"} not a business day, so the period runs to ${dayLabel(due)}`;
}

/** The business days counted from a trigger, for TIME-06 messages: "11-28, 12-01, ... (skipping 11-27 Thanksgiving Day)". */
export function explainBusinessDays(trigger: string, due: string, closures: readonly string[] = []): string {
  const skipped: string[] = [];
  for (let d = addDays(trigger, 1); compareDates(d, due) < 0; d = addDays(d, 1)) {
    const why = closedBecause(d, closures);
    if (why && !why.startsWith("a S")) skipped.push(`${d} (${why})`);
  }
  return skipped.length ? `weekends and ${skipped.join(", ")} not counted` : "weekends not counted";
}
