/** Small statistics and date-series helpers for the dashboard. Pure. */
import { addDays, daysBetween } from "../../law/calendar/calendar.js";
import { type CustodyStay, stayCovers } from "./facts.js";

/** The p-th quantile (0..1) by linear interpolation between order statistics (R's type 7). */
export function quantile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Every day from `from` to `to`, both included. */
export function daysIn(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/**
 * Daily head count over [from, to] from custody stays, by a difference array:
 * +1 on the first covered day, −1 on the day the stay ends. Equal to counting
 * `stayCovers(s, day)` for each day, in O(stays + days).
 */
export function dailyPopulation(stays: readonly CustodyStay[], from: string, to: string): number[] {
  const n = daysBetween(from, to) + 1;
  if (n <= 0) return [];
  const diff = new Array<number>(n + 1).fill(0);
  for (const s of stays) {
    if (s.from > to || (s.to !== null && s.to <= from)) continue;
    if (s.to !== null && s.to <= s.from) continue;
    const start = s.from < from ? 0 : daysBetween(from, s.from);
    const end = s.to === null || s.to > to ? n : daysBetween(from, s.to);
    diff[start]++;
    diff[end]--;
  }
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i < n; i++) {
    run += diff[i];
    out.push(run);
  }
  return out;
}

/** The stays covering a day (the records behind one point of a population series). */
export const staysOn = (stays: readonly CustodyStay[], day: string) =>
  stays.filter((s) => stayCovers(s, day));

export const round1 = (x: number) => Math.round(x * 10) / 10;
