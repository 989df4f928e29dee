/** Small builders for DET/MIN/ARR/LOC unit tests: a validated history and a verdict over chosen rules. */
import { type CaseEvent, caseEventSchema } from "../../../domain/events.js";
import { type PersonFacts, personFactsSchema } from "../../../domain/person-facts.js";
import { evaluate } from "../../engine.js";
import type { Action, History, LawConfig, Rule, Verdict } from "../../types.js";

export function hist(events: Record<string, unknown>[], person: Record<string, unknown> = {}): History {
  return {
    person: personFactsSchema.parse(person) as PersonFacts,
    events: events.map((e) => caseEventSchema.parse(e) as CaseEvent),
  };
}

export function verdict(
  rules: readonly Rule[],
  h: History,
  action: Record<string, unknown> & { type: string; on: string },
  config: LawConfig = {},
): Verdict {
  return evaluate(h, action as Action, config, action.on, rules);
}

/** The most severe outcome the rule found, or undefined when it did not speak. */
export function outcome(v: Verdict, rule: string): string | undefined {
  const order = ["ALLOW", "WARN", "REVIEW", "BLOCK"];
  const mine = v.findings.filter((f) => f.rule === rule).map((f) => f.outcome);
  return mine.sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
}

export function due(v: Verdict, kind: string): string | undefined {
  return v.deadlines.find((d) => d.kind === kind)?.due;
}

export const booked = (
  on: string,
  authority: string,
  kind = "adult",
  extra: Record<string, unknown> = {},
) => ({
  on,
  type: "custody.booked",
  facility: { kind },
  authority,
  ...extra,
});

export const ijOrder = (on: string, extra: Record<string, unknown> = {}) => ({
  on,
  type: "order.issued",
  by: "IJ",
  kind: "removal",
  delivery: "oral",
  countries: ["HN"],
  ...extra,
});
