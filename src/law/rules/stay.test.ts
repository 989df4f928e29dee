import { describe, expect, it } from "vitest";
import { staysInForce } from "../facts/stays.js";
import { due, history, ijOrder, outcomeOf, run } from "./fin/test-builders.js";
import { finRules } from "./fin.js";
import { stayRules } from "./stay.js";

const rules = [...finRules, ...stayRules];

describe("STAY-01 / STAY-02: the appeal stays", () => {
  // Oral decision Mon 2025-06-02: day 30 = Wed 2025-07-02.
  const appeal = (on: string, extra: Record<string, unknown> = {}) =>
    history([ijOrder("2025-06-02"), { on, type: "appeal.received", forum: "BIA", ...extra }]);

  it("blocks during the appeal period and names its end", () => {
    const v = run(rules, history([ijOrder("2025-06-02")]), {
      type: "removal.schedule",
      on: "2025-06-20",
      date: "2025-07-02",
    });
    expect(outcomeOf(v, "STAY-01")).toBe("BLOCK");
    expect(due(v, "appeal.due")).toEqual(["2025-07-02"]);
  });

  it("warns (not blocks) for a removal scheduled after the period, which FIN-01 still blocks as not final", () => {
    const v = run(rules, history([ijOrder("2025-06-02")]), {
      type: "removal.schedule",
      on: "2025-06-20",
      date: "2025-07-03",
    });
    expect(outcomeOf(v, "STAY-01")).toBe("WARN");
    expect(outcomeOf(v, "FIN-01")).toBe("BLOCK");
  });

  it("stays removal for an appeal received on day 30 but not for one received on day 31", () => {
    expect(
      outcomeOf(run(rules, appeal("2025-07-02"), { type: "removal.execute", on: "2025-07-10" }), "STAY-02"),
    ).toBe("BLOCK");
    expect(
      outcomeOf(run(rules, appeal("2025-07-03"), { type: "removal.execute", on: "2025-07-10" }), "STAY-02"),
    ).toBe("WARN");
  });

  it("follows the tolling policy for a late appeal with a request to accept it", () => {
    const late = appeal("2025-07-03", { toll: true });
    expect(outcomeOf(run(rules, late, { type: "removal.execute", on: "2025-07-10" }), "STAY-02")).toBe(
      "REVIEW",
    );
    const wait = { policy: { lateAppealWithTolling: "wait_for_bia" } };
    expect(outcomeOf(run(rules, late, { type: "removal.execute", on: "2025-07-10" }, wait), "STAY-02")).toBe(
      "BLOCK",
    );
  });

  it("ends the appeal stay with the BIA's decision", () => {
    const h = history([
      ijOrder("2025-06-02"),
      { on: "2025-07-02", type: "appeal.received", forum: "BIA" },
      { on: "2025-10-01", type: "appeal.decided", forum: "BIA", outcome: "dismissed" },
    ]);
    expect(staysInForce(h, {}, "2025-09-30").map((s) => s.rule)).toEqual(["STAY-02"]);
    expect(staysInForce(h, {}, "2025-10-01")).toEqual([]);
  });
});

