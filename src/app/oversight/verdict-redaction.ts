/**
 * A verdict on a confidential case can reveal the claim through its words
 * ("a pending I-589 concerns ..."), its facts, or the rule id (PROT-, CONF-).
 * Without a need to know and a stated purpose, the reader gets the outcome
 * of each finding, and the words are withheld.
 */
import type { StoredEvent } from "../../domain/case-state.js";
import type { Verdict } from "../../law/types.js";
import { type Actor, can } from "../access.js";
import { caseIsConfidential } from "./confidential.js";

const RESTRICTED =
  "Details restricted: this case holds confidential information (8 CFR 208.6; 8 U.S.C. 1367). State a purpose of access to see why.";
const revealingRule = /^(PROT|CONF|CIT)-/;

export function mayReadConfidential(actor: Actor): boolean {
  return can(actor, "case.confidential") && Boolean(actor.purpose);
}

export function redactVerdict(
  verdict: Verdict,
  actor: Actor,
  history: readonly StoredEvent[],
  flags: readonly string[] = [],
): Verdict {
  if (mayReadConfidential(actor) || !caseIsConfidential(history, flags)) return verdict;
  return {
    outcome: verdict.outcome,
    findings: verdict.findings.map((f) => ({
      rule: revealingRule.test(f.rule) ? "RESTRICTED" : f.rule,
      outcome: f.outcome,
      citation: revealingRule.test(f.rule) ? "restricted" : f.citation,
      message: RESTRICTED,
      ...(f.remedy ? { remedy: RESTRICTED } : {}),
    })),
    deadlines: verdict.deadlines.map((d) => ({
      kind: d.kind,
      due: d.due,
      rule: revealingRule.test(d.rule) ? "RESTRICTED" : d.rule,
    })),
  };
}
