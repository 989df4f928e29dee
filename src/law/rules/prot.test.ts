import { describe, expect, it } from "vitest";
import { history, run, worst } from "../facts/history-builder.js";
import { protRules } from "./prot.js";

const order = (countries: string[], alt: string[] = []) =>
  history({ citizenship: ["SV"], languages: ["es"] }).add("2023-04-10", "order.issued", {
    by: "IJ",
    kind: "removal",
    delivery: "oral",
    countries,
    ...(alt.length ? { alternativeCountries: alt } : {}),
  });
const schedule = (country?: string, extra: Record<string, unknown> = {}) => ({
  type: "removal.schedule",
  on: "2025-06-01",
  ...(country ? { country } : {}),
  ...extra,
});
const execute = (country: string, on = "2025-06-16", extra: Record<string, unknown> = {}) => ({
  type: "removal.execute",
  on,
  country,
  ...extra,
});

describe("PROT-01 withholding binds to a country", () => {
  const h = () =>
    order(["SV"], ["GT"]).add("2023-04-10", "protection.granted", { kind: "withholding", country: "SV" });

  it("blocks removal to the protected country and allows another", () => {
    expect(worst(run(protRules, "PROT-01", h(), schedule("SV")))).toBe("BLOCK");
    expect(worst(run(protRules, "PROT-01", h(), schedule("GT")))).toBe("ALLOW");
  });

  it("blocks an arranged onward destination that is the protected country", () => {
    expect(worst(run(protRules, "PROT-01", h(), schedule("GT", { onwardCountries: ["SV"] })))).toBe("BLOCK");
  });

  it("sends a termination through the IJ to REVIEW, but a field termination stays BLOCK", () => {
    const ij = h().add("2025-01-10", "protection.terminated", {
      kind: "withholding",
      country: "SV",
      process: "ij_motion",
    });
    expect(worst(run(protRules, "PROT-01", ij, schedule("SV")))).toBe("REVIEW");
    const field = h().add("2025-01-10", "protection.terminated", {
      kind: "withholding",
      country: "SV",
      process: "field_office",
    });
    expect(worst(run(protRules, "PROT-01", field, schedule("SV")))).toBe("BLOCK");
  });

  it("fails closed without a destination: REVIEW when scheduling, BLOCK when executing", () => {
    expect(worst(run(protRules, "PROT-01", h(), schedule()))).toBe("REVIEW");
    expect(worst(run(protRules, "PROT-01", h(), { type: "removal.execute", on: "2025-06-01" }))).toBe(
      "BLOCK",
    );
  });

  it("does not bear on a person without withholding", () => {
    expect(run(protRules, "PROT-01", order(["SV"]), schedule("SV"))).toEqual([]);
  });
});

describe("PROT-02 CAT deferral", () => {
  const h = () =>
    history({ citizenship: ["IR"] })
      .add("2019-08-14", "order.issued", { by: "IJ", kind: "removal", delivery: "oral", countries: ["IR"] })
      .add("2019-08-14", "protection.granted", { kind: "cat_deferral", country: "IR" });

  it("blocks removal to the deferred country without a termination", () => {
    expect(worst(run(protRules, "PROT-02", h(), schedule("IR")))).toBe("BLOCK");
  });

  it("routes a 208.18(c) assurance termination to REVIEW", () => {
    const t = h().add("2025-05-01", "protection.terminated", {
      kind: "cat_deferral",
      country: "IR",
      process: "assurances",
    });
    expect(worst(run(protRules, "PROT-02", t, schedule("IR")))).toBe("REVIEW");
  });
});

describe("PROT-03 pending protection processes", () => {
  const base = () =>
    history({ citizenship: ["HN"] })
      .add("2018-02-12", "order.issued", { by: "IJ", kind: "removal", delivery: "oral", countries: ["HN"] })
      .add("2018-02-12", "appeal.waived", { knowing: true });

  it("blocks removal to the country of an unscreened fear claim", () => {
    const h = base().add("2025-05-05", "fear.claimed", { country: "HN" });
    expect(worst(run(protRules, "PROT-03", h, execute("HN", "2025-05-07")))).toBe("BLOCK");
  });

  it("allows once the claim is screened negative", () => {
    const h = base()
      .add("2025-05-05", "fear.claimed", { country: "HN" })
      .add("2025-05-06", "fear.screened", { kind: "reasonable", result: "negative", country: "HN" });
    expect(worst(run(protRules, "PROT-03", h, execute("HN", "2025-05-07")))).toBe("ALLOW");
  });

  it("keeps a positive screening open until a decision", () => {
    const h = base()
      .add("2025-05-05", "fear.claimed", { country: "HN" })
      .add("2025-05-06", "fear.screened", { kind: "reasonable", result: "positive", country: "HN" });
    expect(worst(run(protRules, "PROT-03", h, execute("HN", "2025-05-07")))).toBe("BLOCK");
  });

  it("fails closed when the claim's country is unknown", () => {
    const h = base().add("2025-05-05", "fear.claimed", {});
    expect(worst(run(protRules, "PROT-03", h, execute("HN", "2025-05-07")))).toBe("BLOCK");
    expect(worst(run(protRules, "PROT-03", h, { ...schedule("HN"), on: "2025-05-07" }))).toBe("REVIEW");
  });

  it("ignores a claim about another country", () => {
    const h = base().add("2025-05-05", "fear.claimed", { country: "MX" });
    expect(worst(run(protRules, "PROT-03", h, execute("HN", "2025-05-07")))).toBe("ALLOW");
  });

  it("does not bear on a record without any claim", () => {
    expect(run(protRules, "PROT-03", base(), execute("HN", "2025-05-07"))).toEqual([]);
  });
});