describe("STAY-03: motion to reopen an in absentia order", () => {
  // In absentia Mon 2025-01-06: day 180 = Sat 07-05 -> Mon 07-07.
  const motion = (on: string, ground: string) =>
    history([
      ijOrder("2025-01-06", { inAbsentia: true, delivery: "mail" }),
      { on, type: "motion.received", kind: "reopen", forum: "IJ", ground },
    ]);

  it("stays removal for an exceptional-circumstances motion received on the rolled-forward day 180, not the day after", () => {
    const timely = run(rules, motion("2025-07-07", "exceptional_circumstances"), {
      type: "removal.execute",
      on: "2025-07-09",
    });
    expect(outcomeOf(timely, "STAY-03")).toBe("BLOCK");
    expect(due(timely, "motion.exceptional.due")).toEqual(["2025-07-07"]);
    const late = run(rules, motion("2025-07-08", "exceptional_circumstances"), {
      type: "removal.execute",
      on: "2025-07-09",
    });
    expect(outcomeOf(late, "STAY-03")).toBe("REVIEW");
  });

  it("without roll-forward (U16 off) the Monday motion is late", () => {
    const cfg = { policy: { statutoryMotionRollForward: false } };
    const v = run(
      rules,
      motion("2025-07-07", "exceptional_circumstances"),
      { type: "removal.execute", on: "2025-07-09" },
      cfg,
    );
    expect(outcomeOf(v, "STAY-03")).toBe("REVIEW");
    expect(due(v, "motion.exceptional.due")).toEqual(["2025-07-05"]);
  });

  it("stays removal for a lack-of-notice motion at any time", () => {
    expect(
      outcomeOf(
        run(rules, motion("2027-01-04", "notice"), { type: "removal.execute", on: "2027-01-05" }),
        "STAY-03",
      ),
    ).toBe("BLOCK");
  });

  it("leaves an ordinary ground to STAY-04", () => {
    const v = run(rules, motion("2025-03-03", "new_evidence"), { type: "removal.execute", on: "2025-03-05" });
    expect(outcomeOf(v, "STAY-03")).toBeUndefined();
    expect(outcomeOf(v, "STAY-04")).toBe("REVIEW"); // stay request not recorded
  });

  it("after an IJ denial with a BIA appeal pending, follows the U6 switch", () => {
    const h = history([
      ijOrder("2024-11-04", { inAbsentia: true, delivery: "mail" }),
      { on: "2025-05-01", type: "motion.received", kind: "reopen", forum: "IJ", ground: "notice" },
      { on: "2025-06-10", type: "motion.decided", kind: "reopen", outcome: "denied" },
      { on: "2025-06-20", type: "appeal.received", forum: "BIA" },
    ]);
    const act = { type: "removal.execute", on: "2025-06-23" };
    expect(outcomeOf(run(rules, h, act), "STAY-03")).toBe("REVIEW");
    expect(
      outcomeOf(run(rules, h, act, { policy: { inAbsentiaDenialAppealStay: "block" } }), "STAY-03"),
    ).toBe("BLOCK");
    expect(outcomeOf(run(rules, h, act, { policy: { inAbsentiaDenialAppealStay: "none" } }), "STAY-03")).toBe(
      "WARN",
    );
    const v = run(rules, h, act);
    expect(outcomeOf(v, "STAY-08")).toBe("WARN");
    expect(due(v, "appeal.due")).toContain("2025-07-10");
  });
});

describe("STAY-04: other motions", () => {
  const final = [ijOrder("2024-06-03"), { on: "2024-06-03", type: "appeal.waived", knowing: true }];
  const withMotion = (extra: Record<string, unknown>) =>
    history([
      ...final,
      {
        on: "2025-10-20",
        type: "motion.received",
        kind: "reopen",
        forum: "BIA",
        ground: "changed_conditions",
        ...extra,
      },
    ]);
  const act = { type: "removal.execute", on: "2025-10-22" };

  it("warns for a motion without a stay request and reviews one with a pending stay request", () => {
    expect(outcomeOf(run(rules, withMotion({ stayRequested: false }), act), "STAY-04")).toBe("WARN");
    expect(outcomeOf(run(rules, withMotion({ stayRequested: true }), act), "STAY-04")).toBe("REVIEW");
  });

  it("blocks for a VAWA special-rule motion", () => {
    expect(outcomeOf(run(rules, withMotion({ vawa: true }), act), "STAY-04")).toBe("BLOCK");
  });
});

describe("STAY-05: discretionary IJ/BIA stays and the boarding rule", () => {
  const h = (communicated: string) =>
    history([
      ijOrder("2024-06-03"),
      { on: "2024-06-03", type: "appeal.waived", knowing: true },
      {
        on: "2025-11-03",
        type: "motion.received",
        kind: "reopen",
        forum: "BIA",
        ground: "new_evidence",
        stayRequested: true,
      },
      { on: "2025-11-05", type: "stay.granted", by: "BIA", pending: "adjudication of the motion to reopen" },
      { on: "2025-11-05", type: "stay.communicated", at: communicated },
    ]);
  const flight = { type: "flight.depart", on: "2025-11-05", at: "10:30", boardingCompletedAt: "09:55" };

  it("blocks a flight when the stay arrived before boarding was completed", () => {
    const v = run(rules, h("09:50"), flight);
    expect(outcomeOf(v, "STAY-05")).toBe("BLOCK");
    expect(outcomeOf(v, "FIN-01")).toBe("BLOCK");
  });

  it("escalates to REVIEW (never ALLOW) when the stay arrived after boarding was completed", () => {
    const v = run(rules, h("10:05"), flight);
    expect(outcomeOf(v, "STAY-05")).toBe("REVIEW");
    expect(v.outcome).toBe("REVIEW");
  });

  it("ends a stay pending a motion when the motion is decided and opens the PFR window (STAY-08)", () => {
    const decided = history([
      ...h("09:50").events,
      { on: "2025-12-01", type: "motion.decided", kind: "reopen", outcome: "denied" },
    ]);
    const v = run(rules, decided, { type: "removal.execute", on: "2025-12-02" });
    expect(outcomeOf(v, "STAY-05")).toBe("ALLOW");
    expect(outcomeOf(v, "STAY-08")).toBe("WARN");
    expect(due(v, "pfr.due")).toContain("2025-12-31");
    // After the window closes the lapse is only reported.
    expect(outcomeOf(run(rules, decided, { type: "removal.execute", on: "2026-01-02" }), "STAY-08")).toBe(
      "ALLOW",
    );
  });
});

