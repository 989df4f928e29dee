import { describe, expect, it } from "vitest";
import { dp01, dp02, dp03 } from "./dp.js";
import { events, outcomeOf } from "./testing/history.js";

const order = (extra: Record<string, unknown> = {}) => ({
  on: "2025-05-12",
  type: "order.issued",
  by: "IJ",
  kind: "removal",
  delivery: "oral",
  countries: ["GT"],
  ...extra,
});
const schedule = { type: "removal.schedule", on: "2025-05-13", country: "GT" };

describe("DP-01 competency", () => {
  const waived = events(order(), { on: "2025-05-12", type: "appeal.waived" });
  it("reviews a waiver by a person with competency indicators and allows it without them", () => {
    expect(outcomeOf(dp01, { person: { competencyConcerns: true }, events: waived }, schedule)).toBe(
      "REVIEW",
    );
    expect(outcomeOf(dp01, { events: waived }, schedule)).toBe("ALLOW");
  });
  it("does not fire when no waiver is involved", () => {
    expect(
      outcomeOf(
        dp01,
        { person: { competencyConcerns: true }, events: events(order()) },
        { ...schedule, on: "2025-06-20" },
      ),
    ).toBeUndefined();
  });
  it("covers voluntary return", () => {
    expect(
      outcomeOf(
        dp01,
        { person: { competencyConcerns: true } },
        { type: "return.voluntary", on: "2025-05-13", country: "GT" },
      ),
    ).toBe("REVIEW");
  });
});

describe("DP-02 stipulated removal", () => {
  const stip = (extra: Record<string, unknown>[] = []) =>
    events(order({ kind: "stipulated_removal" }), ...extra);
  it("blocks without an interpreter record and reviews with one", () => {
    expect(outcomeOf(dp02, { person: { languages: ["es"] }, events: stip() }, schedule)).toBe("BLOCK");
    expect(
      outcomeOf(
        dp02,
        {
          person: { languages: ["es"] },
          events: stip([{ on: "2025-05-12", type: "interpreter.recorded", language: "es" }]),
        },
        schedule,
      ),
    ).toBe("REVIEW");
    expect(outcomeOf(dp02, { person: { languages: ["en"] }, events: stip() }, schedule)).toBe("REVIEW");
  });
  it("is silent for an ordinary removal order", () => {
    expect(outcomeOf(dp02, { events: events(order()) }, schedule)).toBeUndefined();
  });
});

describe("DP-03 counsel of record", () => {
  const hearing = { date: "2025-05-20", time: "09:00", place: "Immigration Court, Dallas, TX" };
  const serve = (servedTo: unknown) => ({
    type: "nta.serve",
    on: "2025-04-01",
    hearing,
    servedTo,
    method: "personal",
  });
  const counsel = events({ on: "2025-03-01", type: "counsel.appeared", form: "G-28" });
  it("blocks service that omits counsel of record and allows service that includes counsel", () => {
    expect(outcomeOf(dp03, { events: counsel }, serve("person"))).toBe("BLOCK");
    expect(outcomeOf(dp03, { events: counsel }, serve(["person", "counsel"]))).toBe("ALLOW");
    expect(outcomeOf(dp03, {}, serve("person"))).toBeUndefined();
  });
  it("stops requiring counsel after withdrawal", () => {
    const withdrawn = events(
      { on: "2025-03-01", type: "counsel.appeared", form: "G-28" },
      { on: "2025-03-15", type: "counsel.withdrawn" },
    );
    expect(outcomeOf(dp03, { events: withdrawn }, serve("person"))).toBeUndefined();
  });
  it("warns on a transfer out of the area", () => {
    expect(
      outcomeOf(
        dp03,
        { events: counsel },
        { type: "transfer", on: "2025-04-01", toFacility: { kind: "adult" }, outOfArea: true },
      ),
    ).toBe("WARN");
  });
});
