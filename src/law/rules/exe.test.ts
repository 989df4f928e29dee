import { describe, expect, it } from "vitest";
import { history, run, worst } from "../facts/history-builder.js";
import { exeRules } from "./exe.js";

const ordered = (person: Record<string, unknown> = {}) =>
  history({ citizenship: ["HN"], ...person })
    .add("2025-02-18", "order.issued", { by: "IJ", kind: "removal", delivery: "oral", countries: ["HN"] })
    .add("2025-02-18", "appeal.waived", { knowing: true });
const execute = (on: string, country = "HN", extra: Record<string, unknown> = {}) => ({
  type: "removal.execute",
  on,
  country,
  ...extra,
});

describe("EXE-01 destination", () => {
  it("allows the designated country and the country of citizenship", () => {
    expect(worst(run(exeRules, "EXE-01", ordered(), execute("2025-07-01")))).toBe("ALLOW");
    const h = history({ citizenship: ["HN"] }).add("2025-02-18", "order.issued", {
      by: "IJ",
      kind: "removal",
      delivery: "oral",
      countries: ["GT"],
    });
    expect(worst(run(exeRules, "EXE-01", h, execute("2025-07-01", "HN")))).toBe("ALLOW");
  });

  it("an (E)(vii) country needs acceptance", () => {
    expect(worst(run(exeRules, "EXE-01", ordered(), execute("2025-07-01", "MX")))).toBe("BLOCK");
    const accepted = ordered().add("2025-06-01", "travel_document.issued", {
      country: "MX",
      validUntil: "2025-12-31",
    });
    expect(worst(run(exeRules, "EXE-01", accepted, execute("2025-07-01", "MX")))).toBe("ALLOW");
  });
});

describe("EXE-02 travel document", () => {
  const doc = () =>
    ordered().add("2025-03-01", "travel_document.issued", { country: "HN", validUntil: "2025-07-14" });

  it("valid through the removal date → ALLOW; expired the day before → BLOCK", () => {
    expect(worst(run(exeRules, "EXE-02", doc(), execute("2025-07-14")))).toBe("ALLOW");
    expect(worst(run(exeRules, "EXE-02", doc(), execute("2025-07-15")))).toBe("BLOCK");
  });

  it("checks a scheduled removal on its planned date", () => {
    expect(
      worst(
        run(exeRules, "EXE-02", doc(), {
          type: "removal.schedule",
          on: "2025-07-01",
          country: "HN",
          date: "2025-07-21",
        }),
      ),
    ).toBe("BLOCK");
  });

  it("a refusal after issue voids the document", () => {
    const h = doc().add("2025-04-01", "travel_document.refused", { country: "HN" });
    expect(worst(run(exeRules, "EXE-02", h, execute("2025-07-01")))).toBe("BLOCK");
  });
});

describe("EXE-03 medical fitness", () => {
  it("pregnancy without clearance → BLOCK", () => {
    expect(
      worst(
        run(exeRules, "EXE-03", ordered({ pregnantWeeks: 34 }), {
          type: "removal.schedule",
          on: "2025-07-14",
          country: "HN",
        }),
      ),
    ).toBe("BLOCK");
  });

  it("clearance 30 days old → ALLOW; 31 days → REVIEW", () => {
    const h = ordered().add("2025-06-01", "medical.clearance", { fit: true });
    expect(worst(run(exeRules, "EXE-03", h, execute("2025-07-01")))).toBe("ALLOW");
    expect(worst(run(exeRules, "EXE-03", h, execute("2025-07-02")))).toBe("REVIEW");
  });

  it("no clearance: execution fails closed, scheduling does not", () => {
    expect(worst(run(exeRules, "EXE-03", ordered(), execute("2025-07-01")))).toBe("BLOCK");
    expect(
      worst(
        run(exeRules, "EXE-03", ordered(), { type: "removal.schedule", on: "2025-07-01", country: "HN" }),
      ),
    ).toBe("ALLOW");
  });

  it("unfit → BLOCK", () => {
    const h = ordered().add("2025-06-25", "medical.clearance", { fit: false });
    expect(worst(run(exeRules, "EXE-03", h, execute("2025-07-01")))).toBe("BLOCK");
  });
});

describe("EXE-04 minors", () => {
  it("the day before the 18th birthday needs a receiving custodian; on the birthday it does not", () => {
    const h = ordered({ birthDate: "2007-07-02" });
    expect(worst(run(exeRules, "EXE-04", h, execute("2025-07-01")))).toBe("BLOCK");
    expect(
      worst(run(exeRules, "EXE-04", h, execute("2025-07-01", "HN", { receivingCustodian: "DIF Honduras" }))),
    ).toBe("ALLOW");
    expect(worst(run(exeRules, "EXE-04", h, execute("2025-07-02")))).toBe("ALLOW");
  });

  it("an unknown age is not treated as a minor", () => {
    expect(run(exeRules, "EXE-04", ordered(), execute("2025-07-01"))).toEqual([]);
  });
});

describe("EXE-05 final gate at boarding", () => {
  const stayed = (communicatedAt: string) =>
    ordered()
      .add("2025-11-03", "motion.received", {
        kind: "reopen",
        forum: "BIA",
        ground: "new_evidence",
        stayRequested: true,
      })
      .add("2025-11-05", "stay.granted", { by: "BIA", pending: "adjudication of the motion to reopen" })
      .add("2025-11-05", "stay.communicated", { at: communicatedAt });
  const depart = {
    type: "flight.depart",
    on: "2025-11-05",
    at: "10:30",
    boardingCompletedAt: "09:55",
    country: "HN",
  };

  it("a stay communicated after boarding was completed → REVIEW", () => {
    expect(worst(run(exeRules, "EXE-05", stayed("10:05"), depart))).toBe("REVIEW");
  });

  it("a stay communicated before boarding was completed → BLOCK", () => {
    expect(worst(run(exeRules, "EXE-05", stayed("09:50"), depart))).toBe("BLOCK");
  });

  it("no stay → ALLOW citing the boarding check", () => {
    const f = run(exeRules, "EXE-05", ordered(), depart);
    expect(worst(f)).toBe("ALLOW");
    expect(f[0].message).toContain("09:55");
  });
});

describe("EXE-06 departure verification", () => {
  it("blocks closure without verification and allows it with one", () => {
    const close = { type: "case.close", on: "2025-08-01" };
    expect(worst(run(exeRules, "EXE-06", ordered(), close))).toBe("BLOCK");
    const done = ordered().add("2025-07-20", "departure.verified", { country: "HN", via: "removal" });
    const f = run(exeRules, "EXE-06", done, close);
    expect(worst(f)).toBe("ALLOW");
    expect(f[0].message).toContain("10 years");
  });
});