describe("STAY-06: judicial stays", () => {
  const pfr = (circuit: string, extra: Record<string, unknown>[] = []) =>
    history([
      ijOrder("2024-12-09"),
      { on: "2024-12-20", type: "appeal.received", forum: "BIA" },
      { on: "2025-07-15", type: "appeal.decided", forum: "BIA", outcome: "dismissed" },
      { on: "2025-07-30", type: "pfr.filed", circuit, stayRequested: true },
      ...extra,
    ]);
  const act = { type: "removal.execute", on: "2025-08-01" };

  it("blocks on a stay motion in the Ninth Circuit and reviews it elsewhere", () => {
    const ninth = run(rules, pfr("9"), act, { circuit: "9" });
    expect(outcomeOf(ninth, "STAY-06")).toBe("BLOCK");
    expect(due(ninth, "pfr.due")).toContain("2025-08-14");
    expect(outcomeOf(run(rules, pfr("5"), act, { circuit: "5" }), "STAY-06")).toBe("REVIEW");
  });

  it("ends the temporary stay when the court denies the stay (stay.ended): the petition alone only warns", () => {
    const h = pfr("9", [{ on: "2025-08-05", type: "stay.ended" }]);
    expect(
      outcomeOf(run(rules, h, { type: "removal.execute", on: "2025-08-04" }, { circuit: "9" }), "STAY-06"),
    ).toBe("BLOCK");
    expect(
      outcomeOf(run(rules, h, { type: "removal.execute", on: "2025-08-06" }, { circuit: "9" }), "STAY-06"),
    ).toBe("WARN");
  });

  it("a court stay pending the petition ends with the court's decision", () => {
    const h = pfr("11", [
      { on: "2025-08-10", type: "stay.granted", by: "circuit", pending: "petition for review" },
      { on: "2025-12-01", type: "appeal.decided", forum: "circuit", outcome: "dismissed" },
    ]);
    expect(outcomeOf(run(rules, h, { type: "removal.execute", on: "2025-11-30" }), "STAY-06")).toBe("BLOCK");
    expect(outcomeOf(run(rules, h, { type: "removal.execute", on: "2025-12-01" }), "STAY-06")).toBe("ALLOW");
  });
});

describe("STAY-07: DHS I-246 stays", () => {
  const h = (extra: Record<string, unknown>[] = []) =>
    history([
      ijOrder("2024-11-12"),
      { on: "2024-11-12", type: "appeal.waived", knowing: true },
      { on: "2025-03-03", type: "stay.applied", form: "I-246" },
      { on: "2025-03-31", type: "stay.granted", by: "DHS", until: "2025-09-30" },
      ...extra,
    ]);

  it("blocks on the last day of the approved period and allows the day after", () => {
    const last = run(rules, h(), { type: "removal.execute", on: "2025-09-30" });
    expect(outcomeOf(last, "STAY-07")).toBe("BLOCK");
    expect(due(last, "stay.ends")).toEqual(["2025-09-30"]);
    expect(outcomeOf(run(rules, h(), { type: "removal.execute", on: "2025-10-01" }), "STAY-07")).toBe(
      "ALLOW",
    );
  });

  it("warns for a pending renewal by default and reviews it under the stricter policy", () => {
    const renewal = h([{ on: "2025-09-25", type: "stay.applied", form: "I-246" }]);
    const act = { type: "removal.execute", on: "2025-10-03" };
    expect(outcomeOf(run(rules, renewal, act), "STAY-07")).toBe("WARN");
    expect(outcomeOf(run(rules, renewal, act, { policy: { pendingI246: "review" } }), "STAY-07")).toBe(
      "REVIEW",
    );
  });

  it("ends on revocation (stay.ended)", () => {
    const revoked = h([{ on: "2025-06-01", type: "stay.ended" }]);
    expect(outcomeOf(run(rules, revoked, { type: "removal.execute", on: "2025-06-02" }), "STAY-07")).toBe(
      "ALLOW",
    );
  });
});
