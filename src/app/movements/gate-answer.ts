/**
 * The gate's answer as the officer who ran it may read it. A struck person's reasons on a confidential
 * case (a protection grant, an asylum or VAWA/T/U filing) are withheld from a reader without a need
 * to know and a stated purpose, as every read path does (docs/oversight.md); the manifest entry and
 * the officer-in-charge alert keep them whole for those who may read them.
 */
import type { Actor } from "../access.js";
import type { LawInputs } from "../law-inputs.js";
import { caseIsConfidential } from "../oversight/confidential.js";
import { mayReadConfidential, withholdFinding } from "../oversight/verdict-redaction.js";
import { type GateResult, reasonText } from "./gate.js";

export function gateAnswerFor(
  actor: Actor,
  result: GateResult,
  inputs: ReadonlyMap<string, LawInputs>,
  movementNumber: string,
): GateResult {
  if (mayReadConfidential(actor)) return result;
  return {
    ...result,
    struck: result.struck.map((s) => {
      const li = inputs.get(s.caseId);
      if (li && !caseIsConfidential(li.stored)) return s;
      const reasons = s.reasons.map(withholdFinding);
      return {
        ...s,
        reasons,
        message: `Struck from ${movementNumber} at the ${result.gate} gate: ${reasonText(reasons)}`,
      };
    }),
  };
}
