import { describe, expect, it } from "vitest";
import { booked, due, hist, ijOrder, outcome, verdict } from "./det/test-kit.js";
import { minRules } from "./min.js";

const run = (
  h: ReturnType<typeof hist>,
  action: Record<string, unknown> & { type: string; on: string },
  config = {},
) => verdict(minRules, h, action, config);
const child = { birthDate: "2017-02-14", citizenship: ["HN"] };

describe("MIN-01 Flores placement", () => {
  it("blocks keeping a minor in an adult facility; allows the day the person turns 18", () => {
    const h = (birthDate: string) => hist([booked("2025-07-01", "236a", "adult")], { birthDate });
    expect(outcome(run(h("2007-07-11"), { type: "detention.continue", on: "2025-07-10" }), "MIN-01")).toBe(
      "BLOCK",
    );
    expect(
      outcome(run(h("2007-07-10"), { type: "detention.continue", on: "2025-07-10" }), "MIN-01"),
    ).toBeUndefined();
  });
  it("blocks a transfer to an adult facility without ¶21 criteria, reviews it with them", () => {
    const h = hist([booked("2025-07-01", "235b", "family_residential")], child);
    const t = { type: "transfer", on: "2025-07-05", toFacility: { kind: "adult" } };
    expect(outcome(run(h, t), "MIN-01")).toBe("BLOCK");
    expect(outcome(run(h, { ...t, paragraph21: "charged with a violent felony" }), "MIN-01")).toBe("REVIEW");
  });
  it("reviews CBP holding past 72 hours, not at 72 hours", () => {
    const h = hist([booked("2025-07-01", "235b", "cbp_holding", { at: "08:00" })], child);
    const v = run(h, { type: "detention.continue", on: "2025-07-04", at: "08:00" });
    expect(due(v, "flores.cbp_holding_limit")).toBe("2025-07-04T08:00");
    expect(outcome(v, "MIN-01")).toBe("ALLOW");
    expect(outcome(run(h, { type: "detention.continue", on: "2025-07-04", at: "08:01" }), "MIN-01")).toBe(
      "REVIEW",
    );
  });
});

describe("MIN-02 family residential 20-day benchmark", () => {
  const frc = (extra: Record<string, unknown>[] = []) =>
    hist(
      [
        booked("2025-07-01", "235b", "family_residential"),
        { on: "2025-07-01", type: "fear.claimed", country: "HN" },
        ...extra,
      ],
      child,
    );
  it("counts day 1 as the book-in: day 20 allowed, day 21 reviewed", () => {
    expect(due(run(frc(), { type: "none", on: "2025-07-02" }), "flores.day20")).toBe("2025-07-20");
    expect(outcome(run(frc(), { type: "detention.continue", on: "2025-07-20" }), "MIN-02")).toBe("ALLOW");
    expect(outcome(run(frc(), { type: "detention.continue", on: "2025-07-21" }), "MIN-02")).toBe("REVIEW");
  });
  it("excludes the time before fear was expressed and the negative-to-positive gap", () => {
    const late = hist(
      [booked("2025-07-01", "235b", "family_residential"), { on: "2025-07-05", type: "fear.claimed" }],
      child,
    );
    expect(due(run(late, { type: "none", on: "2025-07-06" }), "flores.day20")).toBe("2025-07-24");
    const gap = frc([
      { on: "2025-07-05", type: "fear.screened", kind: "credible", result: "negative" },
      { on: "2025-07-12", type: "fear.screened", kind: "credible", result: "positive" },
    ]);
    expect(due(run(gap, { type: "none", on: "2025-07-13" }), "flores.day20")).toBe("2025-07-27");
  });
  it("does not reset the count on transfer: blocks a move to another unlicensed facility after day 20", () => {
    const moved = frc([
      { on: "2025-07-10", type: "custody.transferred", facility: { kind: "family_residential" } },
    ]);
    expect(due(run(moved, { type: "none", on: "2025-07-11" }), "flores.day20")).toBe("2025-07-20");
    const t = (on: string, kind: string) => ({ type: "transfer", on, toFacility: { kind } });
    expect(outcome(run(frc(), t("2025-07-20", "family_residential")), "MIN-02")).toBe("WARN");
    expect(outcome(run(frc(), t("2025-07-21", "family_residential")), "MIN-02")).toBe("BLOCK");
    expect(outcome(run(frc(), t("2025-07-21", "juvenile_licensed")), "MIN-02")).toBe("ALLOW");
  });
});

describe("MIN-03 age and UAC status", () => {
  it("reviews a UAC with no birth date or an age that straddles 18", () => {
    const action = { type: "detention.continue", on: "2025-08-10" };
    expect(outcome(run(hist([], { unaccompaniedChild: true }), action), "MIN-03")).toBe("REVIEW");
    expect(outcome(run(hist([], { unaccompaniedChild: true, birthDate: "2007" }), action), "MIN-03")).toBe(
      "REVIEW",
    );
    expect(
      outcome(run(hist([], { unaccompaniedChild: true, birthDate: "2010-05-01" }), action), "MIN-03"),
    ).toBe("ALLOW");
  });
});

