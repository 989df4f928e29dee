import { describe, expect, it } from "vitest";
import { history, run, worst } from "../facts/history-builder.js";
import { statRules } from "./stat.js";

const finalOrder = (country = "SV", person = {}) =>
  history({ citizenship: [country], ...person })
    .add("2016-05-16", "order.issued", { by: "IJ", kind: "removal", delivery: "oral", countries: [country] })
    .add("2016-05-16", "appeal.waived", { knowing: true });
const arrestOn = (on: string) => ({ type: "arrest.make", on, basis: "i205", location: "street" });
const scheduleOn = (on: string, country = "SV") => ({ type: "removal.schedule", on, country });

describe("STAT-01 TPS", () => {
  const tps = () =>
    finalOrder().add("2025-01-17", "status.granted", {
      kind: "tps",
      country: "SV",
      validUntil: "2026-09-09",
    });

  it("blocks on the last valid day and allows the day after", () => {
    expect(worst(run(statRules, "STAT-01", tps(), arrestOn("2026-09-09")))).toBe("BLOCK");
    expect(worst(run(statRules, "STAT-01", tps(), scheduleOn("2026-09-10")))).toBe("ALLOW");
  });

  it("computes the status.valid_until deadline for any action", () => {
    const rule = statRules.find((r) => r.id === "STAT-01");
    const out = rule?.evaluate({
      history: tps().history(),
      action: { type: "none", on: "2026-01-01" },
      config: {},
      asOf: "2026-01-01",
    });
    expect(out?.deadlines).toContainEqual(
      expect.objectContaining({ kind: "status.valid_until", due: "2026-09-09" }),
    );
  });

  it("ended designation under litigation → REVIEW; without litigation → ALLOW", () => {
    const ended = () =>
      finalOrder("VE")
        .add("2023-11-20", "status.granted", { kind: "tps", country: "VE" })
        .add("2025-04-07", "status.ended", { kind: "tps", process: "designation_terminated" });
    expect(
      worst(
        run(
          statRules,
          "STAT-01",
          ended().add("2025-05-19", "designation.litigation", { kind: "tps", country: "VE" }),
          arrestOn("2026-04-01"),
        ),
      ),
    ).toBe("REVIEW");
    expect(worst(run(statRules, "STAT-01", ended(), arrestOn("2026-04-01")))).toBe("ALLOW");
  });

  it("a grant without an end date fails closed", () => {
    const h = finalOrder().add("2025-01-17", "status.granted", { kind: "tps", country: "SV" });
    expect(worst(run(statRules, "STAT-01", h, scheduleOn("2026-01-01")))).toBe("REVIEW");
    expect(
      worst(run(statRules, "STAT-01", h, { type: "removal.execute", on: "2026-01-01", country: "SV" })),
    ).toBe("BLOCK");
  });

  it("a pending I-821 with prima facie eligibility blocks removal", () => {
    const h = finalOrder().add("2025-01-17", "application.filed", {
      form: "I-821",
      pending: true,
      primaFacie: true,
    });
    expect(worst(run(statRules, "STAT-01", h, scheduleOn("2025-06-01")))).toBe("BLOCK");
  });

  it("does not bear on an NTA", () => {
    expect(run(statRules, "STAT-01", tps(), { type: "nta.serve", on: "2026-01-01" })).toEqual([]);
  });
});

describe("STAT-02 DACA", () => {
  const daca = () =>
    history({ citizenship: ["MX"] }).add("2024-05-10", "status.granted", {
      kind: "daca",
      validUntil: "2026-05-10",
    });

  it("blocks an NTA while valid and allows after expiry", () => {
    expect(worst(run(statRules, "STAT-02", daca(), { type: "nta.serve", on: "2026-05-10" }))).toBe("BLOCK");
    expect(worst(run(statRules, "STAT-02", daca(), { type: "nta.serve", on: "2026-05-11" }))).toBe("ALLOW");
  });

  it("a documented 236.23 termination → REVIEW", () => {
    const h = daca().add("2025-09-01", "status.ended", { kind: "daca", process: "236.23" });
    expect(worst(run(statRules, "STAT-02", h, arrestOn("2026-02-02")))).toBe("REVIEW");
  });
});

describe("STAT-03 other statuses", () => {
  const lpr = (orderOn: string) =>
    history({ citizenship: ["HN"] })
      .add("2010-07-19", "lpr.admitted")
      .add(orderOn, "order.issued", { by: "IJ", kind: "removal", delivery: "oral", countries: ["HN"] });

  it("LPR: BLOCK while the order's appeal period runs, ALLOW once it is final", () => {
    // Order 2025-01-14: appeal due 2025-02-13, final from 2025-02-14.
    expect(worst(run(statRules, "STAT-03", lpr("2025-01-14"), scheduleOn("2025-02-13", "HN")))).toBe("BLOCK");
    expect(worst(run(statRules, "STAT-03", lpr("2025-01-14"), scheduleOn("2025-02-14", "HN")))).toBe("ALLOW");
  });

  it("LPR cannot be removed on a 238(b) order", () => {
    const h = history({ citizenship: ["JM"] })
      .add("2010-01-01", "lpr.admitted")
      .add("2025-06-02", "order.issued", {
        by: "DHS",
        kind: "administrative_238b",
        delivery: "personal",
        countries: ["JM"],
      });
    expect(worst(run(statRules, "STAT-03", h, scheduleOn("2025-07-01", "JM")))).toBe("BLOCK");
  });

  it("asylee status needs termination or a later order", () => {
    const h = history({ citizenship: ["VE"] }).add("2020-01-01", "status.granted", { kind: "asylee" });
    expect(worst(run(statRules, "STAT-03", h, scheduleOn("2025-01-01", "VE")))).toBe("BLOCK");
    const ended = h.add("2024-01-01", "status.ended", { kind: "asylee", process: "208.24" });
    expect(
      run(statRules, "STAT-03", ended, scheduleOn("2025-01-01", "VE")).some((f) => f.outcome === "BLOCK"),
    ).toBe(false);
  });

  it("a pending I-130 is a WARN, not a bar", () => {
    const h = finalOrder("MX").add("2025-10-01", "application.filed", { form: "I-130", pending: true });
    expect(worst(run(statRules, "STAT-03", h, scheduleOn("2025-11-20", "MX")))).toBe("WARN");
  });

  it("does not bear on a person with no other status", () => {
    expect(run(statRules, "STAT-03", finalOrder(), scheduleOn("2025-01-01"))).toEqual([]);
  });
});
