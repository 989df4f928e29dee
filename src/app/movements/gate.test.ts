/**
 * The gate's decision (who stays on a manifest) as a pure function of the verdict, the acknowledgement
 * and the supervisor-approved REVIEW rules: an approval lets only the REVIEW findings of the rules it
 * covers pass; a BLOCK, or a REVIEW of any other rule, still refuses (fail closed).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, Outcome, Verdict } from "../../law/types.js";
import { approvedRules, permits, refusingFindings, residualOutcome, reviewRules } from "./gate.js";

const finding = (rule: string, outcome: Outcome): Finding => ({ rule, outcome, citation: "c", message: "m" });
const order: Outcome[] = ["ALLOW", "WARN", "REVIEW", "BLOCK"];
const verdictOf = (...findings: Finding[]): Verdict => ({
  outcome: findings.reduce<Outcome>(
    (w, f) => (order.indexOf(f.outcome) > order.indexOf(w) ? f.outcome : w),
    "ALLOW",
  ),
  findings,
  deadlines: [],
});

describe("the gate's permits logic", () => {
  it("without an approval: ALLOW passes, WARN only acknowledged, REVIEW and BLOCK never", () => {
    expect(permits(verdictOf(finding("A-1", "ALLOW")), false)).toBe(true);
    expect(permits(verdictOf(finding("A-1", "WARN")), false)).toBe(false);
    expect(permits(verdictOf(finding("A-1", "WARN")), true)).toBe(true);
    expect(permits(verdictOf(finding("A-1", "REVIEW")), true)).toBe(false);
    expect(permits(verdictOf(finding("A-1", "BLOCK")), true)).toBe(false);
  });

  it("an approved REVIEW rule passes; another REVIEW rule or any BLOCK still refuses", () => {
    const approved = new Set(["EXE-03"]);
    const review = verdictOf(finding("EXE-03", "REVIEW"), finding("STAY-01", "ALLOW"));
    expect(permits(review, false, approved)).toBe(true);
    expect(refusingFindings(review, false, approved)).toEqual([]);

    const newReview = verdictOf(finding("EXE-03", "REVIEW"), finding("STAY-05", "REVIEW"));
    expect(permits(newReview, true, approved)).toBe(false);
    expect(refusingFindings(newReview, true, approved).map((f) => f.rule)).toEqual(["STAY-05"]);

    const blocked = verdictOf(finding("EXE-03", "REVIEW"), finding("STAY-01", "BLOCK"));
    expect(permits(blocked, true, approved)).toBe(false);
    expect(refusingFindings(blocked, true, approved).map((f) => f.rule)).toEqual(["STAY-01"]);
    // Approving a rule's REVIEW never lifts a BLOCK of the same rule.
    expect(permits(verdictOf(finding("EXE-03", "BLOCK")), true, approved)).toBe(false);
  });

  it("what an approval leaves behind is judged as without one (WARN needs the acknowledgement)", () => {
    const approved = new Set(["EXE-03"]);
    const mixed = verdictOf(finding("EXE-03", "REVIEW"), finding("EXE-02", "WARN"));
    expect(residualOutcome(mixed, approved)).toBe("WARN");
    expect(permits(mixed, false, approved)).toBe(false);
    expect(permits(mixed, true, approved)).toBe(true);
  });

  it("fails closed on a verdict its findings do not explain", () => {
    const odd: Verdict = { outcome: "REVIEW", findings: [finding("EXE-03", "ALLOW")], deadlines: [] };
    expect(residualOutcome(odd, new Set(["EXE-03"]))).toBe("REVIEW");
    expect(permits(odd, true, new Set(["EXE-03"]))).toBe(false);
  });

  it("reads the stored approvals, and anything malformed covers nothing", () => {
    expect([...approvedRules([{ rules: ["EXE-03"] }, { rules: ["STAY-05", 7] }])].sort()).toEqual([
      "EXE-03",
      "STAY-05",
    ]);
    expect(approvedRules(null).size).toBe(0);
    expect(approvedRules({ rules: ["EXE-03"] }).size).toBe(0);
    expect(reviewRules(verdictOf(finding("EXE-03", "REVIEW"), finding("X", "WARN")))).toEqual(["EXE-03"]);
  });

  it("property: permitted with approvals iff every BLOCK/REVIEW is an approved REVIEW and WARN is acknowledged", () => {
    const rules = ["R-1", "R-2", "R-3", "R-4"];
    const arbFinding = fc.record({
      rule: fc.constantFrom(...rules),
      outcome: fc.constantFrom<Outcome>(...order),
    });
    fc.assert(
      fc.property(
        fc.array(arbFinding, { maxLength: 6 }),
        fc.subarray(rules),
        fc.boolean(),
        (fs, approvedList, ack) => {
          const v = verdictOf(...fs.map((f) => finding(f.rule, f.outcome)));
          const approved = new Set(approvedList);
          const expected = fs.every(
            (f) =>
              f.outcome === "ALLOW" ||
              (f.outcome === "WARN" && ack) ||
              (f.outcome === "REVIEW" && approved.has(f.rule)),
          );
          expect(permits(v, ack, approved)).toBe(expected);
          expect(refusingFindings(v, ack, approved).length === 0).toBe(expected);
          // An approval never makes the gate stricter, and without one nothing changes.
          if (permits(v, ack)) expect(permits(v, ack, approved)).toBe(true);
        },
      ),
    );
  });
});
