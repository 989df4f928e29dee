import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isWeekend } from "../law/calendar/calendar.js";
import { dayNumber, isoDay, weekday, weekdayOnOrAfter } from "./days.js";
import { Rng, stableUuid } from "./prng.js";

describe("Rng", () => {
  it("repeats its sequence for a seed and stays in range", () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(6).next()).not.toBe(xs[0]);
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
    }
  });

  it("draws by weight", () => {
    const r = new Rng(2);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10000; i++) counts[r.weighted([["a", 9] as const, ["b", 1] as const])]++;
    expect(counts.a / 10000).toBeGreaterThan(0.85);
    expect(counts.a / 10000).toBeLessThan(0.95);
  });
});

describe("stableUuid", () => {
  it("is a pure function of its label, in version-4 shape", () => {
    expect(stableUuid("x")).toBe(stableUuid("x"));
    expect(stableUuid("x")).not.toBe(stableUuid("y"));
    expect(stableUuid("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("day numbers", () => {
  it("agree with the calendar library", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (offset) => {
        const iso = addDays("2000-01-01", offset);
        const n = dayNumber(iso);
        expect(n).toBe(dayNumber("2000-01-01") + offset);
        expect(isoDay(n)).toBe(iso);
        expect(weekday(n) >= 6).toBe(isWeekend(iso));
        expect(isWeekend(isoDay(weekdayOnOrAfter(n)))).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(dayNumber("1970-01-01")).toBe(0);
  });
});
