/**
 * The pure withholding of words (src/app/oversight/{verdict-redaction,words}.ts): whatever a
 * finding, deadline, task, struck reason or review says, the withheld form keeps the outcome and
 * dates and names no claim.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confidentialEventTypes, isConfidentialEvent } from "../src/app/oversight/confidential.js";
import {
  RESTRICTED_KIND,
  RESTRICTED_RULE,
  WITHHELD,
  withholdDeadline,
  withholdFinding,
  withholdVerdict,
} from "../src/app/oversight/verdict-redaction.js";
import {
  withholdAlert,
  withholdEntry,
  withholdReview,
  withholdStruckReason,
  withholdTask,
} from "../src/app/oversight/words.js";
import type { Finding } from "../src/law/types.js";

const revealing = fc.constantFrom("PROT-01", "PROT-04", "CONF-05", "CIT-01", "STAT-01", "STAT-02");
const plainRule = fc.constantFrom("FIN-01", "STAY-06", "EXE-05", "TIME-08", "DP-01");
const outcome = fc.constantFrom("BLOCK", "REVIEW", "WARN", "ALLOW") as fc.Arbitrary<Finding["outcome"]>;
const secretText = fc.string().map((s) => `I-589 asylum withholding ${s}`);
const finding = fc.record({
  rule: fc.oneof(revealing, plainRule),
  outcome,
  citation: fc.constantFrom("INA 241(b)(3)", "8 CFR 241.4"),
  message: secretText,
  facts: fc.array(secretText, { maxLength: 2 }),
  remedy: fc.option(secretText, { nil: undefined }),
});

describe("withholding words", () => {
  it("a finding keeps its outcome and loses its words; a revealing rule id and citation go too", () => {
    fc.assert(
      fc.property(finding, (f) => {
        const w = withholdFinding(f);
        expect(w.outcome).toBe(f.outcome);
        expect(w.message).toBe(WITHHELD);
        expect(JSON.stringify(w)).not.toMatch(/I-589|asylum|withholding/);
        if (/^(PROT|CONF|CIT|STAT)-/.test(f.rule)) {
          expect(w.rule).toBe(RESTRICTED_RULE);
          expect(w.citation).toBe("restricted");
        } else expect(w.rule).toBe(f.rule);
      }),
    );
  });

  it("a deadline keeps its date; a kind or rule that names a claim is restricted; the note goes", () => {
    expect(withholdDeadline({ kind: "motion.vawa.due", due: "2027-06-01", rule: "TIME-08" })).toEqual({
      kind: RESTRICTED_KIND,
      due: "2027-06-01",
      rule: RESTRICTED_RULE,
    });
    expect(withholdDeadline({ kind: "status.valid_until", due: "2027-01-01", rule: "STAT-01" }).kind).toBe(
      RESTRICTED_KIND,
    );
    const kept = { kind: "appeal.due", due: "2026-07-01", rule: "FIN-01", note: "30 days" };
    expect(withholdDeadline(kept)).toEqual({ kind: "appeal.due", due: "2026-07-01", rule: "FIN-01" });
  });

  it("a deadline task's title and key are rebuilt from the withheld deadline; a review task passes", () => {
    const task = {
      kind: "deadline",
      key: "deadline:motion.vawa.due:2027-06-01",
      title: "motion.vawa.due (TIME-08)",
      due: "2027-06-01",
    };
    expect(withholdTask(task)).toMatchObject({
      title: "restricted (RESTRICTED)",
      key: "deadline:restricted:2027-06-01",
      due: "2027-06-01",
    });
    const plain = {
      ...task,
      key: "deadline:appeal.due:2026-07-01",
      title: "appeal.due (FIN-01)",
      due: "2026-07-01",
    };
    expect(withholdTask(plain)).toEqual(plain);
    const hourly = { ...task, key: "deadline:flores.day20:2026-07-01T15:10", title: "flores.day20 (MIN-02)" };
    expect(withholdTask({ ...hourly, due: "2026-07-01T15:10" }).key).toBe(hourly.key);
    const review = { kind: "review", key: "review:1", title: "Review: removal.schedule", due: "2026-01-01" };
    expect(withholdTask(review)).toBe(review);
  });

  it("entries, struck reasons, alerts and reviews keep outcomes and lose every secret word", () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 4 }), secretText, (findings, text) => {
        const verdict = { outcome: "BLOCK" as const, findings, deadlines: [] };
        const entry = withholdEntry({
          caseId: "c",
          addedVerdict: verdict,
          lastVerdict: verdict,
          lastGate: "event:protection.granted",
          struckReason: { gate: "event:protection.granted", by: "x", message: text, findings },
        });
        const alert = withholdAlert({ gate: "event:fear.claimed", message: text, findings });
        const review = withholdReview({
          action: { type: "removal.schedule", on: "2026-01-01", note: text },
          verdict,
          requestReason: text,
          decisionReason: null,
        });
        for (const out of [entry, alert, review, withholdStruckReason({ message: text, findings })])
          expect(JSON.stringify(out)).not.toMatch(
            /I-589|asylum|withholding|protection|fear|PROT-|CONF-|STAT-/,
          );
        expect(entry.lastVerdict.outcome).toBe("BLOCK");
        expect(review.decisionReason).toBeNull();
        expect(withholdVerdict(verdict).findings.map((f) => f.outcome)).toEqual(
          findings.map((f) => f.outcome),
        );
      }),
    );
  });

  it("only the listed event types can be confidential (the list drives the bulk query)", () => {
    const samples = [
      { type: "fear.claimed" },
      { type: "application.filed", form: "I-589" },
      { type: "status.granted", kind: "tps" },
      { type: "action.blocked", rules: ["PROT-01"] },
      { type: "protection.granted", kind: "withholding", country: "SV" },
    ];
    for (const e of samples) {
      expect(isConfidentialEvent(e)).toBe(true);
      expect(confidentialEventTypes).toContain(e.type);
    }
    fc.assert(
      fc.property(fc.string(), (type) => {
        if (!confidentialEventTypes.includes(type))
          expect(isConfidentialEvent({ type, expressed: true })).toBe(false);
      }),
    );
  });
});