describe("PROT-04 third-country removal", () => {
  const withNotice = (noticeOn: string, fields: Record<string, unknown> = {}) =>
    order(["SV"], ["GT"])
      .add("2023-04-10", "counsel.appeared", { form: "EOIR-28" })
      .add("2025-05-20", "travel_document.issued", { country: "MX", validUntil: "2026-01-01" })
      .add(noticeOn, "removal_notice.served", {
        country: "MX",
        language: "es",
        servedTo: ["person", "counsel"],
        method: "personal",
        ...fields,
      })
      .add(noticeOn, "fear.inquired", { country: "MX", expressed: false });

  it("allows a designated alternative country", () => {
    expect(worst(run(protRules, "PROT-04", order(["SV"], ["GT"]), execute("GT")))).toBe("ALLOW");
  });

  it("blocks a non-designated country with only a blanket assurance", () => {
    const h = order(["SV"], ["GT"]).add("2025-05-20", "diplomatic_assurance.received", {
      country: "MX",
      scope: "blanket",
    });
    expect(worst(run(protRules, "PROT-04", h, execute("MX", "2025-06-02")))).toBe("BLOCK");
  });

  it("counts the notice window: 9 days BLOCK, 10 days REVIEW (approval still needed)", () => {
    expect(worst(run(protRules, "PROT-04", withNotice("2025-06-07"), execute("MX", "2025-06-16")))).toBe(
      "BLOCK",
    );
    expect(worst(run(protRules, "PROT-04", withNotice("2025-06-06"), execute("MX", "2025-06-16")))).toBe(
      "REVIEW",
    );
  });

  it("allows once supervisor and OPLA approval is recorded", () => {
    const h = withNotice("2025-06-01")
      .add("2025-06-05", "review.requested", { action: "removal.execute", reviewId: "r1" })
      .add("2025-06-06", "review.decided", {
        reviewId: "r1",
        decision: "approved",
        reason: "all items recorded",
      });
    expect(worst(run(protRules, "PROT-04", h, execute("MX")))).toBe("ALLOW");
  });

  it("blocks notice in a language the person does not understand or not served on counsel", () => {
    expect(
      worst(run(protRules, "PROT-04", withNotice("2025-06-01", { language: "en" }), execute("MX"))),
    ).toBe("BLOCK");
    expect(
      worst(run(protRules, "PROT-04", withNotice("2025-06-01", { servedTo: ["person"] }), execute("MX"))),
    ).toBe("BLOCK");
  });

  it("blocks when fear was expressed and not screened", () => {
    const h = withNotice("2025-06-01").add("2025-06-02", "fear.inquired", { country: "MX", expressed: true });
    expect(worst(run(protRules, "PROT-04", h, execute("MX")))).toBe("BLOCK");
  });

  it("under the DHS floor, a blanket assurance goes to HQ REVIEW", () => {
    const h = order(["SV"], ["GT"])
      .add("2025-05-20", "diplomatic_assurance.received", { country: "MX", scope: "blanket" })
      .add("2025-05-20", "travel_document.issued", { country: "MX" });
    const cfg = { policy: { thirdCountryProcedure: "dhs_floor" } };
    expect(worst(run(protRules, "PROT-04", h, execute("MX", "2025-06-02"), cfg))).toBe("REVIEW");
  });
});

describe("PROT-05 remediation of wrongful removal", () => {
  it("opens a REVIEW when a removal went to a protected country", () => {
    const h = order(["SV"])
      .add("2023-04-10", "protection.granted", { kind: "withholding", country: "SV" })
      .add("2025-03-15", "departure.verified", { country: "SV", via: "removal" });
    expect(worst(run(protRules, "PROT-05", h, { type: "none", on: "2025-04-01" }))).toBe("REVIEW");
  });

  it("stays silent for a removal that conflicted with nothing", () => {
    const h = order(["SV"]).add("2025-03-15", "departure.verified", { country: "SV", via: "removal" });
    expect(run(protRules, "PROT-05", h, { type: "none", on: "2025-04-01" })).toEqual([]);
  });
});
