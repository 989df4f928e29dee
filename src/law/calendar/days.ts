/**
 * Integer day arithmetic for legal dates: a date is its day number, the days
 * since 1970-01-01 in the proleptic Gregorian calendar (the ISO calendar
 * Temporal.PlainDate uses). The law engine adds, compares and rolls dates
 * thousands of times per verdict; the Temporal polyfill costs 5-15 µs per
 * operation, this costs a few nanoseconds. calendar.ts uses it for every
 * date-only computation and keeps Temporal for time zones; calendar.test.ts
 * proves both agree for every date from 1900 to 2100.
 *
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (days_from_civil, civil_from_days), exact for every year.
 */

/** Day number of a year, month (1-12) and day (1-31), which must form a valid date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(n: number): Civil {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : monthLengths[m - 1];
}

/** ISO day of the week, Monday 1 to Sunday 7 (1970-01-01 was a Thursday). */
export function weekdayOfDay(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * The day number of a string whose first 10 characters are a valid date in
 * YYYY-MM-DD form, else undefined. Only that exact form is taken: anything
 * else (another ISO form Temporal accepts, or an invalid date Temporal
 * rejects) is left to the Temporal path, so that behaviour is unchanged.
 */
export function parseDay(s: string): number | undefined {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  // NaN fails every comparison below.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return undefined;
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * YYYY-MM-DD of a day number whose year is 0000-9999 (the form
 * Temporal.PlainDate#toString gives those years), else undefined.
 */
export function formatDay(n: number): string | undefined {
  const { year, month, day } = civilFromDays(n);
  if (year < 0 || year > 9999) return undefined;
  const y = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** `n` calendar months after a civil date, the day clamped to the month's end (Temporal's "constrain"). */
export function addMonthsCivil(c: Civil, n: number): number {
  const total = c.year * 12 + (c.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** Whole years from `from` to `to` as Temporal's until({ largestUnit: "years" }) counts them (negative when `to` is earlier). */
export function yearsBetween(from: Civil, to: Civil): number {
  const before = (a: Civil, b: Civil) => a.month < b.month || (a.month === b.month && a.day < b.day);
  const span = to.year - from.year;
  if (daysFromCivil(to.year, to.month, to.day) >= daysFromCivil(from.year, from.month, from.day)) {
    return before(to, from) ? span - 1 : span;
  }
  return before(from, to) ? span + 1 : span;
}
