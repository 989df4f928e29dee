import { describe, expect, it } from "vitest";
import { deadline, events, outcomeOf, runRule } from "./testing/history.js";
import { time04, time05, time06, time07 } from "./time/clock.js";
import { time01, time02, time03, time08 } from "./time/filing.js";

const order = (on: string, extra: Record<string, unknown> = {}) => ({
  on,
  type: "order.issued",
  by: "IJ",
  kind: "removal",
  delivery: "oral",
  countries: ["HN"],
  ...extra,
});
const appeal = (on: string, extra: Record<string, unknown> = {}) => ({
  on,
  type: "appeal.received",
  forum: "BIA",
  ...extra,
});
const none = (on: string) => ({ type: "none", on });

describe("TIME-01 appeal period", () => {
  it("day 30 on a business day, a Sunday and Thanksgiving", () => {
    expect(
      deadline(time01, { events: events(order("2025-06-02")) }, none("2025-06-03"), "appeal.due"),
    ).toEqual(["2025-07-02"]);
    expect(
      deadline(
        time01,
        { events: events(order("2025-05-16", { delivery: "mail" })) },
        none("2025-05-17"),
        "appeal.due",
      ),
    ).toEqual(["2025-06-16"]);
    expect(
      deadline(
        time01,
        { events: events(order("2025-10-28", { delivery: "mail" })) },
        none("2025-10-29"),
        "appeal.due",
      ),
    ).toEqual(["2025-11-28"]);
  });
  it("honours ad hoc closures", () => {
    const c = { events: events(order("2025-06-02")), config: { closures: ["2025-07-02"] } };
    expect(deadline(time01, c, none("2025-06-03"), "appeal.due")).toEqual(["2025-07-03"]);
  });
  it("emits no appeal deadline once appeal is waived, and cites the computation on removal actions", () => {
    expect(
      deadline(
        time01,
        { events: events(order("2025-06-02"), { on: "2025-06-02", type: "appeal.waived" }) },
        none("2025-06-03"),
        "appeal.due",
      ),
    ).toEqual([]);
    const r = runRule(
      time01,
      { events: events(order("2025-05-16", { delivery: "mail" }), appeal("2025-06-16")) },
      { type: "removal.schedule", on: "2025-06-17" },
    );
    expect(r?.findings?.[0].message).toMatch(/Sun 2025-06-15.*Mon 2025-06-16.*within/);
  });
  it("opens a new appeal window when the IJ denies a motion", () => {
    const c = {
      events: events(
        order("2025-01-06", { inAbsentia: true }),
        { on: "2025-03-03", type: "motion.received", kind: "reopen", forum: "IJ", ground: "notice" },
        { on: "2025-04-01", type: "motion.decided", kind: "reopen", outcome: "denied" },
      ),
    };
    expect(deadline(time01, c, none("2025-04-02"), "appeal.due")).toEqual(["2025-05-01"]);
  });
});

describe("TIME-02 receipt, not mailing", () => {
  const action = { type: "removal.schedule", on: "2025-04-10" };
  it("allows a receipt on the due date and reviews a late appeal with a tolling request", () => {
    expect(outcomeOf(time02, { events: events(order("2025-03-03"), appeal("2025-04-02")) }, action)).toBe(
      "ALLOW",
    );
    expect(
      outcomeOf(
        time02,
        { events: events(order("2025-03-03"), appeal("2025-04-03", { toll: true })) },
        action,
      ),
    ).toBe("REVIEW");
    expect(outcomeOf(time02, { events: events(order("2025-03-03"), appeal("2025-04-03")) }, action)).toBe(
      "ALLOW",
    );
  });
  it("blocks under the wait_for_bia policy", () => {
    const c = {
      events: events(order("2025-03-03"), appeal("2025-04-03", { toll: true })),
      config: { policy: { lateAppealWithTolling: "wait_for_bia" } },
    };
    expect(outcomeOf(time02, c, action)).toBe("BLOCK");
  });
});

describe("TIME-03 mail service", () => {
  it("adds nothing to a mailed EOIR decision and is silent for an oral one", () => {
    const r = runRule(
      time03,
      { events: events(order("2025-05-16", { delivery: "mail" })) },
      { type: "removal.schedule", on: "2025-05-20" },
    );
    expect(r?.findings?.[0].message).toMatch(/no days added/);
    expect(
      runRule(
        time03,
        { events: events(order("2025-05-16")) },
        { type: "removal.schedule", on: "2025-05-20" },
      ),
    ).toBeNull();
  });
});

