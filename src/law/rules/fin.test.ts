import { describe, expect, it } from "vitest";
import { orderFinality } from "../facts/orders.js";
import { due, history, ijOrder, outcomeOf, run } from "./fin/test-builders.js";
import { finRules } from "./fin.js";
import { stayRules } from "./stay.js";

const rules = [...finRules, ...stayRules];

describe("FIN-01 / FIN-02: finality of an IJ order", () => {
  // Oral decision Mon 2025-03-03: day 30 = Wed 2025-04-02.
  const h = history([ijOrder("2025-03-03")]);

  it("blocks removal on the last day of the appeal period and allows it the day after", () => {
    const onDue = run(rules, h, { type: "removal.execute", on: "2025-04-02" });
    expect(outcomeOf(onDue, "FIN-01")).toBe("BLOCK");
    expect(outcomeOf(onDue, "FIN-02")).toBe("BLOCK");
    expect(due(onDue, "appeal.due")).toEqual(["2025-04-02"]);
    const after = run(rules, h, { type: "removal.execute", on: "2025-04-03" });
    expect(outcomeOf(after, "FIN-01")).toBe("ALLOW");
    expect(outcomeOf(after, "FIN-02")).toBe("ALLOW");
    expect(orderFinality(h, {}, "2025-04-03")).toMatchObject({ final: true, finalOn: "2025-04-03" });
  });

  it("rolls a day 30 that falls on a Sunday to Monday (TIME-01)", () => {
    // Mailed Fri 2025-05-16: day 30 = Sun 06-15 -> Mon 06-16.
    const mailed = history([ijOrder("2025-05-16", { delivery: "mail" })]);
    expect(orderFinality(mailed, {}, "2025-06-16")).toMatchObject({ final: false, appealDue: "2025-06-16" });
    expect(orderFinality(mailed, {}, "2025-06-17")).toMatchObject({ final: true, finalOn: "2025-06-17" });
  });

  it("counts an ad hoc closure as a holiday", () => {
    const f = orderFinality(h, { closures: ["2025-04-02"] }, "2025-04-03");
    expect(f).toMatchObject({ final: false, appealDue: "2025-04-03" });
  });

  it("keeps the order open while a timely appeal is pending; a dismissal makes it final that day", () => {
    const appealed = history([
      ijOrder("2025-03-03"),
      { on: "2025-04-02", type: "appeal.received", forum: "BIA" },
    ]);
    expect(outcomeOf(run(rules, appealed, { type: "order.mark_final", on: "2025-06-01" }), "FIN-02")).toBe(
      "BLOCK",
    );
    const dismissed = history([
      ijOrder("2025-03-03"),
      { on: "2025-04-02", type: "appeal.received", forum: "BIA" },
      { on: "2025-08-01", type: "appeal.decided", forum: "BIA", outcome: "dismissed" },
    ]);
    expect(orderFinality(dismissed, {}, "2025-08-01")).toMatchObject({ final: true, finalOn: "2025-08-01" });
    expect(outcomeOf(run(rules, dismissed, { type: "removal.execute", on: "2025-08-01" }), "FIN-01")).toBe(
      "ALLOW",
    );
  });

  it("treats a BIA remand as not final", () => {
    const remanded = history([
      ijOrder("2025-03-03"),
      { on: "2025-03-20", type: "appeal.received", forum: "BIA" },
      { on: "2025-08-01", type: "appeal.decided", forum: "BIA", outcome: "remanded" },
    ]);
    const v = run(rules, remanded, { type: "removal.execute", on: "2025-09-01" });
    expect(outcomeOf(v, "FIN-02")).toBe("BLOCK");
    expect(outcomeOf(v, "FIN-01")).toBe("BLOCK");
  });

  it("makes an in absentia order final immediately, with no appeal period", () => {
    const h2 = history([ijOrder("2025-03-03", { inAbsentia: true, delivery: "mail" })]);
    const v = run(rules, h2, { type: "removal.execute", on: "2025-03-04" });
    expect(outcomeOf(v, "FIN-01")).toBe("ALLOW");
    expect(outcomeOf(v, "STAY-01")).toBeUndefined();
    expect(due(v, "appeal.due")).toEqual([]);
  });

  it("blocks a removal when there is no order at all, but says nothing for an arrest", () => {
    const none = history([{ on: "2025-01-01", type: "entry", manner: "ewi" }]);
    expect(outcomeOf(run(rules, none, { type: "removal.schedule", on: "2025-02-01" }), "FIN-01")).toBe(
      "BLOCK",
    );
    expect(run(rules, none, { type: "arrest.make", on: "2025-02-01" }).findings).toEqual([]);
  });

  it("reports a late appeal with a tolling request as REVIEW and without one as WARN", () => {
    const late = (toll: boolean) =>
      history([ijOrder("2025-03-03"), { on: "2025-04-03", type: "appeal.received", forum: "BIA", toll }]);
    expect(outcomeOf(run(rules, late(true), { type: "removal.schedule", on: "2025-04-10" }), "FIN-02")).toBe(
      "REVIEW",
    );
    expect(outcomeOf(run(rules, late(false), { type: "removal.schedule", on: "2025-04-10" }), "FIN-02")).toBe(
      "WARN",
    );
  });
});

