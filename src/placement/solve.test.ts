import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce, referenceCost, violations } from "./check.test-helpers.js";
import { generateInstance } from "./generate.js";
import { greedyPlacement } from "./greedy.js";
import { prepare } from "./prepare.js";
import { solveInWorker } from "./run-worker.js";
import { parseInstance } from "./schema.js";
import { planCost, solvePlacement } from "./solve.js";
import { facilityKinds, type Instance } from "./types.js";

const point = fc.record({
  lat: fc.double({ min: 25, max: 48, noNaN: true }),
  lon: fc.double({ min: -124, max: -67, noNaN: true }),
});

/** Tiny random instances where constraints bite: few facilities, few beds, mixed needs. */
const tinyInstance = (maxPeople: number, maxFacilities: number) =>
  fc
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
        { minLength: 1, maxLength: maxFacilities },
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
        { maxLength: maxPeople },
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

const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe("solvePlacement", () => {
  it("never violates a hard constraint; objective is the recomputed cost; bound <= objective", async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance(12, 5), async (instance) => {
        const result = await solvePlacement(instance);
        expect(violations(instance, result)).toEqual([]);
        const recomputed = result.assignments.reduce(
          (s, a) => s + referenceCost(instance, a.person, a.facility),
          0,
        );
        expect(closeTo(result.objective, recomputed)).toBe(true);
        expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-9);
        for (const u of result.unplaced) expect(u.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 60 },
    );
  });

  it("places as many as brute force can, at the brute-force minimum cost", async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance(6, 3), async (instance) => {
        const best = bruteForce(instance);
        const result = await solvePlacement(instance);
        expect(result.assignments.length).toBe(best.placed);
        expect(closeTo(result.objective, best.cost)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("places the most people first, even when that costs more", async () => {
    // A can use near N or far X; B fits only N. Cheapest is A at N and B unplaced; we must place both.
    const f = (id: string, lon: number) => ({
      id,
      lat: 35,
      lon,
      beds: { male: 1, female: 0 },
      kinds: ["adult" as const],
      levels: [1, 2],
      medical: 0,
    });
    const person = (id: string, level: number) => ({
      id,
      sex: "male" as const,
      kind: "adult" as const,
      level,
      medicalNeed: 0,
      current: null,
      anchors: [{ lat: 35, lon: -90, weight: 1 }],
    });
    const instance: Instance = {
      facilities: [f("N", -90.1), { ...f("X", -80), levels: [1] }],
      people: [person("A", 1), person("B", 2)],
      transferPenalty: 0,
    };
    const result = await solvePlacement(instance);
    expect(result.unplaced).toEqual([]);
    expect(Object.fromEntries(result.assignments.map((a) => [a.person, a.facility]))).toEqual({
      A: "X",
      B: "N",
    });
    expect(result.assignments.find((a) => a.person === "A")!.reason).toMatch(
      /N .*all go to people for whom it saves more/,
    );
  });

  it("says who is left out when beds are short, and why", async () => {
    const instance = generateInstance({ people: 400, facilities: 20, seed: 5, bedRatio: 0.8 });
    const result = await solvePlacement(instance);
    expect(result.unplaced.length).toBeGreaterThanOrEqual(400 - Math.floor(400 * 0.8) - 20);
    expect(violations(instance, result)).toEqual([]);
    for (const u of result.unplaced) expect(u.reason).toMatch(/beds short|no facility can take/);
    expect(closeTo(result.objective, planCost(instance, result.assignments))).toBe(true);
    expect(result.stats!.violatedArcs).toBe(0); // proven optimal
    expect(result.bound).toBeLessThanOrEqual(result.objective);
  });

  it("aggregate engine keeps the constraints and reports a valid bound", async () => {
    const instance = generateInstance({ people: 1500, facilities: 40, seed: 11 });
    const exact = await solvePlacement(instance, { engine: "highs", reasons: false });
    const approx = await solvePlacement(instance, { engine: "aggregate", reasons: false });
    expect(violations(instance, approx)).toEqual([]);
    expect(approx.assignments.length).toBe(exact.assignments.length);
    expect(approx.bound).toBeLessThanOrEqual(exact.objective + 1e-6);
    expect(approx.objective).toBeGreaterThanOrEqual(exact.bound - 1e-6);
  });

  it("beats or equals the greedy nearest-free-bed baseline", async () => {
    const instance = generateInstance({ people: 800, facilities: 30, seed: 2, bedRatio: 1.0 });
    const result = await solvePlacement(instance, { reasons: false });
    const greedy = greedyPlacement(prepare(instance));
    const greedyAssignments = [...greedy].flatMap((f, i) =>
      f < 0 ? [] : [{ person: instance.people[i].id, facility: instance.facilities[f].id }],
    );
    expect(result.assignments.length).toBeGreaterThanOrEqual(greedyAssignments.length);
    if (result.assignments.length === greedyAssignments.length) {
      expect(result.objective).toBeLessThanOrEqual(planCost(instance, greedyAssignments) + 1e-6);
    }
  });
});

describe("solveInWorker", () => {
  it("solves in a worker thread with progress, same plan cost as in-process", async () => {
    const instance = generateInstance({ people: 300, facilities: 15, seed: 9 });
    const progress: string[] = [];
    const inWorker = await solveInWorker(instance, { onProgress: (m) => progress.push(m) });
    const inProcess = await solvePlacement(instance);
    expect(closeTo(inWorker.objective, inProcess.objective)).toBe(true);
    expect(progress.some((m) => m.startsWith("LP 1"))).toBe(true);
    expect(violations(instance, inWorker)).toEqual([]);
  });
});

describe("generateInstance", () => {
  it("is deterministic per seed and passes validation", () => {
    const a = generateInstance({ people: 200, facilities: 12, seed: 4 });
    expect(generateInstance({ people: 200, facilities: 12, seed: 4 })).toEqual(a);
    expect(generateInstance({ people: 200, facilities: 12, seed: 5 })).not.toEqual(a);
    expect(() => parseInstance(JSON.parse(JSON.stringify(a)))).not.toThrow();
  });
});
