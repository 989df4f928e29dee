import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce, violations } from "./check.test-helpers.js";
import { generateInstance } from "./generate.js";
import { planCost, solvePlacement } from "./solve.js";
import { facilityKinds, type Instance } from "./types.js";

const point = fc.record({
  lat: fc.double({ min: 25, max: 48, noNaN: true }),
  lon: fc.double({ min: -124, max: -67, noNaN: true }),
});

/** Tiny random instances with few beds, so capacity and the hard constraints bite. */
const tinyInstance = fc
  .record({
    facilities: fc.array(
      fc.record({
        at: point,
        male: fc.integer({ min: 0, max: 2 }),
        female: fc.integer({ min: 0, max: 2 }),
        kinds: fc.subarray([...facilityKinds], { minLength: 1 }),
        levels: fc.subarray([1, 2, 3], { minLength: 1 }),
        medical: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({
        sex: fc.constantFrom("male" as const, "female" as const),
        kind: fc.constantFrom(...facilityKinds),
        level: fc.integer({ min: 1, max: 3 }),
        medicalNeed: fc.integer({ min: 0, max: 2 }),
        current: fc.option(fc.nat(), { nil: null }),
        anchors: fc.array(fc.record({ at: point, weight: fc.double({ min: 0, max: 3, noNaN: true }) }), {
          maxLength: 3,
        }),
      }),
      { maxLength: 6 },
    ),
    transferPenalty: fc.double({ min: 0, max: 500, noNaN: true }),
  })
  .map(
    (r): Instance => ({
      facilities: r.facilities.map((f, i) => ({
        id: `F${i}`,
        ...f.at,
        beds: { male: f.male, female: f.female },
        kinds: f.kinds,
        levels: f.levels,
        medical: f.medical,
      })),
      people: r.people.map((p, i) => ({
        id: `P${i}`,
        sex: p.sex,
        kind: p.kind,
        level: p.level,
        medicalNeed: p.medicalNeed,
        current: p.current === null ? null : `F${p.current % r.facilities.length}`,
        anchors: p.anchors.map((a) => ({ ...a.at, weight: a.weight })),
      })),
      transferPenalty: r.transferPenalty,
    }),
  );

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** The engine is exact for costs rounded to hundredths, so a plan may differ from the real optimum by 0.01 per person. */
const withinRounding = (a: number, b: number, people: number) =>
  Math.abs(a - b) <= 0.01 * people + 1e-6 * Math.max(1, Math.abs(b));

describe("scaling engine (cost-scaling min-cost flow with pricing)", () => {
  it("matches brute force on tiny instances: most placed, then least cost; constraints hold; bound <= objective", async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance, async (instance) => {
        const result = await solvePlacement(instance, { engine: "scaling", nearest: 1, reasons: false });
        expect(violations(instance, result)).toEqual([]);
        const best = bruteForce(instance);
        expect(result.assignments.length).toBe(best.placed);
        expect(withinRounding(result.objective, best.cost, instance.people.length)).toBe(true);
        expect(result.bound).toBeLessThanOrEqual(best.cost + 1e-6 * Math.max(1, best.cost));
      }),
      { numRuns: 80 },
    );
  });

  it.each([
    { seed: 3, bedRatio: 1.1 },
    { seed: 11, bedRatio: 0.8 }, // beds short: exactly people - maxPlaceable stay unplaced
  ])("equals the HiGHS optimum on 400 x 25 generated instances (%o)", async ({ seed, bedRatio }) => {
    const instance = generateInstance({ people: 400, facilities: 25, seed, bedRatio });
    const [scaling, highs] = await Promise.all([
      solvePlacement(instance, { engine: "scaling", nearest: 2, reasons: false }),
      solvePlacement(instance, { engine: "highs", reasons: false }),
    ]);
    expect(violations(instance, scaling)).toEqual([]);
    expect(scaling.assignments.length).toBe(highs.assignments.length);
    expect(scaling.assignments.length).toBe(scaling.stats!.maxPlaceable);
    expect(withinRounding(scaling.objective, highs.objective, 400)).toBe(true);
    expect(close(scaling.objective, planCost(instance, scaling.assignments))).toBe(true);
    // The bound is a true lower bound: never above the exact (HiGHS) optimum.
    expect(scaling.bound).toBeLessThanOrEqual(highs.objective + 1e-6 * highs.objective);
    expect(scaling.stats!.lpSolves).toBeGreaterThan(1); // the warm start after pricing was exercised
    expect(scaling.stats!.relativeGap).toBeLessThan(1e-5);
    if (bedRatio < 1) expect(scaling.unplaced.length).toBeGreaterThan(0);
  });
});
