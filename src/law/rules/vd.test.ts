import { describe, expect, it } from "vitest";
import { deadline, events, outcomeOf } from "./testing/history.js";
import { vd04, vd05, vd06 } from "./vd/consequences.js";
import { vd01, vd02, vd03 } from "./vd/grant.js";

const vdOrder = (extra: Record<string, unknown> = {}) => ({
  on: "2025-03-10",
  type: "order.issued",
  by: "IJ",
  kind: "voluntary_departure",
  delivery: "oral",
  countries: ["MX"],
  vdDays: 120,
  vdStage: "pre",
  ...extra,
});
const waived = { on: "2025-03-10", type: "appeal.waived", knowing: true };
const pre = { events: events(vdOrder(), waived) };

describe("VD-01 / VD-03 maximum 120 days before conclusion", () => {
  it("allows an extension to day 120 and blocks day 121", () => {
    expect(
      outcomeOf(vd01, pre, { type: "vd.extend", on: "2025-05-01", until: "2025-07-08", by: "DHS" }),
    ).toBe("ALLOW");
    expect(
      outcomeOf(vd01, pre, { type: "vd.extend", on: "2025-05-01", until: "2025-07-09", by: "DHS" }),
    ).toBe("BLOCK");
    expect(
      outcomeOf(vd03, pre, { type: "vd.extend", on: "2025-05-01", until: "2025-07-09", by: "DHS" }),
    ).toBe("BLOCK");
  });
  it("blocks an extension by the IJ even within the maximum", () => {
    expect(outcomeOf(vd03, pre, { type: "vd.extend", on: "2025-05-01", until: "2025-06-01", by: "IJ" })).toBe(
      "BLOCK",
    );
    expect(
      outcomeOf(vd03, pre, { type: "vd.extend", on: "2025-05-01", until: "2025-06-01", by: "DHS" }),
    ).toBe("ALLOW");
  });
  it("caps a pre-conclusion grant at 120 days and bars an aggravated felon", () => {
    expect(
      outcomeOf(vd01, {}, { type: "vd.grant", on: "2025-03-10", stage: "pre", days: 120, by: "IJ" }),
    ).toBe("ALLOW");
    expect(
      outcomeOf(vd01, {}, { type: "vd.grant", on: "2025-03-10", stage: "pre", days: 121, by: "IJ" }),
    ).toBe("BLOCK");
    const felon = { events: events({ on: "2020-01-01", type: "conviction", category: "aggravated_felony" }) };
    expect(
      outcomeOf(vd01, felon, { type: "vd.grant", on: "2025-03-10", stage: "pre", days: 60, by: "IJ" }),
    ).toBe("BLOCK");
  });
  it("computes the departure date without rolling it past the statutory maximum", () => {
    expect(deadline(vd04, pre, { type: "none", on: "2025-04-01" }, "vd.depart_by")).toEqual(["2025-07-08"]);
  });
});

describe("VD-02 post-conclusion: 60 days and the bond", () => {
  it("caps the grant at 60 days and refuses a DHS grant", () => {
    expect(
      outcomeOf(vd02, {}, { type: "vd.grant", on: "2025-07-01", stage: "post", days: 60, by: "IJ" }),
    ).toBe("ALLOW");
    expect(
      outcomeOf(vd02, {}, { type: "vd.grant", on: "2025-07-01", stage: "post", days: 61, by: "IJ" }),
    ).toBe("BLOCK");
    expect(
      outcomeOf(vd02, {}, { type: "vd.grant", on: "2025-07-01", stage: "post", days: 30, by: "DHS" }),
    ).toBe("BLOCK");
  });
  it("requires one year of presence before the NTA", () => {
    const served = (entry: string) => ({
      events: events(
        { on: entry, type: "entry", manner: "ewi" },
        { on: "2024-06-03", type: "nta.served", hearing: null, servedTo: "person", method: "personal" },
      ),
    });
    const grant = { type: "vd.grant", on: "2025-07-01", stage: "post", days: 60, by: "IJ" };
    expect(outcomeOf(vd02, served("2023-06-03"), grant)).toBe("ALLOW");
    expect(outcomeOf(vd02, served("2023-06-04"), grant)).toBe("BLOCK");
  });
  const post = (posted?: string) => ({
    events: events(
      vdOrder({ on: "2025-11-26", vdDays: 60, vdStage: "post", vdBond: 500 }),
      ...(posted ? [{ on: posted, type: "vd.bond_posted" }] : []),
    ),
  });
  it("counts the bond's 5 business days past Thanksgiving", () => {
    expect(deadline(vd02, post(), { type: "none", on: "2025-11-27" }, "vd.bond_due")).toEqual(["2025-12-04"]);
  });
  it("blocks penalties after a missed bond; a bond posted on the due date is in time", () => {
    expect(outcomeOf(vd02, post(), { type: "vd.penalty.record", on: "2025-12-05" })).toBe("BLOCK");
    expect(outcomeOf(vd02, post("2025-12-04"), { type: "vd.penalty.record", on: "2025-12-05" })).toBe(
      "ALLOW",
    );
    expect(outcomeOf(vd02, post("2025-12-05"), { type: "vd.penalty.record", on: "2025-12-06" })).toBe(
      "BLOCK",
    );
  });
});