describe("TIME-04 petitions for review", () => {
  it("rolls a Sunday and Labor Day to Tuesday after a BIA denial", () => {
    const c = {
      events: events(
        order("2024-09-10"),
        appeal("2024-10-01"),
        { on: "2025-03-14", type: "appeal.decided", forum: "BIA", outcome: "dismissed" },
        { on: "2025-05-20", type: "motion.received", kind: "reopen", forum: "BIA", ground: "new_evidence" },
        { on: "2025-08-01", type: "motion.decided", kind: "reopen", outcome: "denied" },
      ),
    };
    expect(deadline(time04, c, none("2025-08-04"), "pfr.due")).toEqual(["2025-04-14", "2025-09-02"]);
  });
  it("runs from a FARO (Riley v. Bondi)", () => {
    const c = {
      events: events({
        on: "2025-06-02",
        type: "order.issued",
        by: "DHS",
        kind: "administrative_238b",
        delivery: "personal",
        countries: ["JM"],
      }),
    };
    expect(deadline(time04, c, none("2025-06-03"), "pfr.due")).toEqual(["2025-07-02"]);
  });
});

describe("TIME-05 / TIME-06 / TIME-07", () => {
  it("reports both detainer readings and the configured one", () => {
    const r = runRule(
      time05,
      {},
      { type: "detainer.issue", on: "2025-10-08", releaseAt: "2025-10-10T17:00" },
    );
    expect(r?.findings?.[0].message).toMatch(
      /end 2025-10-12T17:00.*2025-10-15T17:00.*gives 2025-10-12T17:00/,
    );
  });
  it("explains the bond's business days", () => {
    const c = {
      events: events(
        order("2025-11-26", { kind: "voluntary_departure", vdDays: 60, vdStage: "post", vdBond: 500 }),
      ),
    };
    const r = runRule(time06, c, { type: "vd.penalty.record", on: "2025-12-10" });
    expect(r?.findings?.[0].message).toMatch(/2025-12-04.*Thanksgiving/);
  });
  it("counts the book-in date as day 1", () => {
    const c = {
      events: events({
        on: "2025-09-15",
        type: "custody.booked",
        facility: { kind: "adult" },
        authority: "236a",
      }),
    };
    expect(
      runRule(time07, c, { type: "detention.continue", on: "2025-09-15" })?.findings?.[0].message,
    ).toMatch(/day 1 of custody/);
    expect(
      runRule(time07, c, { type: "detention.continue", on: "2025-10-20" })?.findings?.[0].message,
    ).toMatch(/day 36 of custody/);
  });
});

describe("TIME-08 motion deadlines", () => {
  const inAbsentia = events(
    { on: "2025-01-06", type: "hearing.missed" },
    order("2025-01-06", { inAbsentia: true, delivery: "mail" }),
  );
  it("rolls 180 days ending on a Saturday to Monday, or not when the switch is off", () => {
    expect(deadline(time08, { events: inAbsentia }, none("2025-01-07"), "motion.exceptional.due")).toEqual([
      "2025-07-07",
    ]);
    const off = { events: inAbsentia, config: { policy: { statutoryMotionRollForward: false } } };
    expect(deadline(time08, off, none("2025-01-07"), "motion.exceptional.due")).toEqual(["2025-07-05"]);
  });
  it("counts 90 days from the BIA's dismissal and none while the appeal is pending", () => {
    const pending = events(order("2024-09-10"), appeal("2024-10-01"));
    expect(deadline(time08, { events: pending }, none("2025-01-01"), "motion.reopen.due")).toEqual([]);
    const dismissed = events(...pending, {
      on: "2025-03-14",
      type: "appeal.decided",
      forum: "BIA",
      outcome: "dismissed",
    });
    expect(deadline(time08, { events: dismissed }, none("2025-03-15"), "motion.reopen.due")).toEqual([
      "2025-06-12",
    ]);
    expect(deadline(time08, { events: dismissed }, none("2025-03-15"), "motion.reconsider.due")).toEqual([
      "2025-04-14",
    ]);
  });
});
