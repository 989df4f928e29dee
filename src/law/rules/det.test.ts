import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../calendar/calendar.js";
import { day181Of } from "../facts/removal-period.js";
import { booked, due, hist, ijOrder, outcome, verdict } from "./det/test-kit.js";
import { detRules } from "./det.js";

const run = (
  h: ReturnType<typeof hist>,
  action: Record<string, unknown> & { type: string; on: string },
  config = {},
) => verdict(detRules, h, action, config);
const cont = (on: string) => ({ type: "detention.continue", on });
const refuse = (on: string) => ({ type: "bond.refuse_jurisdiction", on });

describe("DET-01 detention authority", () => {
  const ewi = { entry: { on: "2012-05-20", manner: "ewi" } };
  const interior = [
    { on: "2012-05-20", type: "entry", manner: "ewi" },
    { on: "2026-03-10", type: "arrest", basis: "i200", location: "street" },
    booked("2026-03-10", "235b"),
  ];
  it("blocks continued detention with no recorded authority", () => {
    const h = hist([{ on: "2026-03-10", type: "arrest", basis: "i200", location: "street" }]);
    expect(outcome(run(h, cont("2026-03-11")), "DET-01")).toBe("BLOCK");
  });
  it("follows the circuit and class table for an interior EWI under 235(b)(2)(A)", () => {
    const h = hist(interior, ewi);
    expect(outcome(run(h, refuse("2026-03-11"), { circuit: "5" }), "DET-01")).toBe("ALLOW");
    expect(
      outcome(run(h, refuse("2026-03-11"), { circuit: "9", classes: ["maldonado_bautista"] }), "DET-01"),
    ).toBe("BLOCK");
    expect(outcome(run(h, refuse("2026-03-11"), { circuit: "2" }), "DET-01")).toBe("REVIEW");
  });
  it("refuses 235(b)(2)(A) for an admitted person (236(a) governs)", () => {
    const h = hist([{ on: "2022-06-15", type: "entry", manner: "admitted" }, ...interior.slice(1)]);
    expect(outcome(run(h, refuse("2026-03-11"), { circuit: "5" }), "DET-01")).toBe("BLOCK");
    expect(outcome(run(h, refuse("2026-03-11")), "DET-02")).toBe("BLOCK");
  });
  it("does not contest 235(b) for a person booked within 14 days of entry, but does after", () => {
    const at = (bookOn: string) =>
      hist([booked(bookOn, "235b", "cbp_holding")], { entry: { on: "2025-07-01", manner: "ewi" } });
    expect(outcome(run(at("2025-07-15"), cont("2025-07-16")), "DET-01")).toBe("ALLOW");
    expect(outcome(run(at("2025-07-16"), cont("2025-07-17")), "DET-01")).toBe("REVIEW");
  });
  it("fails closed when the manner of entry of an interior arrest is unknown", () => {
    expect(outcome(run(hist(interior.slice(1)), cont("2026-03-11")), "DET-01")).toBe("REVIEW");
  });
});

describe("DET-02 custody redetermination under 236(a)", () => {
  it("blocks continued detention that skips the I-286, and notes one merely not recorded", () => {
    const h = hist([booked("2025-05-01", "236a")]);
    expect(outcome(run(h, { ...cont("2025-05-04"), i286Served: false }), "DET-02")).toBe("BLOCK");
    const v = run(h, cont("2025-05-04"));
    expect(outcome(v, "DET-02")).toBe("ALLOW");
    expect(v.findings.find((f) => f.rule === "DET-02")?.message).toMatch(
      /no custody determination \(I-286\) is recorded/,
    );
  });
  it("warns on a bond below $1,500 and not at $1,500", () => {
    const bond = (amount: number) =>
      hist([
        booked("2025-05-01", "236a"),
        { on: "2025-05-01", type: "custody.determination", decision: "bond", bond: amount },
      ]);
    expect(outcome(run(bond(1499), cont("2025-05-10")), "DET-02")).toBe("WARN");
    expect(outcome(run(bond(1500), cont("2025-05-10")), "DET-02")).toBe("ALLOW");
  });
});

