/**
 * calendar.ts computes dates on integer day numbers (days.ts) for speed. These
 * properties prove it gives what the Temporal reference (calendar-temporal.ts,
 * the original implementation) gives, for dates from 1900 to 2100, partial and
 * leap-day birth dates, closures, and inputs outside the plain YYYY-MM-DD form.
 */
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import * as fast from "./calendar.js";
import * as reference from "./calendar-temporal.js";
import { civilFromDays, daysFromCivil, formatDay, parseDay, weekdayOfDay } from "./days.js";
import { federalHolidayDays, federalHolidays } from "./holidays.js";
import { localToEpoch, parseLocalMinutes } from "./zones.js";

const epoch = Temporal.PlainDate.from("1970-01-01");
const first = Temporal.PlainDate.from("1900-01-01");
const span = first.until(Temporal.PlainDate.from("2100-12-31"), { largestUnit: "days" }).days;
/** Any date from 1900 to 2100 as YYYY-MM-DD, made by Temporal (not by the code under test). */
const dateArb = fc.integer({ min: 0, max: span }).map((n) => first.add({ days: n }).toString());
const closuresArb = fc.uniqueArray(dateArb, { maxLength: 6 });
/** Closures near the date, so that they matter for roll-forward and business days. */
const nearClosures = (d: string) =>
  fc.uniqueArray(
    fc.integer({ min: -5, max: 40 }).map((k) => Temporal.PlainDate.from(d).add({ days: k }).toString()),
    { maxLength: 8 },
  );
const runs = { numRuns: 3000 };

