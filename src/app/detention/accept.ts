/**
 * Accepting a recommendation performs the `transfer` action for that case
 * through the law engine (take-action): the verdict decides (BLOCK refuses,
 * REVIEW asks a supervisor, WARN needs an acknowledgement). The transfer facts
 * DP-03 weighs (distance from counsel of record, leaving the court's area) are
 * computed from the record. When the transfer is done and the person has
 * counsel of record, the notice to counsel is sent at once.
 */
import { z } from "zod";
import type { CaseState } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import type { Verdict } from "../../law/types.js";
import { getRecommendation, updateRecommendation } from "../../store/repositories/detention.js";
import { getPerson } from "../../store/repositories/persons.js";
import { getCounsel, getCourt, getFacility } from "../../store/repositories/reference.js";
import type { Actor } from "../access.js";
import { type ActionOutcome, takeAction } from "../actions/take-action.js";
import { type AppContext, today } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { findCase } from "../load-case.js";
import { clockIn, notifyCounsel } from "./counsel-notice.js";
import { transferFacts } from "./transfer-facts.js";

export const acceptInput = z.object({
  acknowledge: z.boolean().optional(),
  reviewId: z.uuid().optional(),
  reason: z.string().trim().max(4000).optional(),
});
export type AcceptInput = z.input<typeof acceptInput>;

const statusAfter: Record<ActionOutcome["status"], string> = {
  done: "accepted",
  review_requested: "review_requested",
  blocked: "blocked",
};

export async function acceptRecommendation(
  ctx: AppContext,
  actor: Actor,
  proposalId: string,
  caseRef: string,
  raw: AcceptInput,
) {
  const input = acceptInput.parse(raw);
  const db = ctx.database.db;
  const row = await findCase(db, caseRef);
  const rec = await getRecommendation(db, proposalId, row.id);
  if (!rec) throw new AppError("not_found", `case ${row.number} is not in proposal ${proposalId}`, "caseId");
  if (!rec.toFacility || !rec.toKind)
    throw new AppError(
      "invalid_input",
      `the proposal found no bed for case ${row.number}: ${rec.reason}`,
      "caseId",
    );
  if (rec.status === "accepted" || rec.status === "stay")
    throw new AppError("conflict", `case ${row.number}'s recommendation is already ${rec.status}`, "caseId");
  const state = row.state as CaseState;
  if (state.custody !== "detained")
    throw new AppError("conflict", `case ${row.number} is no longer detained; make a new proposal`, "caseId");
  if (row.facilityCode !== rec.fromFacility)
    throw new AppError(
      "conflict",
      `case ${row.number} moved (now at ${row.facilityCode ?? "no facility"}) since the proposal; make a new proposal`,
      "caseId",
    );

  // An approved review is for one exact action: use the stored one. Otherwise compute it now.
  let action = rec.action as Record<string, unknown> | null;
  let notes: string[] = [];
  if (!input.reviewId || !action) {
    const to = await getFacility(db, rec.toFacility);
    if (!to) throw new AppError("invalid_input", `unknown facility ${rec.toFacility}`, "toFacility");
    const person = await getPerson(db, row.personId);
    const counsel = person?.counselId ? await getCounsel(db, person.counselId) : undefined;
    const court = row.courtCode ? await getCourt(db, row.courtCode) : undefined;
    const { config } = await loadLawInputs(db, row);
    const on = today(ctx);
    const facts = transferFacts({
      to,
      counsel: counsel ? { lat: counsel.lat, lon: counsel.lon, city: counsel.city } : null,
      court: court ? { code: court.code, city: court.city } : null,
      stage: row.stage,
      nextHearing: state.nextHearing?.date ?? null,
      config,
      asOf: on,
    });
    notes = facts.notes;
    action = {
      type: "transfer",
      on,
      // The time of day in custody's zone, so the 24-hour notice runs from the real moment of the transfer.
      ...(config.tz ? { at: clockIn(ctx.now(), config.tz), tz: config.tz } : {}),
      toFacility: { code: rec.toFacility, kind: rec.toKind },
      outOfArea: facts.outOfArea,
      impedesCounselAccess: facts.impedesCounselAccess,
      ...(facts.counselKm !== undefined ? { counselKm: facts.counselKm } : {}),
    };
  }
  let outcome: ActionOutcome;
  try {
    outcome = await takeAction(ctx, actor, row.id, {
      expectedVersion: row.version,
      action: action as { type: string },
      acknowledge: input.acknowledge,
      reviewId: input.reviewId,
      reason: input.reason,
    });
  } catch (err) {
    // A WARN without acknowledgement: keep the action so the acknowledged retry is the same one.
    if (err instanceof AppError && err.code === "acknowledgement_required")
      await updateRecommendation(db, proposalId, row.id, {
        action,
        verdict: (err.details as { verdict: Verdict }).verdict,
      });
    throw err;
  }
  await updateRecommendation(db, proposalId, row.id, {
    status: statusAfter[outcome.status],
    action,
    verdict: outcome.verdict,
    reviewId: outcome.status === "review_requested" ? outcome.reviewId : (input.reviewId ?? null),
    decidedBy: actor.id,
    decidedAt: ctx.now(),
  });
  let notice: Awaited<ReturnType<typeof notifyCounsel>> | null = null;
  if (outcome.status === "done") {
    const person = await getPerson(db, row.personId);
    const represented =
      person?.counselId || (person?.facts as { represented?: boolean })?.represented === true;
    if (represented) notice = await notifyCounsel(ctx, actor, row.id, { method: "electronic" });
  }
  return { caseNumber: row.number, outcome, notes, notice };
}
