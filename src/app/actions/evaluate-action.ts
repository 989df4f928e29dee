/**
 * The verdict an action would get, without taking it: shown before a button
 * is pressed, and the "what if" panel (a hypothetical action on a chosen date).
 */
import { z } from "zod";
import type { StoredEvent } from "../../domain/case-state.js";
import { evaluate } from "../../law/engine.js";
import { type Actor, authorize, authorizeCase, statedPurpose } from "../access.js";
import { type AppContext, today } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { caseNotFound, findCase } from "../load-case.js";
import { caseIsConfidential } from "../oversight/confidential.js";
import { logDisclosure } from "../oversight/disclosure.js";
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
  const full = evaluate(history, action, config, action.on);
  const verdict = redactVerdict(full, actor, stored, flags);
  if (verdict === full) await logIfDisclosed(ctx, actor, row, stored, flags, `verdict:${action.type}`);
  return { action, verdict };
}

/**
 * The words of a confidential case's verdict, shown to a reader with a need to know and a purpose,
 * are a disclosure like the case view (CONF-01 "log all disclosures"): logged before they are sent.
 */
async function logIfDisclosed(
  ctx: AppContext,
  actor: Actor,
  row: { id: string; number: string },
  stored: readonly StoredEvent[],
  flags: readonly string[],
  what: string,
) {
  const purpose = statedPurpose(actor.purpose);
  if (!purpose || !caseIsConfidential(stored, flags)) return;
  await logDisclosure(ctx, actor, purpose, {
    caseId: row.id,
    caseNumber: row.number,
    records: [what],
    channel: "api",
  });
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
  const flags = (row.state as { flags?: string[] }).flags ?? [];
  const shown = redactVerdict(verdict, actor, stored, flags);
  if (shown === verdict) await logIfDisclosed(ctx, actor, row, stored, flags, "deadlines");
  return shown.deadlines;
}

export const catalog = () =>
  actionSpecs.map((s) => ({
    type: s.type,
    label: s.label,
    irreversible: Boolean((s as { irreversible?: boolean }).irreversible),
    schema: z.toJSONSchema(s.schema),
  }));
