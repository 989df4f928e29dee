/**
 * Takes an action on a case through the law engine. The verdict comes first:
 * BLOCK refuses and records the attempt (no override exists); REVIEW creates a
 * review request, and only another supervisor's approval, for this exact
 * action, lets it go ahead; WARN needs the user's acknowledgement; ALLOW goes
 * ahead. Events, projection and audit land in one transaction.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../../domain/audit-hash.js";
import { projectCase, type StoredEvent } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import type { CaseEvent } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { Verdict } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import { type CaseRow, insertEvents, updateProjection } from "../../store/repositories/cases.js";
import { getReview, insertReview, transitionReview } from "../../store/repositories/reviews.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { checkFacility, findCase } from "../load-case.js";
import { reevaluateOpenManifests } from "../movements/reevaluate-person-manifests.js";
import { assertRemovalOnManifest } from "../movements/removal-guard.js";
import { redactVerdict } from "../oversight/verdict-redaction.js";
import { openReviewTask } from "../queues/queues.js";
import { parseAction } from "./parse-action.js";

export const takeActionInput = z.object({
  expectedVersion: z.number().int().min(0),
  action: z.looseObject({ type: z.string() }),
  acknowledge: z.boolean().optional(),
  reviewId: z.uuid().optional(),
  reason: z.string().trim().max(4000).optional(),
});
export type TakeActionInput = z.input<typeof takeActionInput>;

export type ActionOutcome =
  | { status: "done"; verdict: Verdict; version: number; recorded: number[] }
  | { status: "review_requested"; verdict: Verdict; version: number; reviewId: string }
  | { status: "blocked"; verdict: Verdict; version: number };

async function append(
  tx: Tx,
  ctx: AppContext,
  row: CaseRow,
  stored: StoredEvent[],
  events: CaseEvent[],
  actorId: string,
) {
  const seqs: number[] = [];
  const all = [...stored];
  for (const event of events) {
    const seq = all.length + 1;
    all.push({ seq, event });
    seqs.push(seq);
  }
  const ok = await updateProjection(tx, row.id, row.version, projectCase(all), ctx.now());
  if (!ok)
    throw new AppError(
      "conflict",
      `case ${row.number} changed since you read it; reload and try again`,
      "expectedVersion",
    );
  await insertEvents(
    tx,
    events.map((event, i) => ({
      caseId: row.id,
      seq: seqs[i],
      type: event.type,
      on: event.on,
      at: event.at ?? null,
      body: event,
      recordedBy: actorId,
    })),
  );
  // Same transaction: every open manifest holding the person is re-checked before commit.
  await reevaluateOpenManifests(tx, ctx, row, events, seqs, actorId);
  return { version: row.version + 1, seqs };
}

const bookkeeping: ReadonlySet<string> = new Set(["action.blocked", "review.requested", "review.decided"]);

const findingSummary = (v: Verdict) =>
  v.findings.filter((f) => f.outcome !== "ALLOW").map((f) => `${f.rule} ${f.outcome}`);

export async function takeAction(
  ctx: AppContext,
  actor: Actor,
  caseRef: string,
  raw: TakeActionInput,
): Promise<ActionOutcome> {
  const input = takeActionInput.parse(raw);
  const { spec, action } = parseAction(input.action);
  // The role before the lookup: a role that may not act (counsel, analysts) cannot probe which cases exist.
  authorize(actor, spec.permission);
  if (action.on > today(ctx))
    throw new AppError("invalid_input", `${action.on} is in the future`, "action.on");
  const key = canonicalJson(action);

  // The audit entry is written after the work, so the verdict's outcome can be added to it.
  const detail: Record<string, unknown> = { action };
  const outcome = await writeWithAudit(
    ctx,
    actor,
    { action: `action.${action.type}`, entity: "case", entityId: caseRef, detail },
    async (tx) => {
      const row = await findCase(tx, caseRef);
      authorize(actor, spec.permission, { officeCode: row.officeCode });
      if (row.version !== input.expectedVersion) {
        throw new AppError(
          "conflict",
          `case ${row.number} changed since you read it (version ${row.version}, you had ${input.expectedVersion}); reload and try again`,
          "expectedVersion",
        );
      }
      const { stored, history, config } = await loadLawInputs(tx, row, action);
      // Bookkeeping (a review decided today, a refused attempt) does not move the legal
      // calendar: an action approved today for the date it was requested on may still go ahead.
      const last = history.events.filter((e) => !bookkeeping.has(e.type)).at(-1);
      if (last && action.on < last.on)
        throw new AppError(
          "invalid_input",
          `the action's date ${action.on} is before the case's last event (${last.on})`,
          "action.on",
        );
      const verdict = evaluate(history, action, config, action.on);
      // What the actor is shown: the words of a confidential case are withheld without a purpose (oversight).
      const flags = (row.state as { flags?: string[] }).flags ?? [];
      const shown = redactVerdict(verdict, actor, stored, flags);
      detail.outcome = verdict.outcome;
      detail.rules = findingSummary(verdict);
      const effects = spec.perform ? [] : spec.effect(action, verdict);
      for (const e of effects) await checkFacility(tx, e, "action", row);

      const refuse = async (by: Verdict) => {
        const r = await append(
          tx,
          ctx,
          row,
          stored,
          [
            {
              type: "action.blocked",
              on: action.on,
              action: action.type,
              rules: findingSummary(by).map((s) => s.split(" ")[0]),
            },
          ],
          actor.id,
        );
        const words = by === verdict ? shown : redactVerdict(by, actor, stored, flags);
        return { status: "blocked", verdict: words, version: r.version } as const;
      };
      if (verdict.outcome === "BLOCK") return refuse(verdict);
      let approvedReview: string | undefined;
      if (verdict.outcome === "REVIEW") {
        if (!input.reviewId) {
          const reviewId = randomUUID();
          const requestedAt = ctx.now();
          await insertReview(tx, {
            id: reviewId,
            caseId: row.id,
            officeCode: row.officeCode,
            actionType: action.type,
            action,
            verdict,
            requestedBy: actor.id,
            requestReason: input.reason ?? null,
            requestedAt,
            status: "pending",
          });
          // Its task is in the office's queue as soon as the request exists, not at the next sweep.
          await openReviewTask(tx, {
            id: reviewId,
            caseId: row.id,
            officeCode: row.officeCode,
            actionType: action.type,
            requestedAt,
          });
          const r = await append(
            tx,
            ctx,
            row,
            stored,
            [{ type: "review.requested", on: action.on, action: action.type, reviewId }],
            actor.id,
          );
          return { status: "review_requested", verdict: shown, version: r.version, reviewId } as const;
        }
        const review = await getReview(tx, input.reviewId);
        if (!review || review.caseId !== row.id)
          throw new AppError("invalid_input", "no such review for this case", "reviewId");
        if (canonicalJson(review.action) !== key)
          throw new AppError(
            "invalid_input",
            "the review approved a different action; request a new review",
            "reviewId",
          );
        if (review.status !== "approved")
          throw new AppError(
            "review_required",
            `review ${review.id} is ${review.status}, not approved`,
            "reviewId",
          );
        approvedReview = review.id;
      }
      if (verdict.outcome === "WARN" && !input.acknowledge) {
        throw new AppError(
          "acknowledgement_required",
          `acknowledge the warnings to go ahead: ${findingSummary(shown).join(", ")}`,
          "acknowledge",
          { verdict: shown },
        );
      }
      // Marked used in the same transaction as the action: if the action fails, the approval stays unused.
      const consumeReview = async () => {
        if (approvedReview && !(await transitionReview(tx, approvedReview, "approved", { status: "used" })))
          throw new AppError("conflict", "the review was used already", "reviewId");
      };
      if (spec.perform) {
        const done = await spec.perform(action, {
          tx,
          ctx,
          actor,
          row,
          config,
          acknowledge: Boolean(input.acknowledge),
          reviewId: approvedReview,
          detail,
        });
        if (done.status === "refused") {
          // The use case's own gate refused: the attempt is recorded like any BLOCK.
          detail.outcome = done.verdict.outcome;
          detail.refusal = done.message;
          return refuse(done.verdict);
        }
        await consumeReview();
        return { status: "done", verdict: shown, version: done.version, recorded: done.recorded } as const;
      }
      await assertRemovalOnManifest(tx, row.id, action);
      const r = await append(tx, ctx, row, stored, effects, actor.id);
      await consumeReview();
      return { status: "done", verdict: shown, version: r.version, recorded: r.seqs } as const;
    },
  );
  return outcome;
}
