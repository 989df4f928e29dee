import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessHours,
  addDays,
  addHours,
  ageOn,
  compareStamps,
  dayNumber,
  daysBetween,
  hourPeriodAlert,
  isBusinessDay,
  isLegalHoliday,
  nthDay,
  periodDue,
  rollForward,
} from "./calendar.js";
import { federalHolidays, isFederalHoliday } from "./holidays.js";

/** Any date from 2000 to 2040 as YYYY-MM-DD. */
const dateArb = fc
  .integer({ min: 0, max: 40 * 366 })
  .map((n) => Temporal.PlainDate.from("2000-01-01").add({ days: n }).toString());
const closuresArb = fc.uniqueArray(dateArb, { maxLength: 5 });

describe("federal holidays (5 U.S.C. 6103, observed dates)", () => {
  const expected: Record<number, string[]> = {
    2020: [
      "2020-01-01",
      "2020-01-20",
      "2020-02-17",
      "2020-05-25",
      "2020-07-03",
      "2020-09-07",
      "2020-10-12",
      "2020-11-11",
      "2020-11-26",
      "2020-12-25",
    ],
    2021: [
      "2021-01-01",
      "2021-01-18",
      "2021-02-15",
      "2021-05-31",
      "2021-06-18",
      "2021-07-05",
      "2021-09-06",
      "2021-10-11",
      "2021-11-11",
      "2021-11-25",
      "2021-12-24",
      "2021-12-31",
    ],
    2022: [
      "2022-01-17",
      "2022-02-21",
      "2022-05-30",
      "2022-06-20",
      "2022-07-04",
      "2022-09-05",
      "2022-10-10",
      "2022-11-11",
      "2022-11-24",
      "2022-12-26",
    ],
    2023: [
      "2023-01-02",
      "2023-01-16",
      "2023-02-20",
      "2023-05-29",
      "2023-06-19",
      "2023-07-04",
      "2023-09-04",
      "2023-10-09",
      "2023-11-10",
      "2023-11-23",
      "2023-12-25",
    ],
    2025: [
      "2025-01-01",
      "2025-01-20",
      "2025-02-17",
      "2025-05-26",
      "2025-06-19",
      "2025-07-04",
      "2025-09-01",
      "2025-10-13",
      "2025-11-11",
      "2025-11-27",
      "2025-12-25",
    ],
    2026: [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ],
    2027: [
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-05-31",
      "2027-06-18",
      "2027-07-05",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-24",
      "2027-12-31",
    ],
  };
  for (const [year, dates] of Object.entries(expected)) {
    it(`lists the observed holidays of ${year}`, () => {
      expect(federalHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("observes Saturday holidays on Friday and Sunday holidays on Monday", () => {
    expect(isLegalHoliday("2026-07-03")).toBe(true); // July 4, 2026 is a Saturday
    expect(isLegalHoliday("2026-07-04")).toBe(false);
    expect(isLegalHoliday("2027-07-05")).toBe(true); // July 4, 2027 is a Sunday
    expect(isLegalHoliday("2022-01-01")).toBe(false); // New Year 2022 (Sat) observed Fri 2021-12-31
    expect(isLegalHoliday("2021-12-31")).toBe(true);
  });

  it("counts Juneteenth only from 2021", () => {
    expect(isLegalHoliday("2020-06-19")).toBe(false);
    expect(isLegalHoliday("2024-06-19")).toBe(true);
  });

  it("property: every observed holiday is a weekday and each year has its 10 (11 from 2021) holidays, a Saturday New Year's Day counted in the year before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const list = federalHolidays(year);
        for (const h of list) expect(Temporal.PlainDate.from(h.date).dayOfWeek).toBeLessThanOrEqual(5);
        // A Saturday New Year's Day is observed on Dec 31 of the year before.
        const ownNewYearMoved = Temporal.PlainDate.from({ year, month: 1, day: 1 }).dayOfWeek === 6 ? 1 : 0;
        const nextNewYearMoved =
          Temporal.PlainDate.from({ year: year + 1, month: 1, day: 1 }).dayOfWeek === 6 ? 1 : 0;
        expect(list.length + ownNewYearMoved - nextNewYearMoved).toBe(year >= 2021 ? 11 : 10);
        for (const h of list) expect(isFederalHoliday(Temporal.PlainDate.from(h.date))).toBe(true);
      }),
    );
  });

  it("property: Thanksgiving is the fourth Thursday of November", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const t = federalHolidays(year).find((h) => h.name === "Thanksgiving Day");
        const d = Temporal.PlainDate.from(t?.date ?? "");
        expect(d.dayOfWeek).toBe(4);
        expect(d.month).toBe(11);
        expect(d.day).toBeGreaterThanOrEqual(22);
        expect(d.day).toBeLessThanOrEqual(28);
      }),
    );
  });
});

