import { describe, expect, it } from "vitest";
import { isSpecificFact } from "./arr/arrest.js";
import { arrRules } from "./arr.js";
import { booked, due, hist, ijOrder, outcome, verdict } from "./det/test-kit.js";
import { locRules } from "./loc.js";

const run = (
  h: ReturnType<typeof hist>,
  action: Record<string, unknown> & { type: string; on: string },
  config = {},
) => verdict([...arrRules, ...locRules], h, action, config);
const finalOrder = [
  ijOrder("2024-03-11", { countries: ["SV"] }),
  { on: "2024-03-11", type: "appeal.waived", knowing: true },
];

describe("ARR-01 I-200", () => {
  const issue = { type: "warrant.issue", on: "2025-06-10", form: "I-200" };
  it("blocks an unsigned, blank or wrongly signed I-200", () => {
    expect(
      outcome(run(hist([]), { ...issue, probableCause: "biometric_match", signed: false }), "ARR-01"),
    ).toBe("BLOCK");
    expect(
      outcome(run(hist([]), { ...issue, probableCause: "biometric_match", blank: true }), "ARR-01"),
    ).toBe("BLOCK");
    expect(
      outcome(
        run(hist([]), { ...issue, probableCause: "statements", signerRole: "deportation_officer" }),
        "ARR-01",
      ),
    ).toBe("BLOCK");
    expect(
      outcome(
        run(hist([]), { ...issue, probableCause: "statements", signerRole: "field_office_director" }),
        "ARR-01",
      ),
    ).toBe("ALLOW");
  });
  it("requires a probable-cause basis: from the action or a served charging document", () => {
    expect(outcome(run(hist([]), { ...issue, probableCause: "none" }), "ARR-01")).toBe("BLOCK");
    expect(outcome(run(hist([]), issue), "ARR-01")).toBe("REVIEW");
    const nta = hist([
      { on: "2025-05-01", type: "nta.served", hearing: null, servedTo: "person", method: "personal" },
    ]);
    expect(outcome(run(nta, issue), "ARR-01")).toBe("ALLOW");
  });
});

describe("ARR-02 / ARR-03 warrantless arrest", () => {
  const arrest = {
    type: "arrest.make",
    on: "2025-10-15",
    at: "14:20",
    basis: "warrantless",
    location: "traffic_stop",
    reasonToBelieve: "admitted at the stop that he overstayed a 2015 B-2 visa",
  };
  it("treats a restatement of the standard as no fact", () => {
    expect(isSpecificFact("likely to escape")).toBe(false);
    expect(isSpecificFact("Unlikely to remain at the location.")).toBe(false);
    expect(isSpecificFact("")).toBe(false);
    expect(isSpecificFact("ran from officers at the previous encounter in 2024")).toBe(true);
  });
  it("blocks without flight-risk facts and reviews with them", () => {
    expect(outcome(run(hist([]), arrest), "ARR-02")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...arrest, likelyToEscapeFacts: "flight risk" }), "ARR-02")).toBe("BLOCK");
    const facts = {
      ...arrest,
      likelyToEscapeFacts: "gave a false name and has no fixed address; fled a prior stop",
    };
    expect(outcome(run(hist([]), facts), "ARR-02")).toBe("REVIEW");
  });
  it("dates the custody decision 48 hours after the arrest, across a DST change", () => {
    expect(due(run(hist([]), arrest), "custody.decision_due")).toBe("2025-10-17T14:20");
    expect(due(run(hist([]), { ...arrest, on: "2025-11-01", at: "12:00" }), "custody.decision_due")).toBe(
      "2025-11-03T11:00",
    );
  });
  it("blocks continued custody past 48 hours without a decision; allows at 48 hours", () => {
    const h = hist([
      {
        on: "2025-10-15",
        at: "14:20",
        type: "arrest",
        basis: "warrantless",
        location: "street",
        reasonToBelieve: "admitted overstay of B-2 visa",
        likelyToEscapeFacts: "no fixed address and fled a prior stop",
      },
      booked("2025-10-15", "236a"),
    ]);
    expect(outcome(run(h, { type: "detention.continue", on: "2025-10-17", at: "14:20" }), "ARR-03")).toBe(
      "ALLOW",
    );
    expect(outcome(run(h, { type: "detention.continue", on: "2025-10-17", at: "14:21" }), "ARR-03")).toBe(
      "BLOCK",
    );
  });
});

describe("ARR-04 detainers", () => {
  const detainer = {
    type: "detainer.issue",
    on: "2025-10-08",
    attachedWarrant: "I-200",
    releaseAt: "2025-10-10T17:00",
    probableCause: "biometric_match",
    citizenshipChecked: true,
  };
  it("blocks without a warrant, probable cause or citizenship check", () => {
    expect(outcome(run(hist([]), detainer), "ARR-04")).toBe("ALLOW");
    expect(outcome(run(hist([]), { ...detainer, attachedWarrant: "none" }), "ARR-04")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...detainer, probableCause: "none" }), "ARR-04")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...detainer, citizenshipChecked: false }), "ARR-04")).toBe("BLOCK");
  });
  it("uses the shorter of the flat and the business-hour readings unless configured", () => {
    expect(due(run(hist([]), detainer), "detainer.hold_expires")).toBe("2025-10-12T17:00");
    const reg = { policy: { detainerHoldComputation: "regulation" } };
    expect(due(run(hist([]), detainer, reg), "detainer.hold_expires")).toBe("2025-10-15T17:00");
  });
  it("blocks a hold past the expiry and allows one ending at it", () => {
    expect(outcome(run(hist([]), { ...detainer, holdUntil: "2025-10-12T17:00" }), "ARR-04")).toBe("ALLOW");
    expect(outcome(run(hist([]), { ...detainer, holdUntil: "2025-10-12T17:01" }), "ARR-04")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...detainer, holdUntil: "2025-10-12" }), "ARR-04")).toBe("BLOCK");
  });
});

describe("ARR-05 / LOC-02 home entry", () => {
  const entry = {
    type: "arrest.make",
    on: "2025-10-21",
    basis: "i205",
    location: "residence",
    homeEntry: true,
  };
  it("blocks non-consensual entry on an administrative warrant by default", () => {
    const h = hist(finalOrder);
    expect(outcome(run(h, entry), "ARR-05")).toBe("BLOCK");
    expect(outcome(run(h, entry), "LOC-02")).toBe("BLOCK");
    expect(outcome(run(h, entry, { policy: { homeEntryAdminWarrant: "review" } }), "ARR-05")).toBe("REVIEW");
  });
  it("allows entry with consent or a judicial warrant and reviews a claimed exigency", () => {
    const h = hist(finalOrder);
    expect(outcome(run(h, { ...entry, consent: true }), "ARR-05")).toBe("ALLOW");
    expect(outcome(run(h, { ...entry, judicialWarrant: true }), "ARR-05")).toBe("ALLOW");
    expect(outcome(run(h, { ...entry, exigency: "hot pursuit from the street" }), "ARR-05")).toBe("REVIEW");
    expect(outcome(run(h, { ...entry, homeEntry: false }), "ARR-05")).toBeUndefined();
  });
});

describe("ARR-06 I-205", () => {
  const issue = { type: "warrant.issue", on: "2025-06-10", form: "I-205" };
  it("issues only on a final order", () => {
    expect(outcome(run(hist(finalOrder), issue), "ARR-06")).toBe("ALLOW");
    expect(outcome(run(hist([ijOrder("2025-06-02")]), issue), "ARR-06")).toBe("BLOCK");
    expect(outcome(run(hist([]), issue), "ARR-06")).toBe("BLOCK");
  });
});
