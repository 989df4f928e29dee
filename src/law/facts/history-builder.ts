/**
 * A small builder of case histories for the PROT/CIT/STAT/EXE/CONF unit tests:
 * events are added in date order with only the fields a test cares about, and
 * `run` evaluates one rule and returns its findings. Used by tests only.
 */
import type { CaseEvent } from "../../domain/events.js";
import { caseEventSchema } from "../../domain/events.js";
import type { PersonFacts } from "../../domain/person-facts.js";
import type { Action, Finding, History, LawConfig, Outcome, Rule } from "../types.js";

export class HistoryBuilder {
  readonly events: CaseEvent[] = [];
  constructor(readonly person: PersonFacts = {}) {}

  /** Add an event; it is validated against the event vocabulary so a test cannot use a field that does not exist. */
  add(on: string, type: string, fields: Record<string, unknown> = {}): this {
    this.events.push(caseEventSchema.parse({ on, type, ...fields }));
    return this;
  }

  history(): History {
    return { person: this.person, events: [...this.events].sort((a, b) => a.on.localeCompare(b.on)) };
  }
}

export function history(person: PersonFacts = {}): HistoryBuilder {
  return new HistoryBuilder(person);
}

/** Evaluate one rule of `rules` by id and return its findings (empty when it does not bear on the action). */
export function run(
  rules: readonly Rule[],
  id: string,
  h: HistoryBuilder | History,
  action: Action,
  config: LawConfig = {},
): Finding[] {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const hist = h instanceof HistoryBuilder ? h.history() : h;
  if (rule.actions !== "*" && !rule.actions.includes(action.type)) return [];
  return rule.evaluate({ history: hist, action, config, asOf: action.on })?.findings ?? [];
}

/** The most severe outcome among findings, or undefined when there are none. */
export function worst(findings: readonly Finding[]): Outcome | undefined {
  const order: Outcome[] = ["BLOCK", "REVIEW", "WARN", "ALLOW"];
  return order.find((o) => findings.some((f) => f.outcome === o));
}
