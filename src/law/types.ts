/**
 * The law engine's vocabulary. Everything here is a plain value: a verdict is
 * returned, never thrown, and nothing reads a clock or a database.
 */
import type { CaseEvent } from "../domain/events.js";
import type { PersonFacts } from "../domain/person-facts.js";

export type Outcome = "BLOCK" | "REVIEW" | "WARN" | "ALLOW";
export const severity: Record<Outcome, number> = { ALLOW: 0, WARN: 1, REVIEW: 2, BLOCK: 3 };

export interface Finding {
  /** Rule id from docs/law/RULES.md, e.g. "STAY-02". */
  rule: string;
  outcome: Outcome;
  citation: string;
  /** A sentence an officer understands: what the rule found and why. */
  message: string;
  /** The facts it relied on, in words ("order.issued 2025-06-02 (IJ, oral)"). */
  facts?: string[];
  /** For BLOCK and REVIEW: which fact would have to change for the action to go ahead. */
  remedy?: string;
}

export interface Deadline {
  /** One of the deadline kinds of docs/scenarios.md (appeal.due, flores.day20, ...). */
  kind: string;
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM in the custody time zone for hour periods. */
  due: string;
  rule: string;
  note?: string;
}

export interface Verdict {
  outcome: Outcome;
  findings: Finding[];
  deadlines: Deadline[];
}

/** A policy switch's value, optionally varying by the date from which it applies. */
export type PolicyValue = string | boolean | number;
export type PolicySetting = PolicyValue | { value: PolicyValue; from?: string; to?: string }[];

export interface LawConfig {
  /** Controlling federal circuit: "1".."11" or "DC". */
  circuit?: string;
  /** IANA time zone of custody; default America/New_York. */
  tz?: string;
  /** Class-action memberships, e.g. ["maldonado_bautista"]. */
  classes?: string[];
  /** Ad hoc closures (YYYY-MM-DD) that count as legal holidays. */
  closures?: string[];
  /** Named switches for [POLICY] and [UNSETTLED] rules; see src/law/policy.ts. */
  policy?: Record<string, PolicySetting>;
  /** NTA-08: role codes allowed to sign each form (I-862, I-200, I-205, I-860); defaults in src/law/facts/issuing-roles.ts. */
  issuingRoles?: Record<string, string[]>;
}

/** An attempted action, as in docs/scenarios.md "Action types". */
export interface Action {
  type: string;
  on: string;
  at?: string;
  tz?: string;
  [field: string]: unknown;
}

export interface History {
  person: PersonFacts;
  /** In date order; superseded events already removed. */
  events: CaseEvent[];
}

/** What a rule sees. `asOf` is the action's date: rules never look at a clock. */
export interface RuleContext {
  history: History;
  action: Action;
  config: LawConfig;
  asOf: string;
}

export interface RuleResult {
  findings?: Finding[];
  deadlines?: Deadline[];
}

export interface Rule {
  id: string;
  title: string;
  citation: string;
  /** Action types the rule bears on; "*" for every action (deadline rules). */
  actions: readonly string[] | "*";
  evaluate(ctx: RuleContext): RuleResult | null;
}