describe("DET-03 mandatory detention", () => {
  const base = [{ on: "2019-07-01", type: "entry", manner: "ewi" }];
  it("blocks 236(c) without a triggering document; allows on a conviction", () => {
    expect(outcome(run(hist([...base, booked("2025-04-15", "236c")]), cont("2025-05-01")), "DET-03")).toBe(
      "BLOCK",
    );
    const convicted = hist([
      ...base,
      { on: "2024-01-10", type: "conviction", category: "drug" },
      booked("2025-04-15", "236c"),
    ]);
    expect(outcome(run(convicted, cont("2025-05-01")), "DET-03")).toBe("ALLOW");
  });
  it("follows the policy switch after a dismissed Laken Riley charge", () => {
    const events = [
      ...base,
      { on: "2025-03-02", type: "charge.filed", category: "shoplifting" },
      { on: "2025-04-15", type: "charge.dismissed", category: "shoplifting" },
      booked("2025-04-15", "236c"),
    ];
    const h = hist(events);
    expect(outcome(run(h, cont("2025-05-01")), "DET-03")).toBe("REVIEW");
    expect(
      outcome(run(h, cont("2025-05-01"), { policy: { lakenRileyAfterDismissal: "mandatory" } }), "DET-03"),
    ).toBe("ALLOW");
    expect(
      outcome(run(h, cont("2025-05-01"), { policy: { lakenRileyAfterDismissal: "release" } }), "DET-03"),
    ).toBe("BLOCK");
    const pending = hist(events.filter((e) => e.type !== "charge.dismissed"));
    expect(outcome(run(pending, cont("2025-05-01")), "DET-03")).toBe("ALLOW");
  });
  it("sets the 6- and 12-month alerts on the same day of the month, clamped at month end", () => {
    const v = run(hist([...base, booked("2025-08-31", "236c")]), { type: "none", on: "2025-09-01" });
    expect(due(v, "prolonged_detention.month6")).toBe("2026-02-28");
    expect(due(v, "prolonged_detention.month12")).toBe("2026-08-31");
  });
});

describe("DET-04/05/06 post-order detention", () => {
  // BIA dismissal makes the order final on its date; day 1 = that date (TIME-07).
  const postOrder = (extra: Record<string, unknown>[] = []) =>
    hist([
      booked("2024-08-19", "236a"),
      ijOrder("2024-10-07"),
      { on: "2024-10-28", type: "appeal.received", forum: "BIA" },
      { on: "2025-02-03", type: "appeal.decided", forum: "BIA", outcome: "dismissed" },
      booked("2025-02-03", "241a"),
      ...extra,
    ]);
  it("counts day 90 from finality without rolling forward and blocks on day 91 without a 241.4 decision", () => {
    const h = postOrder();
    expect(due(run(h, cont("2025-05-03")), "removal_period.day90")).toBe("2025-05-03");
    expect(outcome(run(h, cont("2025-05-03")), "DET-04")).toBe("ALLOW");
    expect(outcome(run(h, cont("2025-05-04")), "DET-04")).toBe("BLOCK");
    expect(outcome(run(h, cont("2025-05-04")), "DET-05")).toBe("BLOCK");
  });
  it("allows detention past day 90 on a 241.4 decision or a documented refusal to cooperate", () => {
    const decided = postOrder([
      { on: "2025-04-30", type: "custody.review", kind: "241.4", decision: "detain" },
    ]);
    expect(outcome(run(decided, cont("2025-05-04")), "DET-04")).toBe("ALLOW");
    expect(outcome(run(decided, cont("2025-05-04")), "DET-05")).toBe("ALLOW");
    const refused = postOrder([{ on: "2025-03-01", type: "cooperation.refused", warning: true }]);
    expect(outcome(run(refused, cont("2025-05-04")), "DET-04")).toBe("ALLOW");
    const unwarned = postOrder([{ on: "2025-03-01", type: "cooperation.refused", warning: false }]);
    expect(outcome(run(unwarned, cont("2025-05-04")), "DET-04")).toBe("BLOCK");
  });
  it("dates the 241.4 notice 30 days before day 90 and reports it overdue once it passes", () => {
    const h = postOrder();
    expect(due(run(h, cont("2025-04-03")), "custody_review.notice_due")).toBe("2025-04-03");
    const msg = (on: string) => run(h, cont(on)).findings.find((f) => f.rule === "DET-05")?.message;
    expect(msg("2025-04-03")).toMatch(/notice due 2025-04-03/);
    expect(msg("2025-04-04")).toMatch(/overdue/);
  });
  it("starts the period the day after the appeal deadline when no appeal is filed", () => {
    const h = hist([booked("2025-02-01", "236a"), ijOrder("2025-03-03")]);
    // Appeal due Wed 2025-04-02; final from 2025-04-03 = day 1; day 90 = 2025-07-01.
    expect(due(run(h, { type: "none", on: "2025-04-10" }), "removal_period.day90")).toBe("2025-07-01");
    expect(due(run(h, { type: "none", on: "2025-04-02" }), "removal_period.day90")).toBeUndefined();
  });
  it("does not start the period while a court's stay is in force; the 9th Circuit treats detention as 236(a)", () => {
    const h = postOrder([
      { on: "2025-02-20", type: "pfr.filed", circuit: "9", stayRequested: true },
      { on: "2025-02-25", type: "stay.granted", by: "circuit", pending: "petition for review" },
    ]);
    const v = run(h, cont("2025-06-01"), { circuit: "9" });
    expect(due(v, "removal_period.day90")).toBeUndefined();
    expect(outcome(v, "DET-04")).toBe("REVIEW");
    expect(outcome(run(h, cont("2025-06-01"), { circuit: "11" }), "DET-04")).toBe("ALLOW");
  });
  it("day 181 is the earlier of start + 180 days and six calendar months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const start = addDays("2020-01-01", n);
        const d = day181Of(start);
        return (
          d <= addDays(start, 180) &&
          d <= addMonths(start, 6) &&
          (d === addDays(start, 180) || d === addMonths(start, 6))
        );
      }),
    );
    expect(day181Of("2025-02-03")).toBe("2025-08-02");
  });
  it("is presumptively reasonable before day 181 and needs HQ review from day 181", () => {
    const h = postOrder([{ on: "2025-04-30", type: "custody.review", kind: "241.4", decision: "detain" }]);
    expect(outcome(run(h, cont("2025-08-01")), "DET-06")).toBe("ALLOW");
    expect(outcome(run(h, cont("2025-08-02")), "DET-06")).toBe("REVIEW");
    const noLikelihood = postOrder([
      { on: "2025-04-30", type: "custody.review", kind: "241.4", decision: "detain" },
      {
        on: "2025-07-25",
        type: "custody.review",
        kind: "241.13",
        significantLikelihood: false,
        decision: "release",
      },
    ]);
    expect(outcome(run(noLikelihood, cont("2025-08-02")), "DET-06")).toBe("BLOCK");
  });
  it("requires a revocation basis and notice to re-detain a person released after the order", () => {
    const h = postOrder([{ on: "2025-04-10", type: "custody.released", via: "supervision" }]);
    const arrest = { type: "arrest.make", on: "2025-09-01", basis: "i205", location: "street" };
    expect(outcome(run(h, arrest), "DET-05")).toBe("BLOCK");
    expect(
      outcome(
        run(h, { ...arrest, revocationBasis: "violated reporting conditions", revocationNotice: true }),
        "DET-05",
      ),
    ).toBe("ALLOW");
  });
  it("requires changed circumstances to re-detain after a 241.13 release", () => {
    const released = [
      {
        on: "2025-08-05",
        type: "custody.review",
        kind: "241.13",
        significantLikelihood: false,
        decision: "release",
      },
      { on: "2025-08-06", type: "custody.released", via: "supervision" },
    ];
    const arrest = { type: "arrest.make", on: "2025-12-01", basis: "i205", location: "street" };
    expect(outcome(run(postOrder(released), arrest), "DET-06")).toBe("BLOCK");
    const withDoc = postOrder([
      ...released,
      { on: "2025-11-20", type: "travel_document.issued", country: "HN" },
    ]);
    expect(outcome(run(withDoc, arrest), "DET-06")).toBe("ALLOW");
  });
});

