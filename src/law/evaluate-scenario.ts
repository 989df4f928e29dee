import { evaluate } from "./engine.js";
import { compareVerdict, type Scenario, scenarioAction, scenarioConfig } from "./scenario.js";
import type { Verdict } from "./types.js";

export interface ScenarioResult {
  id: string;
  file: string;
  verdict: Verdict;
  pass: boolean | null;
  differences: string[];
}

/** Replay a scenario's events as a case history and evaluate its action as of its date. */
export function evaluateScenario(s: Scenario, file: string): ScenarioResult {
  const action = scenarioAction(s);
  const verdict = evaluate(
    { person: s.person ?? {}, events: s.events },
    action,
    scenarioConfig(s),
    action.on,
  );
  const differences = s.expect ? compareVerdict(verdict, s.expect) : [];
  return { id: s.id, file, verdict, pass: s.expect ? differences.length === 0 : null, differences };
}