describe("MIN-04 TVPRA hours", () => {
  const uac = { birthDate: "2010-05-01", citizenship: ["GT"], unaccompaniedChild: true };
  const h = (extra: Record<string, unknown>[] = []) =>
    hist([{ on: "2025-08-08", type: "uac.determined", at: "14:00" }, ...extra], uac);
  const at = (time: string, on = "2025-08-11") => ({ type: "detention.continue", on, at: time });
  it("computes 48 and 72 hours in the custody time zone across a daylight-saving change", () => {
    const dst = hist([{ on: "2025-11-01", type: "uac.determined", at: "12:00" }], uac);
    const v = run(dst, { type: "none", on: "2025-11-01" }, { tz: "America/Chicago" });
    expect(due(v, "uac.hhs_notice_due")).toBe("2025-11-03T11:00");
    expect(due(v, "uac.transfer_due")).toBe("2025-11-04T11:00");
  });
  it("allows holding at the 72nd hour and blocks after it", () => {
    const notified = h([{ on: "2025-08-09", type: "hhs.notified", at: "09:00" }]);
    expect(outcome(run(notified, at("14:00"), { tz: "America/Chicago" }), "MIN-04")).toBe("ALLOW");
    expect(outcome(run(notified, at("14:01"), { tz: "America/Chicago" }), "MIN-04")).toBe("BLOCK");
  });
  it("sends documented, approved exceptional circumstances to review", () => {
    const exc = h([
      { on: "2025-08-09", type: "hhs.notified", at: "09:00" },
      {
        on: "2025-08-11",
        type: "exceptional_circumstances.documented",
        rule: "MIN-04",
        reason: "hurricane",
        supervisorApproved: true,
      },
    ]);
    expect(outcome(run(exc, at("16:00")), "MIN-04")).toBe("REVIEW");
  });
  it("reports a missing HHS notice after 48 hours without gating the detention (a DEADLINE only)", () => {
    const v = run(h(), at("15:00", "2025-08-10"));
    expect(outcome(v, "MIN-04")).toBe("ALLOW");
    expect(v.findings.find((f) => f.rule === "MIN-04")?.message).toMatch(/not recorded/);
    expect(run(h(), at("13:00", "2025-08-10")).findings.find((f) => f.rule === "MIN-04")?.message).toMatch(
      /is due by/,
    );
  });
  it("stops once the child is released to HHS", () => {
    const moved = h([{ on: "2025-08-10", type: "custody.released", via: "parole" }]);
    expect(outcome(run(moved, at("16:00")), "MIN-04")).toBeUndefined();
  });
});

describe("MIN-05 / MIN-07 voluntary return of a child", () => {
  const mx = { birthDate: "2009-03-18", citizenship: ["MX"], unaccompaniedChild: true };
  const det = { on: "2025-09-03", type: "uac.determined", at: "11:00" };
  const advised = { on: "2025-09-03", type: "uac.screened", kind: "I-770", contactOffered: true };
  const ret = { type: "return.voluntary", on: "2025-09-04", country: "MX" };
  it("blocks return without a screening, allows it with one", () => {
    expect(outcome(run(hist([det], mx), ret), "MIN-05")).toBe("BLOCK");
    const screened = hist([det, { on: "2025-09-03", type: "uac.screened", kind: "1232a4" }, advised], mx);
    expect(outcome(run(screened, ret), "MIN-05")).toBe("ALLOW");
    const fear = hist(
      [det, { on: "2025-09-03", type: "uac.screened", kind: "1232a4", fear: true }, advised],
      mx,
    );
    expect(outcome(run(fear, ret), "MIN-05")).toBe("BLOCK");
  });
  it("blocks withdrawal for a child from a non-contiguous country", () => {
    expect(outcome(run(hist([det], { ...mx, citizenship: ["GT"] }), ret), "MIN-05")).toBe("BLOCK");
  });
  it("blocks without the I-770 advisal and contact, reviews with them", () => {
    expect(outcome(run(hist([det], mx), ret), "MIN-07")).toBe("BLOCK");
    expect(outcome(run(hist([det, { ...advised, contactOffered: false }], mx), ret), "MIN-07")).toBe("BLOCK");
    expect(outcome(run(hist([det, advised], mx), ret), "MIN-07")).toBe("REVIEW");
  });
});

describe("MIN-06 no expedited removal of a UAC", () => {
  const i860 = { type: "warrant.issue", on: "2025-10-14", form: "I-860" };
  it("blocks an I-860 for a UAC but not for an adult", () => {
    expect(
      outcome(run(hist([], { birthDate: "2010-07-07", unaccompaniedChild: true }), i860), "MIN-06"),
    ).toBe("BLOCK");
    expect(outcome(run(hist([], { birthDate: "1990-07-07" }), i860), "MIN-06")).toBeUndefined();
  });
});

describe("MIN-08 family unity", () => {
  const parent = (careArranged?: boolean) => ({
    citizenship: ["GT"],
    children: [
      {
        birthDate: "2015-01-20",
        usCitizen: true,
        inUS: true,
        ...(careArranged === undefined ? {} : { careArranged }),
      },
    ],
  });
  const h = (careArranged?: boolean) =>
    hist(
      [
        ijOrder("2024-12-02", { countries: ["GT"] }),
        { on: "2024-12-02", type: "appeal.waived", knowing: true },
      ],
      parent(careArranged),
    );
  const exec = { type: "removal.execute", on: "2025-08-12", country: "GT" };
  it("blocks removal of a parent without care arrangements (configurable to review)", () => {
    expect(outcome(run(h(false), exec), "MIN-08")).toBe("BLOCK");
    expect(outcome(run(h(false), exec, { policy: { parentRemovalWithoutCare: "review" } }), "MIN-08")).toBe(
      "REVIEW",
    );
    expect(outcome(run(h(true), exec), "MIN-08")).toBe("ALLOW");
  });
  it("fails closed when the arrangement is not recorded", () => {
    expect(outcome(run(h(), exec), "MIN-08")).toBe("BLOCK");
    expect(outcome(run(h(), { ...exec, type: "removal.schedule" }), "MIN-08")).toBe("REVIEW");
  });
  it("ignores children who have turned 18", () => {
    const adultChild = hist([], { children: [{ birthDate: "2007-08-12", careArranged: false }] });
    expect(outcome(run(adultChild, exec), "MIN-08")).toBeUndefined();
  });
});
