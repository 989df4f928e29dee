/**
 * The verdict an action would get, without taking it: shown before a button
 * is pressed, and the "what if" panel (a hypothetical action on a chosen date).
 */
import { z } from "zod";
import { evaluate } from "../../law/engine.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { findCase } from "../load-case.js";
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
  const row = await findCase(tx, caseRef);
  authorize(actor, "case.read", { officeCode: row.officeCode });
  const { stored, history, config } = await loadLawInputs(tx, row);
  const flags = (row.state as { flags?: string[] }).flags ?? [];
  return {
    action,
    verdict: redactVerdict(evaluate(history, action, config, action.on), actor, stored, flags),
  };
}

/** Deadlines of a case as of a date (the `none` action checks only deadlines). */
export async function caseDeadlines(ctx: AppContext, actor: Actor, caseRef: string, asOf = today(ctx)) {
  const tx = ctx.database.db;
  const row = await findCase(tx, caseRef);
  authorize(actor, "case.read", { officeCode: row.officeCode });
  const { history, config } = await loadLawInputs(tx, row);
  return evaluate(history, { type: "none", on: asOf }, config, asOf).deadlines;
}

export const catalog = () =>
  actionSpecs.map((s) => ({
    type: s.type,
    label: s.label,
    irreversible: Boolean((s as { irreversible?: boolean }).irreversible),
    schema: z.toJSONSchema(s.schema),
  }));
