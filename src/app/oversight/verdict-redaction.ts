/**
 * A verdict on a confidential case can reveal the claim through its words
 * ("a pending I-589 concerns ..."), its facts, the rule id (PROT-, CONF-,
 * CIT-, STAT- for TPS/DACA/U/T status) or a deadline kind (motion.vawa.due).
 * Without a need to know and a stated purpose, the reader gets the outcome
 * of each finding and the due date of each deadline, and the words are
 * withheld. The same withholding applies wherever a verdict's words are kept
 * and shown again: manifest entries, struck reasons, gate alerts, deadline
 * tasks, review requests (./words.ts).
 */
import type { StoredEvent } from "../../domain/case-state.js";
import type { Deadline, Finding, Verdict } from "../../law/types.js";
import { type Actor, can, statedPurpose } from "../access.js";
import { caseIsConfidential } from "./confidential.js";

/**
 * What a reader sees in place of withheld words. Neutral on purpose: no statute, no claim type, so
 * it reads the same for an asylum claim, a 1367 petition, a TPS or a DACA record.
 */
export const WITHHELD = "Withheld: confidential. A reader with a need to know may state a purpose of access.";
export const RESTRICTED_RULE = "RESTRICTED";
export const RESTRICTED_KIND = "restricted";

const revealingRule = /^(PROT|CONF|CIT|STAT)-/;
/** Deadline kinds that exist only because of a confidential claim, whatever rule gives them. */
const revealingDeadlineKinds: ReadonlySet<string> = new Set(["motion.vawa.due"]);

export const isRevealingRule = (rule: string): boolean => revealingRule.test(rule);

export function mayReadConfidential(actor: Actor): boolean {
  return can(actor, "case.confidential") && Boolean(statedPurpose(actor.purpose));
}

/** A finding with its words withheld: outcome kept, rule id and citation only when they reveal nothing. */
export function withholdFinding(f: Finding): Finding {
  const revealing = isRevealingRule(f.rule);
  return {
    rule: revealing ? RESTRICTED_RULE : f.rule,
    outcome: f.outcome,
    citation: revealing ? "restricted" : f.citation,
    message: WITHHELD,
    ...(f.remedy ? { remedy: WITHHELD } : {}),
  };
}

/** A deadline with its words withheld: the due date stays (the work is still due), the note goes. */
export function withholdDeadline(d: Pick<Deadline, "kind" | "due" | "rule">): Deadline {
  const revealing = isRevealingRule(d.rule) || revealingDeadlineKinds.has(d.kind);
  return {
    kind: revealing ? RESTRICTED_KIND : d.kind,
    due: d.due,
    rule: revealing ? RESTRICTED_RULE : d.rule,
  };
}

/** A verdict with every word withheld (unconditional; callers decide who gets it). */
export function withholdVerdict(verdict: Verdict): Verdict {
  return {
    outcome: verdict.outcome,
    findings: (verdict.findings ?? []).map(withholdFinding),
    deadlines: (verdict.deadlines ?? []).map(withholdDeadline),
  };
}

export function redactVerdict(
  verdict: Verdict,
  actor: Actor,
  history: readonly StoredEvent[],
  flags: readonly string[] = [],
): Verdict {
  if (mayReadConfidential(actor) || !caseIsConfidential(history, flags)) return verdict;
  return withholdVerdict(verdict);
}
