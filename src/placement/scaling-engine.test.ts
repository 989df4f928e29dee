import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce, violations } from "./check.test-helpers.js";
import { generateInstance } from "./generate.js";
import { planCost, solvePlacement } from "./solve.js";
import { close, tinyInstance } from "./tiny-instances.test-helpers.js";

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
