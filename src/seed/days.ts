/**
 * Calendar dates as day numbers (days since 1970-01-01), for the generator's
 * inner loop only: a history needs a few dozen date steps, and Temporal
 * objects cost ~15 µs each, which would make 2,000 cases take most of a
 * second. The conversion is the proleptic Gregorian civil calendar
 * (H. Hinnant's days_from_civil); the output is the same YYYY-MM-DD string
 * that src/law/calendar produces, which the tests check against it.
 */

export function dayNumber(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 1 = Monday ... 7 = Sunday, as Temporal's dayOfWeek (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The same day, or the next Monday when it falls on a weekend (courts and offices sit on weekdays). */
export function weekdayOnOrAfter(n: number): number {
  const w = weekday(n);
  return w === 6 ? n + 2 : w === 7 ? n + 1 : n;
}
