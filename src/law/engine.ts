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
  const ctx = { history, action, config, asOf };
  let worst = 0;
  for (const rule of rulesFor(rules, action.type)) {
    const result = rule.evaluate(ctx);
    if (!result) continue;
    const found = result.findings;
    if (found)
      for (const f of found) {
        // A rule may quote a memoized fact list; the verdict gets its own copy, free to change.
        if (f.facts) f.facts = f.facts.slice();
        const level = severity[f.outcome];
        if (level > worst) worst = level;
        findings.push(f);
      }
    const due = result.deadlines;
    if (due) for (const d of due) if (!listed(deadlines, d)) deadlines.push({ ...d });
  }
  sortFindings(findings);
  return { outcome: outcomes[worst], findings, deadlines };
}

/** Outcomes by severity: the inverse of `severity`. */
const outcomes: readonly Outcome[] = (Object.keys(severity) as Outcome[]).sort(
  (a, b) => severity[a] - severity[b],
);

/** A verdict lists a deadline of a kind and due date once (a handful per verdict: a scan beats a keyed set). */
function listed(deadlines: readonly Deadline[], d: Deadline): boolean {
  for (const x of deadlines) if (x.kind === d.kind && x.due === d.due) return true;
  return false;
}

/**
 * Most severe first, then by rule id (compareRuleIds), keeping the rules'
 * order among equals: what a stable sort with that comparator gives. Each
 * finding's rank is looked up once, not once per comparison; a finding of a
 * rule outside the standard set (tests) falls back to the comparator itself.
 */
function sortFindings(findings: Finding[]): void {
  if (findings.length < 2) return;
  compareRuleIds(findings[0].rule, findings[0].rule); // builds the rank table
  const ranks = ruleRanks as Map<string, number>;
  const keys = new Int32Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const rank = ranks.get(findings[i].rule);
    const level = severity[findings[i].outcome];
    if (rank === undefined || level === undefined || rank >= 4096 || findings.length >= 4096) {
      findings.sort((a, b) => severity[b.outcome] - severity[a.outcome] || compareRuleIds(a.rule, b.rule));
      return;
    }
    // Severity first (3 = BLOCK first), then rank, then position: a total order, so the result is the stable one.
    keys[i] = ((3 - level) * 4096 + rank) * 4096 + i;
  }
  keys.sort();
  const copy = findings.slice();
  for (let i = 0; i < keys.length; i++) findings[i] = copy[keys[i] % 4096];
}
