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

/** The rules of the standard set that bear on each action type, found once per type rather than per verdict. */
const standardRulesByAction = new Map<string, readonly Rule[]>();
function rulesFor(rules: readonly Rule[], actionType: string): readonly Rule[] {
  if (rules !== allRules) return rules.filter((rule) => bearsOn(rule, actionType));
  let list = standardRulesByAction.get(actionType);
  if (!list) {
    list = rules.filter((rule) => bearsOn(rule, actionType));
    standardRulesByAction.set(actionType, list);
  }
  return list;
}

/**
 * Findings are ordered by rule id with localeCompare. Comparing two ids'
 * positions in the standard ids sorted once by that same localeCompare gives
 * the same order at a fraction of the cost; an id outside the table (a test
 * rule) falls back to localeCompare itself.
 */
let ruleRanks: Map<string, number> | undefined;
function compareRuleIds(a: string, b: string): number {
  if (!ruleRanks) {
    const ids = [...new Set(allRules.map((r) => r.id))].sort((x, y) => x.localeCompare(y));
    const ranks = new Map<string, number>();
    let rank = 0;
    for (let i = 0; i < ids.length; i++) {
      // Ids that localeCompare calls equal share a rank, so that they stay equal.
      if (i > 0 && ids[i - 1].localeCompare(ids[i]) !== 0) rank = i;
      ranks.set(ids[i], rank);
    }
    ruleRanks = ranks;
  }
  const x = ruleRanks.get(a);
  const y = ruleRanks.get(b);
  return x === undefined || y === undefined ? a.localeCompare(b) : x - y;
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
  for (const rule of rulesFor(rules, action.type)) {
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
  findings.sort((a, b) => severity[b.outcome] - severity[a.outcome] || compareRuleIds(a.rule, b.rule));
  return { outcome: mostSevere(findings.map((f) => f.outcome)), findings, deadlines };
}
