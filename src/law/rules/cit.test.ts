import { describe, expect, it } from "vitest";
import { history, run, worst } from "../facts/history-builder.js";
import { citRules } from "./cit.js";

const removal = { type: "removal.schedule", on: "2025-05-15", country: "MX" };
const arrest = { type: "arrest.make", on: "2025-05-15", basis: "i200", location: "street" };
const withOrder = (person = {}) =>
  history({ citizenship: ["MX"], ...person }).add("2024-03-05", "order.issued", {
    by: "IJ",
    kind: "removal",
    delivery: "oral",
    countries: ["MX"],
  });

describe("CIT-01 claims and indicators", () => {
  it("does not bear on a record without a claim or indicator", () => {
    expect(run(citRules, "CIT-01", withOrder(), removal)).toEqual([]);
  });

  it("claim without probative evidence → REVIEW; with probative evidence → BLOCK", () => {
    const none = withOrder().add("2025-05-12", "citizenship.claimed", {
      basis: "birth_us",
      evidence: "none",
    });
    expect(worst(run(citRules, "CIT-01", none, removal))).toBe("REVIEW");
    const probative = withOrder().add("2025-05-12", "citizenship.claimed", {
      basis: "birth_us",
      evidence: "probative",
    });
    expect(worst(run(citRules, "CIT-01", probative, arrest))).toBe("BLOCK");
  });

  it("an OPLA determination decides: not_usc → ALLOW, usc → BLOCK", () => {
    const claimed = () =>
      withOrder().add("2025-05-01", "citizenship.claimed", { basis: "birth_us", evidence: "probative" });
    expect(
      worst(
        run(
          citRules,
          "CIT-01",
          claimed().add("2025-05-10", "citizenship.determined", { result: "not_usc" }),
          removal,
        ),
      ),
    ).toBe("ALLOW");
    expect(
      worst(
        run(
          citRules,
          "CIT-01",
          claimed().add("2025-05-10", "citizenship.determined", { result: "usc" }),
          removal,
        ),
      ),
    ).toBe("BLOCK");
  });

  it("a determination older than a new claim does not settle it", () => {
    const h = withOrder()
      .add("2025-04-01", "citizenship.determined", { result: "not_usc" })
      .add("2025-05-01", "citizenship.claimed", { basis: "derived", evidence: "probative" });
    expect(worst(run(citRules, "CIT-01", h, removal))).toBe("BLOCK");
  });

  it("birth in Puerto Rico is a direct indicator → BLOCK", () => {
    expect(worst(run(citRules, "CIT-01", withOrder({ birthCountry: "PR" }), removal))).toBe("BLOCK");
  });
});

describe("CIT-02 derivation under INA 320", () => {
  // Born 2001-04-10: the 18th birthday is 2019-04-10.
  const derived = (naturalizedOn: string, custody = true) =>
    withOrder({ birthDate: "2001-04-10" })
      .add("2008-06-16", "lpr.admitted")
      .add(naturalizedOn, "parent.naturalized", { parent: "mother", custody });

  it("mother naturalized the day before the 18th birthday → BLOCK (pattern)", () => {
    expect(worst(run(citRules, "CIT-02", derived("2019-04-09"), removal))).toBe("BLOCK");
    expect(worst(run(citRules, "CIT-01", derived("2019-04-09"), removal))).toBe("BLOCK");
  });

  it("mother naturalized on the 18th birthday → no derivation", () => {
    expect(run(citRules, "CIT-02", derived("2019-04-10"), removal)).toEqual([]);
  });

  it("without recorded custody the pattern is incomplete → REVIEW", () => {
    expect(worst(run(citRules, "CIT-02", derived("2016-06-01", false), removal))).toBe("REVIEW");
  });

  it("without LPR status the pattern is incomplete → REVIEW", () => {
    const h = withOrder({ birthDate: "2001-04-10" }).add("2016-06-01", "parent.naturalized", {
      parent: "mother",
      custody: true,
    });
    expect(worst(run(citRules, "CIT-02", h, removal))).toBe("REVIEW");
  });

  it("a parent naturalized before the birth is an acquisition pattern → BLOCK", () => {
    const h = withOrder({ birthDate: "2001-04-10" }).add("1999-01-01", "parent.naturalized", {
      parent: "father",
      custody: false,
    });
    expect(worst(run(citRules, "CIT-02", h, removal))).toBe("BLOCK");
  });

  it("an unknown birth date cannot rule the pattern out → BLOCK", () => {
    const h = withOrder()
      .add("2008-06-16", "lpr.admitted")
      .add("2016-06-01", "parent.naturalized", { parent: "mother", custody: true });
    expect(worst(run(citRules, "CIT-02", h, removal))).toBe("BLOCK");
  });
});

describe("CIT-03 nationality claim in a petition for review", () => {
  const h = () =>
    withOrder()
      .add("2025-03-01", "citizenship.claimed", { basis: "acquired", evidence: "none" })
      .add("2025-04-01", "pfr.filed", { circuit: "5" });

  it("pending petition with a nationality claim → REVIEW", () => {
    expect(worst(run(citRules, "CIT-03", h(), removal))).toBe("REVIEW");
  });

  it("decided petition → not relevant", () => {
    expect(
      run(
        citRules,
        "CIT-03",
        h().add("2025-05-01", "appeal.decided", { forum: "circuit", outcome: "dismissed" }),
        removal,
      ),
    ).toEqual([]);
  });
});
