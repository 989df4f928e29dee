/**
 * evaluate(history, action, config, asOf): every rule that bears on the
 * action is asked; the verdict's outcome is the most severe finding
 * (BLOCK > REVIEW > WARN > ALLOW). Pure and deterministic.
 */
import { withFactsMemo } from "./facts/memo.js";
import { allRules } from "./rules/index.js";
import type { Action, Deadline, Finding, History, LawConfig, Outcome, Rule, Verdict } from "./types.js";
import { severity } from "./types.js";

export function mostSevere(outcomes: Iterable<Outcome>): Outcome {
  let worst: Outcome = "ALLOW";
  for (const o of outcomes) if (severity[o] > severity[worst]) worst = o;
  return worst;
}

function bearsOn(rule: Rule, actionType: string): boolean {
  return rule.actions === "*" || rule.actions.includes(actionType);
}

export function evaluate(
  history: History,
  action: Action,
  config: LawConfig = {},
  asOf: string = action.on,
  rules: readonly Rule[] = allRules,
): Verdict {
  // Rules share derived facts through the memo (src/law/facts/memo.ts): computed once per evaluation.
  return withFactsMemo(history, config, () => evaluateRules(history, action, config, asOf, rules));
}

function evaluateRules(
  history: History,
  action: Action,
  config: LawConfig,
  asOf: string,
  rules: readonly Rule[],
): Verdict {
  const findings: Finding[] = [];
  const deadlines: Deadline[] = [];
  const seen = new Set<string>();
  const ctx = { history, action, config, asOf };
  for (const rule of rules) {
    if (!bearsOn(rule, action.type)) continue;
    const result = rule.evaluate(ctx);
    if (!result) continue;
    for (const f of result.findings ?? []) {
      // A rule may quote a memoized fact list; the verdict gets its own copy, free to change.
      if (f.facts) f.facts = f.facts.slice();
      findings.push(f);
    }
    for (const d of result.deadlines ?? []) {
      const key = `${d.kind}|${d.due}`;
      if (seen.has(key)) continue;
      seen.add(key);
      deadlines.push({ ...d });
    }
  }
  findings.sort((a, b) => severity[b.outcome] - severity[a.outcome] || a.rule.localeCompare(b.rule));
  return { outcome: mostSevere(findings.map((f) => f.outcome)), findings, deadlines };
}
