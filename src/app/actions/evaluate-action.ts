/**
 * The verdict an action would get, without taking it: shown before a button
 * is pressed, and the "what if" panel (a hypothetical action on a chosen date).
 */
import { z } from "zod";
import { evaluate } from "../../law/engine.js";
import { type Actor, authorize, authorizeCase } from "../access.js";
import { type AppContext, today } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { caseNotFound, findCase } from "../load-case.js";
import { redactVerdict } from "../oversight/verdict-redaction.js";
import { actionSpecs } from "./catalog.js";
import { parseAction } from "./parse-action.js";

export const evaluateActionInput = z.object({ action: z.looseObject({ type: z.string() }) });

export async function evaluateAction(
  ctx: AppContext,
  actor: Actor,
  caseRef: string,
  raw: z.input<typeof evaluateActionInput>,
) {
  const { action } = parseAction(evaluateActionInput.parse(raw).action);
  const tx = ctx.database.db;
  authorize(actor, "case.read"); // the role before the lookup: no probing which cases exist
  const row = await findCase(tx, caseRef);
  await authorizeCase(tx, actor, "case.read", row, () => caseNotFound(caseRef));
  const { stored, history, config } = await loadLawInputs(tx, row, action);
  const flags = (row.state as { flags?: string[] }).flags ?? [];
  return {
    action,
    verdict: redactVerdict(evaluate(history, action, config, action.on), actor, stored, flags),
  };
}

/** Deadlines of a case as of a date (the `none` action checks only deadlines). */
export async function caseDeadlines(ctx: AppContext, actor: Actor, caseRef: string, asOf = today(ctx)) {
  const tx = ctx.database.db;
  authorize(actor, "case.read"); // the role before the lookup: no probing which cases exist
  const row = await findCase(tx, caseRef);
  await authorizeCase(tx, actor, "case.read", row, () => caseNotFound(caseRef));
  const { stored, history, config } = await loadLawInputs(tx, row);
  const verdict = evaluate(history, { type: "none", on: asOf }, config, asOf);
  // Words of a confidential case's deadlines (motion.vawa.due, PROT-/STAT- rules) withheld without a purpose.
  return redactVerdict(verdict, actor, stored, (row.state as { flags?: string[] }).flags ?? []).deadlines;
}

export const catalog = () =>
  actionSpecs.map((s) => ({
    type: s.type,
    label: s.label,
    irreversible: Boolean((s as { irreversible?: boolean }).irreversible),
    schema: z.toJSONSchema(s.schema),
  }));
