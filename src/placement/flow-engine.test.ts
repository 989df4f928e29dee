import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce, violations } from "./check.test-helpers.js";
import { generateInstance } from "./generate.js";
import { planCost, solvePlacement } from "./solve.js";
import { close, tinyInstance } from "./tiny-instances.test-helpers.js";

describe("flow engine (TypeScript min-cost flow with pricing)", () => {
  it("matches brute force on tiny instances: most placed, then least cost; constraints hold; bound <= objective", async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance, async (instance) => {
        const result = await solvePlacement(instance, { engine: "flow", nearest: 1, reasons: false });
        expect(violations(instance, result)).toEqual([]);
        const best = bruteForce(instance);
        expect(result.assignments.length).toBe(best.placed);
        expect(close(result.objective, best.cost)).toBe(true);
        expect(close(result.objective, planCost(instance, result.assignments))).toBe(true);
        expect(result.bound).toBeLessThanOrEqual(result.objective);
      }),
      { numRuns: 80 },
    );
  });

  it.each([
    { seed: 3, bedRatio: 1.1 },
    { seed: 11, bedRatio: 0.8 }, // beds short: exactly people - maxPlaceable stay unplaced
  ])("equals the HiGHS optimum on 400 x 25 generated instances (%o)", async ({ seed, bedRatio }) => {
    const instance = generateInstance({ people: 400, facilities: 25, seed, bedRatio });
    const [flow, highs] = await Promise.all([
      solvePlacement(instance, { engine: "flow", nearest: 2, reasons: false }),
      solvePlacement(instance, { engine: "highs", reasons: false }),
    ]);
    expect(violations(instance, flow)).toEqual([]);
    expect(flow.assignments.length).toBe(highs.assignments.length);
    expect(flow.assignments.length).toBe(flow.stats!.maxPlaceable);
    expect(close(flow.objective, highs.objective)).toBe(true);
    expect(flow.bound).toBeLessThanOrEqual(flow.objective);
    // Pricing proved the restricted optimum optimal for the full problem, so the bound meets the objective.
    expect(flow.stats!.violatedArcs).toBe(0);
    expect(flow.stats!.lpSolves).toBeGreaterThan(1); // the warm start after pricing was exercised
    expect(flow.stats!.relativeGap).toBeLessThan(1e-6);
    if (bedRatio < 1) expect(flow.unplaced.length).toBeGreaterThan(0);
  });
});