describe("FIN-02(f): alternate order with voluntary departure", () => {
  const vd = (extra: Record<string, unknown>[] = []) =>
    history([
      ijOrder("2025-09-15", { kind: "voluntary_departure", vdDays: 60, vdStage: "post", vdBond: 500 }),
      { on: "2025-09-15", type: "appeal.waived", knowing: true },
      ...extra,
    ]);

  it("takes effect the day after the departure period when the bond was posted", () => {
    const h = vd([{ on: "2025-09-17", type: "vd.bond_posted" }]);
    expect(orderFinality(h, {}, "2025-11-14")).toMatchObject({ final: false, finalOn: "2025-11-15" });
    expect(orderFinality(h, {}, "2025-11-15")).toMatchObject({ final: true, finalOn: "2025-11-15" });
    expect(due(run(rules, h, { type: "none", on: "2025-10-01" }), "vd.depart_by")).toEqual(["2025-11-14"]);
  });

  it("takes effect the day after the bond deadline when no bond was posted (5 business days)", () => {
    const h = vd();
    // 2025-09-15 + 5 business days = Mon 2025-09-22.
    expect(orderFinality(h, {}, "2025-09-22").final).toBe(false);
    expect(orderFinality(h, {}, "2025-09-23")).toMatchObject({ final: true, finalOn: "2025-09-23" });
  });

  it("takes effect when a motion to reopen is filed within the period", () => {
    const h = vd([
      { on: "2025-09-17", type: "vd.bond_posted" },
      { on: "2025-10-20", type: "motion.received", kind: "reopen", forum: "IJ", ground: "new_evidence" },
    ]);
    expect(orderFinality(h, {}, "2025-10-20")).toMatchObject({ final: true, finalOn: "2025-10-20" });
  });
});

describe("FIN-03: a waiver of appeal must be valid", () => {
  const order = [ijOrder("2025-05-12"), { on: "2025-05-12", type: "appeal.waived" }];

  it("sends a waiver by an unrepresented respondent to REVIEW, and a represented one to ALLOW", () => {
    const pro = run(rules, history(order, { represented: false }), {
      type: "removal.schedule",
      on: "2025-05-13",
    });
    expect(outcomeOf(pro, "FIN-03")).toBe("REVIEW");
    const rep = run(rules, history(order, { represented: true }), {
      type: "removal.schedule",
      on: "2025-05-13",
    });
    expect(outcomeOf(rep, "FIN-03")).toBe("ALLOW");
  });

  it("flags a minor on the day of the waiver but not an 18-year-old", () => {
    const at = (birthDate: string) =>
      outcomeOf(
        run(rules, history(order, { birthDate, represented: true }), {
          type: "removal.schedule",
          on: "2025-05-13",
        }),
        "FIN-03",
      );
    expect(at("2007-05-13")).toBe("REVIEW");
    expect(at("2007-05-12")).toBe("ALLOW");
  });

  it("flags competency concerns even with a waiver recorded as knowing", () => {
    const knowing = [ijOrder("2025-05-12"), { on: "2025-05-12", type: "appeal.waived", knowing: true }];
    const v = run(rules, history(knowing, { competencyConcerns: true }), {
      type: "removal.execute",
      on: "2025-05-13",
    });
    expect(outcomeOf(v, "FIN-03")).toBe("REVIEW");
    expect(
      outcomeOf(run(rules, history(knowing), { type: "removal.execute", on: "2025-05-13" }), "FIN-03"),
    ).toBe("ALLOW");
  });

  it("does not rely on an unrecorded waiver once the appeal period has also run", () => {
    const v = run(rules, history(order), { type: "removal.execute", on: "2025-06-20" });
    expect(outcomeOf(v, "FIN-03")).toBe("ALLOW");
    expect(
      outcomeOf(run(rules, history(order), { type: "removal.execute", on: "2025-05-20" }), "FIN-03"),
    ).toBe("REVIEW");
  });
});

