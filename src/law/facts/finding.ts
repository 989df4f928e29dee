/** A finding in the shape every rule returns (src/law/types.ts), built from the rule's own id and citation. */
import type { Finding, Outcome, Rule } from "../types.js";

export function finding(
  rule: Pick<Rule, "id" | "citation">,
  outcome: Outcome,
  message: string,
  facts: string[] = [],
  remedy?: string,
): Finding {
  const f: Finding = { rule: rule.id, outcome, citation: rule.citation, message: `${rule.id}: ${message}` };
  if (facts.length) f.facts = facts;
  if (remedy && (outcome === "BLOCK" || outcome === "REVIEW")) f.remedy = remedy;
  return f;
}