/** The outcome of a call: its value, or the kind of error it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    return { threw: (e as Error).constructor.name };
  }
}

describe("integer day numbers (days.ts)", () => {
  it("agree with Temporal on every day from 1900 to 2100: string, day number, weekday", () => {
    const start = epoch.until(first, { largestUnit: "days" }).days;
    let date = first;
    const wrong: string[] = [];
    for (let n = start; n <= start + span; n++) {
      const text = date.toString();
      const c = civilFromDays(n);
      if (
        formatDay(n) !== text ||
        parseDay(text) !== n ||
        weekdayOfDay(n) !== date.dayOfWeek ||
        c.year !== date.year ||
        c.month !== date.month ||
        c.day !== date.day ||
        daysFromCivil(date.year, date.month, date.day) !== n
      )
        wrong.push(text);
      date = date.add({ days: 1 });
    }
    expect(wrong).toEqual([]);
    expect(span).toBeGreaterThan(73_000);
  });

  it("read only a valid plain YYYY-MM-DD", () => {
    for (const s of ["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "20250602", "2025-6-2", "x"])
      expect(parseDay(s)).toBeUndefined();
    expect(parseDay("2024-02-29")).toBe(daysFromCivil(2024, 2, 29));
    expect(parseDay("2025-06-02T10:00")).toBe(daysFromCivil(2025, 6, 2));
  });

  it("hold every federal holiday of 1900-2100 and no other day", () => {
    for (let year = 1900; year <= 2100; year++) {
      const expected = federalHolidays(year).map((h) => parseDay(h.date));
      expect([...federalHolidayDays(year)].sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe("calendar.ts equals the Temporal reference", () => {
  it("compareDates, daysBetween", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(fast.compareDates(a, b)).toBe(reference.compareDates(a, b));
        expect(fast.daysBetween(a, b)).toBe(reference.daysBetween(a, b));
      }),
      runs,
    );
  });

  it("addDays, addMonths, addYears (month ends and leap days clamp as Temporal does)", () => {
    const monthEnd = fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => Temporal.PlainDate.from({ year: y, month: m, day: 31 }).toString());
    fc.assert(
      fc.property(fc.oneof(dateArb, monthEnd), fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        expect(fast.addDays(d, n)).toBe(reference.addDays(d, n));
        expect(fast.addMonths(d, n % 40)).toBe(reference.addMonths(d, n % 40));
        expect(fast.addYears(d, n % 60)).toBe(reference.addYears(d, n % 60));
      }),
      runs,
    );
  });

  it("isWeekend, isLegalHoliday, isBusinessDay, rollForward", () => {
    fc.assert(
      fc.property(
        dateArb.chain((d) => fc.tuple(fc.constant(d), fc.oneof(nearClosures(d), closuresArb))),
        ([d, closures]) => {
          expect(fast.isWeekend(d)).toBe(reference.isWeekend(d));
          expect(fast.isLegalHoliday(d, closures)).toBe(reference.isLegalHoliday(d, closures));
          expect(fast.isBusinessDay(d, closures)).toBe(reference.isBusinessDay(d, closures));
          expect(fast.rollForward(d, closures)).toBe(reference.rollForward(d, closures));
        },
      ),
      runs,
    );
  });

  it("periodDue and addBusinessDays", () => {
    fc.assert(
      fc.property(
        dateArb.chain((d) => fc.tuple(fc.constant(d), nearClosures(d))),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 30 }),
        ([d, closures], days, business) => {
          expect(fast.periodDue(d, days, closures)).toBe(reference.periodDue(d, days, closures));
          expect(fast.addBusinessDays(d, business, closures)).toBe(
            reference.addBusinessDays(d, business, closures),
          );
        },
      ),
      runs,
    );
  });

  it("ageOn: full, partial (YYYY, YYYY-MM) and leap-day birth dates, before and after the date", () => {
    const leapBirth = fc.integer({ min: 1900, max: 2096 }).map((y) => `${y - (y % 4)}-02-29`);
    const birthArb = fc.oneof(
      dateArb,
      dateArb.map((d) => d.slice(0, 7)),
      dateArb.map((d) => d.slice(0, 4)),
      leapBirth,
    );
    const nearLeap = fc
      .integer({ min: 1900, max: 2100 })
      .chain((y) => fc.constantFrom(`${y}-02-28`, `${y}-03-01`, `${y}-02-27`));
    fc.assert(
      fc.property(birthArb, fc.oneof(dateArb, nearLeap), (birth, on) => {
        expect(fast.ageOn(birth, on)).toEqual(reference.ageOn(birth, on));
      }),
      runs,
    );
  });

  it("takes Temporal.PlainDate values as well as strings", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const p = Temporal.PlainDate.from(d);
        expect(fast.addDays(p, n)).toBe(reference.addDays(p, n));
        expect(fast.rollForward(p)).toBe(reference.rollForward(p));
        expect(fast.isBusinessDay(p)).toBe(reference.isBusinessDay(p));
      }),
      runs,
    );
  });

  it("reads other forms, and rejects invalid dates, exactly as before", () => {
    const odd = ["2025-06-02T10:00", "20250602", "2025-02-30", "2025-13-01", "", "nonsense", "+002025-06-02"];
    const births = ["2000-02-30", "2000-00", "2000-1-5", "2000-01-01-01", "abc", "1999-13", "0000-02-29"];
    for (const d of odd) {
      for (const [name, call] of Object.entries({
        addDays: (m: typeof fast | typeof reference) => m.addDays(d, 3),
        addMonths: (m: typeof fast | typeof reference) => m.addMonths(d, 1),
        compare: (m: typeof fast | typeof reference) => m.compareDates(d, "2025-06-02"),
        between: (m: typeof fast | typeof reference) => m.daysBetween("2025-06-02", d),
        roll: (m: typeof fast | typeof reference) => m.rollForward(d, ["2025-06-02"]),
        due: (m: typeof fast | typeof reference) => m.periodDue(d, 30),
        business: (m: typeof fast | typeof reference) => m.addBusinessDays(d, 5),
        weekend: (m: typeof fast | typeof reference) => m.isWeekend(d),
        age: (m: typeof fast | typeof reference) => m.ageOn("2000-05-05", d),
      }))
        expect(
          outcome(() => call(fast)),
          `${name}(${d})`,
        ).toEqual(outcome(() => call(reference)));
    }
    for (const b of births)
      expect(
        outcome(() => fast.ageOn(b, "2025-06-02")),
        b,
      ).toEqual(outcome(() => reference.ageOn(b, "2025-06-02")));
    expect(outcome(() => fast.addDays("2025-06-02", 1.5))).toEqual(
      outcome(() => reference.addDays("2025-06-02", 1.5)),
    );
  });

  describe("time zones (zones.ts): addHours, hourPeriodAlert, compareStamps", () => {
    const zones = [
      "America/New_York",
      "America/Chicago",
      "America/Los_Angeles",
      "America/Phoenix",
      "America/Anchorage",
      "Pacific/Honolulu",
      "America/Puerto_Rico",
      "America/St_Johns",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "Europe/Amsterdam",
      "UTC",
    ];
    const zoneArb = fc.constantFrom(...zones);
    const minuteArb = fc.integer({ min: 0, max: 1439 });
    const stamp = (d: string, m: number) =>
      `${d}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    /** Dates in March, April, October and November, when most zones change their clocks. */
    const switchDate = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.constantFrom(3, 4, 10, 11),
        fc.integer({ min: 1, max: 30 }),
      )
      .map(([y, m, d]) => Temporal.PlainDate.from({ year: y, month: m, day: d }).toString());
    const stampArb = fc.tuple(fc.oneof(dateArb, switchDate), minuteArb).map(([d, m]) => stamp(d, m));

    it("agree with Temporal, across daylight-saving changes and zones with odd offsets", () => {
      fc.assert(
        fc.property(stampArb, stampArb, fc.integer({ min: -300, max: 300 }), zoneArb, (a, b, hours, tz) => {
          expect(fast.addHours(a, hours, tz)).toBe(reference.addHours(a, hours, tz));
          expect(fast.hourPeriodAlert(a, hours, 0.75, tz)).toBe(
            reference.hourPeriodAlert(a, hours, 0.75, tz),
          );
          expect(fast.compareStamps(a, b, tz)).toBe(reference.compareStamps(a, b, tz));
          expect(fast.compareStamps(a, b.slice(0, 10), tz)).toBe(
            reference.compareStamps(a, b.slice(0, 10), tz),
          );
        }),
        { numRuns: 2500 },
      );
    });

    it("agree with Temporal on the hours a clock change skips or repeats", () => {
      // Every 15 minutes of the days of US changes in 2025 and 2026, in each direction.
      for (const day of ["2025-03-09", "2025-11-02", "2026-03-08", "2026-11-01"])
        for (let m = 0; m < 1440; m += 15)
          for (const tz of ["America/New_York", "America/Los_Angeles"])
            for (const hours of [-48, -1, 0, 1, 2, 24, 48, 72]) {
              const a = stamp(day, m);
              expect(fast.addHours(a, hours, tz)).toBe(reference.addHours(a, hours, tz));
              expect(fast.compareStamps(a, stamp(day, 150), tz)).toBe(
                reference.compareStamps(a, stamp(day, 150), tz),
              );
            }
    });

    it("compute a plain local time away from a change without Temporal, to the same instant", () => {
      const local = parseLocalMinutes("2025-06-02T10:00");
      const expected = Temporal.PlainDateTime.from("2025-06-02T10:00").toZonedDateTime("America/New_York");
      expect(local === undefined ? undefined : localToEpoch(local, "America/New_York")).toBe(
        expected.epochMilliseconds / 60_000,
      );
      // Within a day of the March 2025 change, Temporal decides.
      const near = parseLocalMinutes("2025-03-09T12:00");
      expect(near === undefined ? "unparsed" : localToEpoch(near, "America/New_York")).toBeUndefined();
    });

    it("fall back to Temporal for other forms, fractions and unknown zones", () => {
      const cases: [string, number, string][] = [
        ["2025-06-02", 5, "America/New_York"],
        ["2025-06-02T10:00:30", 5, "America/New_York"],
        ["2025-06-02T24:00", 5, "America/New_York"],
        ["2025-06-02T10:00", 1.5, "America/New_York"],
        ["2025-06-02T10:00", 5, "Mars/Olympus_Mons"],
        ["2025-06-02T1:00", 5, "UTC"],
      ];
      for (const [s, h, tz] of cases) {
        expect(
          outcome(() => fast.addHours(s, h, tz)),
          `${s} ${h} ${tz}`,
        ).toEqual(outcome(() => reference.addHours(s, h, tz)));
        expect(outcome(() => fast.compareStamps(s, "2025-06-02T09:00", tz))).toEqual(
          outcome(() => reference.compareStamps(s, "2025-06-02T09:00", tz)),
        );
      }
    });
  });
});
