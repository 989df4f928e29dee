/**
 * Departure verification (Form I-296, EXE-06): records that a person who
 * boarded a movement was removed (`departure.verified`) and closes the case
 * with a final event (`case.closed`, reason "removed", with the re-entry bar
 * that EXE-06 states). Refused for anyone not boarded on this movement, and
 * for anyone struck from it. The final gate runs once more (`flight.depart`):
 * a REVIEW finding passes only for a rule a supervisor approved (on the entry,
 * or the approval of the `flight.depart` action being taken), which the entry
 * then keeps; anything else refuses.
 */
import { z } from "zod";
import { projectCase } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import { type CaseEvent, clockTime, isoDate } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { Tx } from "../../store/db.js";
import { insertEvents, updateProjection } from "../../store/repositories/cases.js";
import {
  getEntry,
  listGateEntries,
  lockCaseForUpdate,
  lockMovement,
  updateEntry,
  updateMovement,
} from "../../store/repositories/movements.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { findCase } from "../load-case.js";
import { findMovement } from "./find-movement.js";
import { checkEntries, type ReviewApproval, reasonText, refusingFindings } from "./gate.js";
import { reevaluateOpenManifests } from "./reevaluate-person-manifests.js";

export const recordDepartureInput = z.object({
  caseId: z.string().min(1).describe("case id (UUID) or case number"),
  on: isoDate,
  at: clockTime.optional(),
});
export type RecordDepartureInput = z.input<typeof recordDepartureInput>;

const struckMessage = (reason: unknown) => (reason as { message?: string } | null)?.message ?? "";

export async function recordDeparture(
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  raw: RecordDepartureInput,
) {
  const input = recordDepartureInput.parse(raw);
  if (input.on > today(ctx)) throw new AppError("invalid_input", `${input.on} is in the future`, "on");
  const detail: Record<string, unknown> = { movement: movementRef, case: input.caseId, on: input.on };
  return writeWithAudit(
    ctx,
    actor,
    { action: "movement.departure_verified", entity: "movement", entityId: movementRef, detail },
    (tx) => recordDepartureInTx(tx, ctx, actor, movementRef, input, detail),
  );
}

/** The same step inside the caller's transaction (the `flight.depart` action of take-action uses it). */
export async function recordDepartureInTx(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  input: z.output<typeof recordDepartureInput>,
  detail: Record<string, unknown> = {},
  approval?: ReviewApproval,
) {
  const seen = await findMovement(tx, actor, movementRef, "case.write");
  const found = await findCase(tx, input.caseId);
  authorize(actor, "case.write", { officeCode: found.officeCode });
  // Lock order: the case, then the movement.
  const row = await lockCaseForUpdate(tx, found.id);
  const movement = await lockMovement(tx, seen.id);
  if (!row || !movement) throw new AppError("not_found", "case or movement vanished", "caseId");
  const entry = await getEntry(tx, movement.id, row.id);
  if (!entry)
    throw new AppError("blocked_by_law", `case ${row.number} is not on ${movement.number}`, "caseId");
  if (entry.status === "struck")
    throw new AppError(
      "blocked_by_law",
      `case ${row.number} was struck from ${movement.number}: ${struckMessage(entry.struckReason)}`,
      "caseId",
    );
  if (entry.status === "departed")
    throw new AppError("conflict", `the departure of case ${row.number} is already verified`, "caseId");
  if (movement.status !== "boarded" || entry.status !== "boarded")
    throw new AppError(
      "blocked_by_law",
      `case ${row.number} did not board ${movement.number} (movement ${movement.status}, person ${entry.status})`,
      "caseId",
    );
  const boardedOn = movement.boardingCompletedAt?.slice(0, 10) ?? movement.departOn;
  if (input.on < boardedOn)
    throw new AppError("invalid_input", `${input.on} is before boarding (${boardedOn})`, "on");

  const inputs = await loadLawInputs(tx, row);
  const { stored, history, config } = inputs;
  // The gate at departure, as at boarding: approvals kept on the entry, and the one given for this step.
  const [gate] = checkEntries(movement, [entry], new Map([[row.id, inputs]]), today(ctx), approval?.rules);
  if (!gate.allowed)
    throw new AppError(
      "blocked_by_law",
      `the departure of case ${row.number} cannot be recorded (${gate.action.type} as of ${gate.action.on}): ${reasonText(refusingFindings(gate.verdict, entry.acknowledged, gate.approved))}`,
      "caseId",
      { verdict: gate.verdict },
    );
  const last = history.events.at(-1);
  if (last && input.on < last.on)
    throw new AppError("invalid_input", `${input.on} is before the case's last event (${last.on})`, "on");
  const departure: CaseEvent = {
    type: "departure.verified",
    on: input.on,
    ...(input.at ? { at: input.at } : {}),
    country: movement.country,
    via: "removal",
    note: `Form I-296 departure verification; movement ${movement.number}`,
  };
  const close = evaluate(
    { ...history, events: [...history.events, departure] },
    { type: "case.close", on: input.on },
    config,
    input.on,
  );
  if (close.outcome === "BLOCK")
    throw new AppError(
      "blocked_by_law",
      close.findings.map((f) => `${f.rule}: ${f.message}`).join(" "),
      "caseId",
      { verdict: close },
    );
  const closed: CaseEvent = {
    type: "case.closed",
    on: input.on,
    reason: "removed",
    note: close.findings.map((f) => `${f.rule}: ${f.message}`).join(" ") || undefined,
  };
  const events = [departure, closed];
  const seqs = [stored.length + 1, stored.length + 2];
  const all = [...stored, ...events.map((event, i) => ({ seq: seqs[i], event }))];
  const state = projectCase(all);
  if (!(await updateProjection(tx, row.id, row.version, state, ctx.now())))
    throw new AppError("conflict", `case ${row.number} changed meanwhile; try again`, "caseId");
  await insertEvents(
    tx,
    events.map((event, i) => ({
      caseId: row.id,
      seq: seqs[i],
      type: event.type,
      on: event.on,
      at: event.at ?? null,
      body: event,
      recordedBy: actor.id,
    })),
  );
  const approvals = approval
    ? [...((entry.reviewApproval as ReviewApproval[] | null) ?? []), approval]
    : undefined;
  await updateEntry(tx, entry.id, {
    status: "departed",
    departureSeq: seqs[0],
    ...(approvals ? { reviewApproval: approvals } : {}),
  });
  if (approval) detail.approval = approval;
  await reevaluateOpenManifests(tx, ctx, row, events, seqs, actor.username);
  const stillAboard = (await listGateEntries(tx, movement.id)).some((e) => e.status === "boarded");
  if (!stillAboard) await updateMovement(tx, movement.id, { status: "departed", updatedAt: ctx.now() });
  detail.seqs = seqs;
  return {
    caseNumber: row.number,
    version: row.version + 1,
    recorded: seqs,
    state,
    closure: close,
    movementStatus: stillAboard ? "boarded" : "departed",
  };
}