describe("FIN-04: expedited removal", () => {
  const i860 = {
    type: "warrant.issue",
    form: "I-860",
    inadmissibilityGround: "212(a)(7)",
    supervisorApproved: true,
    swornStatement: true,
  };
  const base = (since: string) =>
    history(
      [
        { on: since, type: "entry", manner: "ewi" },
        { on: "2025-10-14", type: "fear.inquired", expressed: false },
      ],
      { usPresenceSince: since },
    );

  it("blocks at exactly two years of documented presence and reviews one day short of it", () => {
    expect(outcomeOf(run(rules, base("2023-10-14"), { ...i860, on: "2025-10-14" }), "FIN-04")).toBe("BLOCK");
    expect(outcomeOf(run(rules, base("2023-10-15"), { ...i860, on: "2025-10-14" }), "FIN-04")).toBe("REVIEW");
  });

  it("follows the configured scope for the contested interior expansion", () => {
    const cfg = (v: string) => ({ policy: { expeditedRemovalScope: v } });
    expect(
      outcomeOf(run(rules, base("2024-10-15"), { ...i860, on: "2025-10-14" }, cfg("enforce")), "FIN-04"),
    ).toBe("ALLOW");
    expect(
      outcomeOf(run(rules, base("2024-10-15"), { ...i860, on: "2025-10-14" }, cfg("blocked")), "FIN-04"),
    ).toBe("BLOCK");
  });

  it("blocks without supervisor approval or for an unaccompanied child", () => {
    expect(
      outcomeOf(
        run(rules, base("2025-10-01"), { ...i860, supervisorApproved: false, on: "2025-10-14" }),
        "FIN-04",
      ),
    ).toBe("BLOCK");
    const uac = history(base("2025-10-01").events, {
      usPresenceSince: "2025-10-01",
      unaccompaniedChild: true,
    });
    expect(outcomeOf(run(rules, uac, { ...i860, on: "2025-10-14" }), "FIN-04")).toBe("BLOCK");
  });

  it("blocks while a fear claim awaits credible-fear screening, not after a negative finding", () => {
    const feared = (screen: boolean) =>
      history(
        [
          { on: "2025-10-01", type: "entry", manner: "ewi" },
          { on: "2025-10-14", type: "fear.inquired", expressed: true },
          ...(screen
            ? [{ on: "2025-10-20", type: "fear.screened", kind: "credible", result: "negative" }]
            : []),
        ],
        { usPresenceSince: "2025-10-01" },
      );
    const cfg = { policy: { expeditedRemovalScope: "enforce" } };
    expect(outcomeOf(run(rules, feared(false), { ...i860, on: "2025-10-21" }, cfg), "FIN-04")).toBe("BLOCK");
    expect(outcomeOf(run(rules, feared(true), { ...i860, on: "2025-10-21" }, cfg), "FIN-04")).toBe("ALLOW");
  });
});

