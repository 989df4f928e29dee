/** A small builder for rule unit tests: a history, an action and the verdict of one rule or of the engine. */
import type { CaseEvent } from "../../../domain/events.js";
import { caseEventSchema } from "../../../domain/events.js";
import type { PersonFacts } from "../../../domain/person-facts.js";
import { evaluate } from "../../engine.js";
import type { Action, LawConfig, Rule, RuleResult, Verdict } from "../../types.js";

/** Parse each event through the shared schema so a test cannot use a shape a scenario could not. */
export function events(...raw: Record<string, unknown>[]): CaseEvent[] {
  return raw.map((e) => caseEventSchema.parse(e));
}

export interface Case {
  person?: PersonFacts;
  events?: CaseEvent[];
  config?: LawConfig;
}

export function runRule(rule: Rule, c: Case, action: Action): RuleResult | null {
  return rule.evaluate({
    history: { person: c.person ?? {}, events: c.events ?? [] },
    action,
    config: c.config ?? {},
    asOf: action.on,
  });
}

export function outcomeOf(rule: Rule, c: Case, action: Action): string | undefined {
  const findings = runRule(rule, c, action)?.findings ?? [];
  const order = ["BLOCK", "REVIEW", "WARN", "ALLOW"];
  return order.find((o) => findings.some((f) => f.outcome === o));
}

export function deadline(rule: Rule, c: Case, action: Action, kind: string): string[] {
  return (runRule(rule, c, action)?.deadlines ?? []).filter((d) => d.kind === kind).map((d) => d.due);
}

export function verdict(c: Case, action: Action): Verdict {
  return evaluate({ person: c.person ?? {}, events: c.events ?? [] }, action, c.config ?? {}, action.on);
}
