/**
 * The population series is derived from custody events; occupancy from the
 * projection. For any custody history they must agree on the last day, and a
 * booking elsewhere while held is refused by the pure one-place check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectCase, type StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { addDays } from "../../law/calendar/calendar.js";
import { ownCustodyConflict } from "./custody-guard.js";
import { custodySpans, dailyPopulation } from "./population.js";

const facilities = ["F1", "F2", "F3"] as const;
const step = fc.record({
  gap: fc.integer({ min: 0, max: 4 }),
  kind: fc.constantFrom("booked", "transferred", "released", "departed", "supersede"),
  facility: fc.option(fc.constantFrom(...facilities), { nil: undefined }),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function history(steps: Step[]): StoredEvent[] {
  const out: StoredEvent[] = [];
  let on = "2026-01-01";
  for (const s of steps) {
    on = addDays(on, s.gap);
    const seq = out.length + 1;
    const facility = { code: s.facility, kind: "adult" as const };
    let event: CaseEvent;
    if (s.kind === "booked") event = { type: "custody.booked", on, facility, authority: "236a" };
    else if (s.kind === "transferred") event = { type: "custody.transferred", on, facility };
    else if (s.kind === "released") event = { type: "custody.released", on, via: "bond" };
    else if (s.kind === "departed") event = { type: "departure.verified", on, country: "MX" };
    else if (out.length) event = { type: "event.superseded", on, supersedes: out.length, reason: "test" };
    else continue;
    out.push({ seq, event });
  }
  return out;
}

describe("population series", () => {
  it("ends on the projection's occupancy, for any custody history", () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 12 }), { maxLength: 8 }), (cases) => {
        const histories = cases.map((steps, i) => ({ caseId: `c${i}`, events: history(steps) }));
        const asOf = "2026-03-15";
        const series = dailyPopulation(histories, asOf, 10);
        for (const f of facilities) {
          const projected = histories.filter((h) => {
            const s = projectCase(h.events);
            return s.custody === "detained" && s.facilityCode === f;
          }).length;
          expect(series.byFacility.get(f)?.at(-1) ?? 0).toBe(projected);
        }
      }),
    );
  });

  it("counts a stay from its first day up to, not including, the day it ends", () => {
    const events = history([
      { gap: 0, kind: "booked", facility: "F1" },
      { gap: 2, kind: "transferred", facility: "F2" },
      { gap: 3, kind: "released", facility: undefined },
    ]);
    expect(custodySpans(events)).toEqual([
      { facility: "F1", from: "2026-01-01", to: "2026-01-03" },
      { facility: "F2", from: "2026-01-03", to: "2026-01-06" },
    ]);
    const s = dailyPopulation([{ caseId: "c", events }], "2026-01-07", 8);
    expect(s.days[0]).toBe("2025-12-31");
    expect(s.byFacility.get("F1")).toEqual([0, 1, 1, 0, 0, 0, 0, 0]);
    expect(s.byFacility.get("F2")).toEqual([0, 0, 0, 1, 1, 1, 0, 0]);
  });
});

describe("one place at a time (own projection)", () => {
  const booking = (code?: string): CaseEvent => ({
    type: "custody.booked",
    on: "2026-01-02",
    facility: { code, kind: "adult" },
    authority: "236a",
  });
  it("refuses a booking elsewhere while held, allows the same place, a transfer, or a first booking", () => {
    const held = { custody: "detained" as const, facilityCode: "F1" };
    expect(ownCustodyConflict(held, booking("F2"))).toMatch(/already held at F1/);
    expect(ownCustodyConflict(held, booking(undefined))).toMatch(/already held at F1/);
    expect(ownCustodyConflict(held, booking("F1"))).toBeNull();
    expect(
      ownCustodyConflict(held, {
        type: "custody.transferred",
        on: "2026-01-02",
        facility: { code: "F2", kind: "adult" },
      }),
    ).toBeNull();
    expect(ownCustodyConflict({ custody: "released", facilityCode: null }, booking("F2"))).toBeNull();
  });
});
