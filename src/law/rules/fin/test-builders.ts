/** Small builders for FIN/STAY unit tests: a validated history and a verdict over chosen rules. */
import { type CaseEvent, caseEventSchema } from "../../../domain/events.js";
import type { PersonFacts } from "../../../domain/person-facts.js";
import { evaluate } from "../../engine.js";
import type { Action, Finding, History, LawConfig, Rule, Verdict } from "../../types.js";

export function history(events: Record<string, unknown>[], person: PersonFacts = {}): History {
  return { person, events: events.map((e) => caseEventSchema.parse(e) as CaseEvent) };
}

export const ijOrder = (on: string, extra: Record<string, unknown> = {}) => ({
  on,
  type: "order.issued",
  by: "IJ",
  kind: "removal",
  delivery: "oral",
  countries: ["HN"],
  ...extra,
});

export function run(
  rules: readonly Rule[],
  h: History,
  action: Partial<Action> & { type: string; on: string },
  config: LawConfig = {},
): Verdict {
  return evaluate(h, { country: "HN", ...action } as Action, config, action.on, rules);
}

export function outcomeOf(v: Verdict, rule: string): string | undefined {
  const mine = v.findings.filter((f: Finding) => f.rule === rule);
  if (!mine.length) return undefined;
  const order = ["ALLOW", "WARN", "REVIEW", "BLOCK"];
  return mine.map((f) => f.outcome).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
}

export function due(v: Verdict, kind: string): string[] {
  return v.deadlines.filter((d) => d.kind === kind).map((d) => d.due);
}
