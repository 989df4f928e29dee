import { describe, expect, it } from "vitest";
import { history, run, worst } from "../facts/history-builder.js";
import { confRules } from "./conf.js";

const asylum = () =>
  history({ citizenship: ["NI"] })
    .add("2023-02-13", "application.filed", { form: "I-589", pending: false })
    .add("2023-02-13", "confidentiality.flag", { kind: "asylum_208_6" });
const uVisa = (source = "abuser") =>
  history({ citizenship: ["MX"] })
    .add("2024-11-12", "application.filed", { form: "I-918", pending: true })
    .add("2024-11-12", "confidentiality.flag", { kind: "vawa_t_u_1367", abuser: "ex-partner" })
    .add("2025-06-02", "encounter", { location: "other", source });
const send = (content: string[]) => ({
  type: "travel_document.send",
  on: "2025-03-04",
  country: "NI",
  content,
});
const disclose = (to: string, content: string[], extra: Record<string, unknown> = {}) => ({
  type: "disclose",
  on: "2025-06-10",
  to,
  content,
  ...extra,
});

describe("CONF-01 protection-claim confidentiality", () => {
  it("identity only → ALLOW; the asylum claim → BLOCK", () => {
    expect(worst(run(confRules, "CONF-01", asylum(), send(["identity"])))).toBe("ALLOW");
    expect(worst(run(confRules, "CONF-01", asylum(), send(["identity", "asylum_claim"])))).toBe("BLOCK");
  });

  it("another U.S. agency without an exception → REVIEW; with one → ALLOW", () => {
    expect(worst(run(confRules, "CONF-01", asylum(), disclose("fbi", ["asylum_claim"])))).toBe("REVIEW");
    expect(
      worst(
        run(
          confRules,
          "CONF-01",
          asylum(),
          disclose("fbi", ["asylum_claim"], { exception: "criminal investigation" }),
        ),
      ),
    ).toBe("ALLOW");
  });

  it("written consent → ALLOW", () => {
    expect(
      worst(run(confRules, "CONF-01", asylum(), disclose("public", ["asylum_claim"], { consent: true }))),
    ).toBe("ALLOW");
  });

  it("does not bear on a person without a protection claim", () => {
    expect(run(confRules, "CONF-01", history(), send(["identity", "asylum_claim"]))).toEqual([]);
  });
});

describe("CONF-02 consular notification", () => {
  it("mandatory-notification country → WARN", () => {
    const h = history({ citizenship: ["JM"] });
    expect(
      worst(
        run(confRules, "CONF-02", h, {
          type: "consular.notify",
          on: "2025-01-01",
          country: "JM",
          content: ["identity", "detention"],
        }),
      ),
    ).toBe("WARN");
  });

  it("free text about a person with a claim → BLOCK", () => {
    expect(worst(run(confRules, "CONF-02", asylum(), send(["identity", "free_text"])))).toBe("BLOCK");
  });
});

describe("CONF-03 information from the abuser", () => {
  const i200 = { type: "warrant.issue", on: "2025-06-10", form: "I-200" };
  it("every source is the abuser → BLOCK; an independent source → REVIEW", () => {
    expect(worst(run(confRules, "CONF-03", uVisa("abuser"), i200))).toBe("BLOCK");
    expect(worst(run(confRules, "CONF-03", uVisa("record_check"), i200))).toBe("REVIEW");
  });

  it("does not bear on a person without 1367 protection", () => {
    const h = history().add("2025-06-02", "encounter", { location: "other", source: "tip" });
    expect(run(confRules, "CONF-03", h, i200)).toEqual([]);
  });
});

describe("CONF-04 1367 non-disclosure", () => {
  it("the abuser's counsel → BLOCK; internal → ALLOW; a claimed exception → REVIEW", () => {
    expect(
      worst(run(confRules, "CONF-04", uVisa(), disclose("abuser_counsel", ["immigration_status"]))),
    ).toBe("BLOCK");
    expect(worst(run(confRules, "CONF-04", uVisa(), disclose("ice", ["immigration_status"])))).toBe("ALLOW");
    expect(
      worst(
        run(
          confRules,
          "CONF-04",
          uVisa(),
          disclose("doj", ["address"], { exception: "law enforcement need" }),
        ),
      ),
    ).toBe("REVIEW");
  });
});

describe("CONF-05 1229(e) locations", () => {
  const nta = (extra: Record<string, unknown> = {}) => ({
    type: "nta.serve",
    on: "2025-06-12",
    hearing: { date: "2025-08-01", time: "09:00", place: "Immigration Court" },
    servedTo: "person",
    method: "personal",
    ...extra,
  });
  const atShelter = () =>
    history({ citizenship: ["GT"] }).add("2025-06-09", "arrest", { basis: "i200", location: "shelter" });

  it("NTA after an arrest at a shelter: BLOCK without the 1367 statement, ALLOW with it", () => {
    expect(worst(run(confRules, "CONF-05", atShelter(), nta()))).toBe("BLOCK");
    expect(worst(run(confRules, "CONF-05", atShelter(), nta({ complianceStatement1367: true })))).toBe(
      "ALLOW",
    );
  });

  it("a courthouse arrest counts only for T/U applicants", () => {
    const arrest = { type: "arrest.make", on: "2025-06-09", basis: "i200", location: "courthouse" };
    expect(run(confRules, "CONF-05", history(), arrest)).toEqual([]);
    expect(worst(run(confRules, "CONF-05", uVisa("record_check"), arrest))).toBe("REVIEW");
  });
});

describe("CONF-06 other programmes", () => {
  it("TPS application data to a private party → REVIEW", () => {
    const h = history().add("2024-01-01", "application.filed", { form: "I-821", pending: true });
    expect(worst(run(confRules, "CONF-06", h, disclose("employer", ["application_existence"])))).toBe(
      "REVIEW",
    );
    expect(run(confRules, "CONF-06", h, disclose("employer", ["identity"]))).toEqual([]);
  });
});

describe("CONF-07 Privacy Act", () => {
  const lpr = () => history({ citizenship: ["MX"] }).add("2010-01-01", "lpr.admitted");
  it("LPR records to the public without consent or routine use → BLOCK; with a routine use → ALLOW", () => {
    expect(worst(run(confRules, "CONF-07", lpr(), disclose("public", ["address"])))).toBe("BLOCK");
    expect(
      worst(
        run(
          confRules,
          "CONF-07",
          lpr(),
          disclose("public", ["address"], { routineUse: "DHS/ICE-011 routine use G" }),
        ),
      ),
    ).toBe("ALLOW");
  });

  it("does not bear on a non-citizen without LPR status by default", () => {
    expect(
      run(confRules, "CONF-07", history({ citizenship: ["MX"] }), disclose("public", ["address"])),
    ).toEqual([]);
  });
});
