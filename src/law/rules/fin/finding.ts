/** Small builders shared by the FIN and STAY families. */
import { isExecution, removalActions, removalDate } from "../../facts/removal.js";
import type { Action, Finding, Outcome } from "../../types.js";

export interface RuleHead {
  id: string;
  citation: string;
}

export function finding(
  rule: RuleHead,
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

/** Removal actions plus the I-205 warrant of removal, which rests on the same final order (ARR-06). */
export const orderGatedActions = [...removalActions, "order.mark_final", "warrant.issue"] as const;

/** True when the action moves towards removal under the order (a warrant.issue only for an I-205). */
export function gatesOnOrder(action: Action): boolean {
  if (action.type === "warrant.issue") return action.form === "I-205";
  return (orderGatedActions as readonly string[]).includes(action.type);
}

export function isRemovalAction(action: Action): boolean {
  return (removalActions as readonly string[]).includes(action.type);
}

/** The day the removal would happen: the scheduled date, or the action's date. */
export function plannedDate(action: Action): string {
  return removalDate(action);
}

export { isExecution };