describe("VD-04 alternate order", () => {
  const c = {
    events: events(vdOrder({ vdDays: 60, vdStage: "post", vdBond: 500 }), waived, {
      on: "2025-03-11",
      type: "vd.bond_posted",
    }),
  };
  it("blocks removal on the last day to depart and allows it the next day", () => {
    expect(outcomeOf(vd04, c, { type: "removal.schedule", on: "2025-05-09", country: "MX" })).toBe("BLOCK");
    expect(outcomeOf(vd04, c, { type: "removal.schedule", on: "2025-05-10", country: "MX" })).toBe("ALLOW");
    expect(deadline(vd04, c, { type: "none", on: "2025-04-01" }, "vd.alternate_order_effective")).toEqual([
      "2025-05-10",
    ]);
  });
});

describe("VD-05 / VD-06 termination and penalties", () => {
  const base = [
    vdOrder({ vdDays: 60, vdStage: "post", vdBond: 500 }),
    waived,
    { on: "2025-03-11", type: "vd.bond_posted" },
  ];
  const penalty = { type: "vd.penalty.record", on: "2025-06-01" };
  it("allows penalties after an overstay and computes the 10-year bar", () => {
    expect(outcomeOf(vd06, { events: events(...base) }, penalty)).toBe("ALLOW");
    expect(deadline(vd06, { events: events(...base) }, penalty, "vd.bar_ends")).toEqual(["2035-05-10"]);
  });
  it("blocks penalties on the last day of the period", () => {
    expect(
      outcomeOf(vd06, { events: events(...base) }, { type: "vd.penalty.record", on: "2025-05-09" }),
    ).toBe("BLOCK");
  });
  it("blocks penalties after a motion filed within the period, not after one filed later", () => {
    const motion = (on: string) => ({
      on,
      type: "motion.received",
      kind: "reopen",
      forum: "IJ",
      ground: "new_evidence",
    });
    expect(outcomeOf(vd05, { events: events(...base, motion("2025-05-09")) }, penalty)).toBe("BLOCK");
    expect(outcomeOf(vd06, { events: events(...base, motion("2025-05-09")) }, penalty)).toBe("BLOCK");
    expect(outcomeOf(vd05, { events: events(...base, motion("2025-05-10")) }, penalty)).toBeUndefined();
    expect(outcomeOf(vd06, { events: events(...base, motion("2025-05-10")) }, penalty)).toBe("ALLOW");
  });
  it("reviews a VAWA indicator and blocks after a verified departure", () => {
    const vawa = { on: "2025-04-01", type: "confidentiality.flag", kind: "vawa_t_u_1367" };
    expect(outcomeOf(vd06, { events: events(...base, vawa) }, penalty)).toBe("REVIEW");
    const left = { on: "2025-05-01", type: "departure.verified", country: "MX" };
    expect(outcomeOf(vd06, { events: events(...base, left) }, penalty)).toBe("BLOCK");
  });
});
