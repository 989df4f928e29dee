/**
 * Tiny random placement instances for property tests (few beds, so capacity and the hard
 * constraints bite), shared by the engines' tests so that each engine is checked on the same kind.
 */
import fc from "fast-check";
import { facilityKinds, type Instance } from "./types.js";

const point = fc.record({
  lat: fc.double({ min: 25, max: 48, noNaN: true }),
  lon: fc.double({ min: -124, max: -67, noNaN: true }),
});

export const tinyInstance = fc
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

/** Equal up to float rounding, relative to b. */
export const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
