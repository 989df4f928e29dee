/**
 * The scenario runner: reads scenario files (docs/scenarios.md), replays each
 * as a case history, evaluates its action as of its date, and compares with
 * `expect`. Used by `immos scenario run` and by the tests.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { evaluateScenario, type ScenarioResult } from "../law/evaluate-scenario.js";
import { parseScenario, ScenarioFormatError } from "../law/scenario.js";

/** Every .json file named, or inside a named folder (recursively), in a stable order. */
export function scenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      const entries = readdirSync(p).sort();
      out.push(
        ...scenarioFiles(
          entries
            .filter((e) => e.endsWith(".json") || statSync(join(p, e)).isDirectory())
            .map((e) => join(p, e)),
        ),
      );
    } else out.push(p);
  }
  return out;
}

export function loadScenario(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ScenarioFormatError(file, "(file)", `not valid JSON: ${(e as Error).message}`);
  }
  return parseScenario(raw, file);
}

export function runScenarioFiles(paths: string[]): ScenarioResult[] {
  return scenarioFiles(paths).map((file) => evaluateScenario(loadScenario(file), file));
}

export function formatResultLine(r: ScenarioResult): string {
  if (r.pass === null) {
    const rules = r.verdict.findings
      .filter((f) => f.outcome !== "ALLOW")
      .map((f) => `${f.rule} ${f.outcome}`);
    return `${r.verdict.outcome.padEnd(6)} ${r.id}${rules.length ? `  ${rules.join(", ")}` : ""}`;
  }
  return r.pass ? `PASS ${r.id}` : `FAIL ${r.id}: ${r.differences.join("; ")}`;
}

export function toJson(r: ScenarioResult) {
  return {
    id: r.id,
    file: r.file,
    outcome: r.verdict.outcome,
    findings: r.verdict.findings.map((f) => ({
      rule: f.rule,
      outcome: f.outcome,
      citation: f.citation,
      message: f.message,
      ...(f.remedy ? { remedy: f.remedy } : {}),
    })),
    deadlines: r.verdict.deadlines.map((d) => ({ kind: d.kind, due: d.due })),
    pass: r.pass,
    differences: r.differences,
  };
}