describe("FIN-05: reinstatement", () => {
  const events = (fear: Record<string, unknown>[]) => [
    ijOrder("2018-02-12"),
    { on: "2018-02-12", type: "appeal.waived", knowing: true },
    { on: "2018-04-03", type: "departure.verified", country: "HN", via: "removal" },
    { on: "2021-08-09", type: "entry", manner: "ewi" },
    {
      on: "2025-05-05",
      type: "order.issued",
      by: "DHS",
      kind: "reinstatement",
      delivery: "personal",
      countries: ["HN"],
    },
    ...fear,
  ];

  it("allows a documented reinstatement and blocks while a fear claim awaits reasonable-fear screening", () => {
    expect(
      outcomeOf(run(rules, history(events([])), { type: "removal.execute", on: "2025-05-07" }), "FIN-05"),
    ).toBe("ALLOW");
    const claimed = history(events([{ on: "2025-05-05", type: "fear.claimed", country: "HN" }]));
    expect(outcomeOf(run(rules, claimed, { type: "removal.execute", on: "2025-05-07" }), "FIN-05")).toBe(
      "BLOCK",
    );
    const screened = history(
      events([
        { on: "2025-05-05", type: "fear.claimed", country: "HN" },
        { on: "2025-05-20", type: "fear.screened", kind: "reasonable", result: "negative", country: "HN" },
      ]),
    );
    expect(outcomeOf(run(rules, screened, { type: "removal.execute", on: "2025-05-21" }), "FIN-05")).toBe(
      "ALLOW",
    );
  });

  it("blocks when no departure under the prior order is recorded", () => {
    const noDeparture = history(events([]).filter((e) => e.type !== "departure.verified"));
    expect(outcomeOf(run(rules, noDeparture, { type: "removal.execute", on: "2025-05-07" }), "FIN-05")).toBe(
      "BLOCK",
    );
  });
});

describe("FIN-06: administrative removal orders", () => {
  const faro = (person = {}) =>
    history(
      [
        { on: "2024-11-18", type: "conviction", category: "aggravated_felony" },
        {
          on: "2025-06-02",
          type: "order.issued",
          by: "DHS",
          kind: "administrative_238b",
          delivery: "personal",
          countries: ["JM"],
        },
      ],
      person,
    );

  it("blocks execution on day 14 and allows it on day 15, with the PFR clock from the FARO", () => {
    const early = run(rules, faro(), { type: "removal.execute", on: "2025-06-16", country: "JM" });
    expect(outcomeOf(early, "FIN-06")).toBe("BLOCK");
    expect(due(early, "administrative_order.earliest_execution")).toEqual(["2025-06-17"]);
    expect(due(early, "pfr.due")).toContain("2025-07-02");
    expect(
      outcomeOf(run(rules, faro(), { type: "removal.execute", on: "2025-06-17", country: "JM" }), "FIN-06"),
    ).toBe("ALLOW");
  });

  it("blocks an LPR", () => {
    const lpr = faro({ entry: { on: "2010-01-01", manner: "admitted", class: "LPR" } });
    expect(
      outcomeOf(run(rules, lpr, { type: "removal.execute", on: "2025-07-01", country: "JM" }), "FIN-06"),
    ).toBe("BLOCK");
  });
});

describe("FIN-07: vacated and terminated orders", () => {
  it("blocks after a motion to reopen is granted, not after it is denied", () => {
    const decided = (outcome: string) =>
      history([
        ijOrder("2024-01-08", { inAbsentia: true, delivery: "mail" }),
        { on: "2025-01-06", type: "motion.received", kind: "reopen", forum: "IJ", ground: "notice" },
        { on: "2025-02-03", type: "motion.decided", kind: "reopen", outcome },
      ]);
    expect(
      outcomeOf(run(rules, decided("granted"), { type: "removal.execute", on: "2025-02-10" }), "FIN-07"),
    ).toBe("BLOCK");
    expect(
      outcomeOf(run(rules, decided("denied"), { type: "removal.execute", on: "2025-02-10" }), "FIN-07"),
    ).toBeUndefined();
  });

  it("blocks after proceedings are terminated", () => {
    const h = history([
      ijOrder("2024-01-08"),
      { on: "2024-06-03", type: "order.issued", by: "IJ", kind: "termination" },
    ]);
    expect(outcomeOf(run(rules, h, { type: "removal.schedule", on: "2025-02-10" }), "FIN-07")).toBe("BLOCK");
  });
});