describe("TIME-01 roll-forward and periodDue", () => {
  it("leaves a business day alone and moves weekends and holidays", () => {
    expect(rollForward("2025-07-02")).toBe("2025-07-02");
    expect(rollForward("2025-06-15")).toBe("2025-06-16"); // Sunday
    expect(rollForward("2025-11-27")).toBe("2025-11-28"); // Thanksgiving
    expect(rollForward("2025-08-31")).toBe("2025-09-02"); // Sunday, then Labor Day
    expect(rollForward("2025-07-05")).toBe("2025-07-07"); // Saturday after July 4
    expect(rollForward("2025-07-07", ["2025-07-07"])).toBe("2025-07-08"); // ad hoc closure
  });

  it("excludes the trigger day: an oral decision on 2025-06-02 is due 2025-07-02, not 07-01", () => {
    expect(periodDue("2025-06-02", 30)).toBe("2025-07-02");
    expect(periodDue("2025-05-16", 30)).toBe("2025-06-16");
    expect(periodDue("2025-10-28", 30)).toBe("2025-11-28");
    expect(periodDue("2025-01-06", 180)).toBe("2025-07-07");
  });

  it("property: the result is a business day, never before trigger + N, and every day skipped was closed", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), closuresArb, (trigger, n, closures) => {
        const due = periodDue(trigger, n, closures);
        const last = addDays(trigger, n);
        expect(isBusinessDay(due, closures)).toBe(true);
        expect(daysBetween(last, due)).toBeGreaterThanOrEqual(0);
        for (let d = last; d < due; d = addDays(d, 1)) expect(isBusinessDay(d, closures)).toBe(false);
      }),
    );
  });

  it("property: roll-forward is idempotent and monotone", () => {
    fc.assert(
      fc.property(dateArb, dateArb, closuresArb, (a, b, closures) => {
        const ra = rollForward(a, closures);
        expect(rollForward(ra, closures)).toBe(ra);
        if (a <= b) expect(ra <= rollForward(b, closures)).toBe(true);
      }),
    );
  });
});

describe("TIME-06 business days", () => {
  it("skips Thanksgiving: 5 business days after Wed 2025-11-26 is Thu 2025-12-04", () => {
    expect(addBusinessDays("2025-11-26", 5)).toBe("2025-12-04");
    expect(addBusinessDays("2025-11-26", 5, ["2025-12-01"])).toBe("2025-12-05");
    expect(addBusinessDays("2025-09-15", 5)).toBe("2025-09-22");
  });

  it("property: exactly n business days lie in (trigger, result], the result being one", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), closuresArb, (trigger, n, closures) => {
        const due = addBusinessDays(trigger, n, closures);
        expect(isBusinessDay(due, closures)).toBe(true);
        let count = 0;
        for (let d = addDays(trigger, 1); d <= due; d = addDays(d, 1))
          if (isBusinessDay(d, closures)) count++;
        expect(count).toBe(n);
      }),
    );
  });

  it("property: adding business days in two steps equals adding them at once", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), (t, a, b) => {
        expect(addBusinessDays(addBusinessDays(t, a), b)).toBe(addBusinessDays(t, a + b));
      }),
    );
  });
});

describe("TIME-05 hours", () => {
  it("keeps elapsed hours across a daylight-saving change", () => {
    expect(addHours("2025-03-08T20:00", 36)).toBe("2025-03-10T09:00"); // spring forward: wall clock gains an hour
    expect(addHours("2025-11-01T20:00", 36)).toBe("2025-11-03T07:00"); // fall back
    expect(addHours("2025-10-10T17:00", 48)).toBe("2025-10-12T17:00");
  });

  it("reads a detainer's 48 hours under 287.7(d) without weekends and holidays", () => {
    expect(addBusinessHours("2025-10-10T17:00", 48)).toBe("2025-10-15T17:00"); // Sat, Sun, Columbus Day skipped
    expect(addBusinessHours("2025-10-07T09:00", 48)).toBe("2025-10-09T09:00"); // all weekdays: same as clock hours
  });

  it("alerts at 75% of the period", () => {
    expect(hourPeriodAlert("2025-08-08T14:00", 48)).toBe("2025-08-10T02:00");
    expect(hourPeriodAlert("2025-08-08T14:00", 5)).toBe("2025-08-08T17:45");
  });

  it("property: the business-hour reading never ends before the clock-hour reading", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 96 }),
        (d, h, hours) => {
          const start = `${d}T${String(h).padStart(2, "0")}:00`;
          expect(
            compareStamps(addBusinessHours(start, hours), addHours(start, hours)),
          ).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("TIME-07 day counting and ages", () => {
  it("counts the start date as day 1", () => {
    expect(dayNumber("2025-09-15", "2025-09-15")).toBe(1);
    expect(nthDay("2025-09-15", 90)).toBe("2025-12-13");
    expect(dayNumber("2025-09-15", nthDay("2025-09-15", 181))).toBe(181);
  });

  it("bounds ages from partial birth dates", () => {
    expect(ageOn("2012-09-03", "2025-02-10")).toEqual({ min: 12, max: 12 });
    expect(ageOn("2011", "2025-06-01")).toEqual({ min: 13, max: 14 });
    expect(ageOn(undefined, "2025-06-01")).toBeUndefined();
  });
});
