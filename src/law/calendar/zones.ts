/**
 * Local date-times in a time zone without a Temporal.ZonedDateTime per call
 * (TIME-05 hour periods: 48 hours from an arrest, 72 hours in CBP holding).
 * A zone's UTC offset is constant except at its transitions (daylight saving),
 * which Temporal lists once per zone and year. Away from a transition (more
 * than a day from one), a local time maps to one instant by its offset, and
 * back; near one, or for any input outside the plain YYYY-MM-DDTHH:MM form,
 * these functions return undefined and calendar.ts asks Temporal, which also
 * applies its rules for the skipped and repeated hours. calendar-fast.test.ts
 * checks the results against Temporal across transitions and zones.
 *
 * Times are whole minutes: "epoch minutes" count UTC minutes since 1970-01-01,
 * "local minutes" the same for the wall clock of the zone.
 */
import { Temporal } from "temporal-polyfill";
import { civilFromDays, daysFromCivil, formatDay, parseDay } from "./days.js";

const minuteNs = 60_000_000_000;
const dayMinutes = 1440;

interface ZoneYear {
  /** Offset (minutes) in force at the start of the year, UTC. */
  startOffset: number;
  /** Transitions within the year: the epoch minute at which each new offset starts. */
  transitions: { at: number; offset: number }[];
}

/** Per zone and UTC year; null when the zone cannot be handled here (unknown id, offsets with seconds). */
const zoneYears = new Map<string, Map<number, ZoneYear | null>>();

function zoneYear(tz: string, year: number): ZoneYear | null {
  let years = zoneYears.get(tz);
  if (!years) {
    years = new Map();
    zoneYears.set(tz, years);
  }
  let data = years.get(year);
  if (data === undefined) {
    data = readZoneYear(tz, year);
    years.set(year, data);
  }
  return data;
}

function readZoneYear(tz: string, year: number): ZoneYear | null {
  try {
    const endMs = daysFromCivil(year + 1, 1, 1) * 86_400_000;
    let z = Temporal.Instant.fromEpochMilliseconds(daysFromCivil(year, 1, 1) * 86_400_000).toZonedDateTimeISO(
      tz,
    );
    if (z.offsetNanoseconds % minuteNs !== 0) return null;
    const out: ZoneYear = { startOffset: z.offsetNanoseconds / minuteNs, transitions: [] };
    for (;;) {
      const next = z.getTimeZoneTransition("next");
      if (!next || next.epochMilliseconds >= endMs) return out;
      if (next.offsetNanoseconds % minuteNs !== 0 || next.epochMilliseconds % 60_000 !== 0) return null;
      out.transitions.push({
        at: next.epochMilliseconds / 60_000,
        offset: next.offsetNanoseconds / minuteNs,
      });
      z = next;
    }
  } catch {
    return null;
  }
}

const yearOfMinute = (m: number) => civilFromDays(Math.floor(m / dayMinutes)).year;

/** The zone's offset at an epoch minute: the last transition at or before it, else the year's first offset. */
function offsetAt(tz: string, epochMinute: number): number | undefined {
  const here = zoneYear(tz, yearOfMinute(epochMinute));
  if (!here) return undefined;
  let offset = here.startOffset;
  for (const t of here.transitions) if (t.at <= epochMinute) offset = t.offset;
  return offset;
}

/** Whether a transition lies within a day of an epoch minute (or the zone's data cannot tell). */
function nearTransition(tz: string, epochMinute: number): boolean {
  for (const year of new Set([
    yearOfMinute(epochMinute - dayMinutes),
    yearOfMinute(epochMinute + dayMinutes),
  ])) {
    const near = zoneYear(tz, year);
    if (!near) return true;
    for (const t of near.transitions) if (Math.abs(t.at - epochMinute) <= dayMinutes) return true;
  }
  return false;
}

/** Local minutes of a plain YYYY-MM-DDTHH:MM (or a bare YYYY-MM-DD, its midnight, when `bareDate`), else undefined. */
export function parseLocalMinutes(s: string, bareDate = false): number | undefined {
  if (bareDate && s.length === 10) {
    const day = parseDay(s);
    return day === undefined ? undefined : day * dayMinutes;
  }
  if (s.length !== 16 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return undefined;
  const day = parseDay(s);
  const h = Number(s.slice(11, 13));
  const m = Number(s.slice(14, 16));
  // Number() would read " 5" or "+5": insist on digits.
  if (day === undefined || !/^\d\d$/.test(s.slice(11, 13)) || !/^\d\d$/.test(s.slice(14, 16)))
    return undefined;
  if (!(h <= 23 && m <= 59)) return undefined;
  return day * dayMinutes + h * 60 + m;
}

/** YYYY-MM-DDTHH:MM of local minutes (years 0000-9999), else undefined. */
export function formatLocalMinutes(local: number): string | undefined {
  const day = Math.floor(local / dayMinutes);
  const date = formatDay(day);
  if (date === undefined) return undefined;
  const rest = local - day * dayMinutes;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  return `${date}T${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
}

/**
 * The epoch minute of a local time in `tz`, when no transition is within a
 * day of it: the offset is then the same for every instant within a day, and
 * the local time is neither skipped nor repeated, so it names one instant.
 */
export function localToEpoch(local: number, tz: string): number | undefined {
  // Offsets are under a day, so the true instant lies within a day of the wall time read as UTC.
  if (nearTransition(tz, local)) return undefined;
  const offset = offsetAt(tz, local);
  return offset === undefined ? undefined : local - offset;
}

/** The local time in `tz` of an epoch minute (every instant has exactly one). */
export function epochToLocal(epoch: number, tz: string): number | undefined {
  const offset = offsetAt(tz, epoch);
  return offset === undefined ? undefined : epoch + offset;
}