describe("DET-07 automatic stay of an IJ bond order", () => {
  const events = (appealOn?: string) => [
    booked("2025-06-02", "236a"),
    { on: "2025-06-02", type: "custody.determination", decision: "detain" },
    { on: "2025-06-10", type: "custody.determination", by: "IJ", decision: "bond", bond: 3000 },
    { on: "2025-06-11", type: "stay.applied", form: "EOIR-43" },
    ...(appealOn ? [{ on: appealOn, type: "appeal.received", forum: "BIA", by: "DHS" }] : []),
  ];
  it("keeps the stay while the appeal is timely and lapses it after 90 days", () => {
    const h = hist(events("2025-06-20"));
    const v = run(h, cont("2025-07-01"));
    // Ten business days from Tue 06-10, skipping Juneteenth (Thu 06-19): Wed 06-25.
    expect(due(v, "bond_stay.appeal_due")).toBe("2025-06-25");
    expect(outcome(v, "DET-07")).toBe("ALLOW");
    expect(due(v, "bond_stay.lapses")).toBe("2025-09-18");
    expect(outcome(run(h, cont("2025-09-18")), "DET-07")).toBe("ALLOW");
    expect(outcome(run(h, cont("2025-09-19")), "DET-07")).toBe("BLOCK");
  });
  it("lapses when DHS files no appeal within ten business days", () => {
    const h = hist(events());
    expect(outcome(run(h, cont("2025-06-25")), "DET-07")).toBe("ALLOW");
    expect(outcome(run(h, cont("2025-06-26")), "DET-07")).toBe("BLOCK");
  });
});

describe("DET-08 vulnerable detainees", () => {
  it("sends pregnancy to review by default, to a warning when configured, and says nothing otherwise", () => {
    const action = { type: "detention.continue", on: "2025-07-01" };
    expect(outcome(run(hist([], { pregnantWeeks: 20 }), action), "DET-08")).toBe("REVIEW");
    expect(
      outcome(
        run(hist([], { pregnantWeeks: 20 }), action, { policy: { vulnerableDetainees: "warn" } }),
        "DET-08",
      ),
    ).toBe("WARN");
    expect(outcome(run(hist([], {}), action), "DET-08")).toBeUndefined();
  });
});
