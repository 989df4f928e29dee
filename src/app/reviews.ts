/**
 * The supervisor's review queue. A supervisor other than the requester
 * approves or denies with a written reason; the decision is recorded in the
 * case history and the audit.
 */
import { z } from "zod";
import { projectCase } from "../domain/case-state.js";
import { AppError } from "../domain/errors.js";
import { getCase, insertEvents, updateProjection } from "../store/repositories/cases.js";
import { getReview, listReviews, transitionReview } from "../store/repositories/reviews.js";
import { type Actor, authorize, officeScope } from "./access.js";
import { type AppContext, today, writeWithAudit } from "./context.js";
import { loadHistory } from "./load-case.js";
import { withholdReview, withholdWhereConfidential } from "./oversight/words.js";
import { closeReviewTask } from "./queues/queues.js";

export const decideReviewInput = z.object({
  decision: z.enum(["approved", "denied"]),
  reason: z.string().trim().min(10, "a written reason of at least 10 characters").max(4000),
});

export async function listPendingReviews(ctx: AppContext, actor: Actor, status = "pending") {
  authorize(actor, "case.read");
  const rows = await listReviews(ctx.database.db, officeScope(actor), status);
  // A review of a confidential case: verdict words, reasons and action details withheld without a purpose.
  return withholdWhereConfidential(ctx, actor, rows, (r) => r.caseId, withholdReview, "reviews");
}

export async function decideReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  raw: z.input<typeof decideReviewInput>,
) {
  const input = decideReviewInput.parse(raw);
  return writeWithAudit(
    ctx,
    actor,
    {
      action: `review.${input.decision}`,
      entity: "review",
      entityId: reviewId,
      detail: { reason: input.reason },
    },
    async (tx) => {
      const review = await getReview(tx, reviewId);
      if (!review) throw new AppError("not_found", `review ${reviewId} not found`, "reviewId");
      authorize(actor, "review.decide", { officeCode: review.officeCode });
      if (review.requestedBy === actor.id)
        throw new AppError(
          "forbidden",
          "the requester cannot decide their own review; another supervisor must",
        );
      const moved = await transitionReview(tx, reviewId, "pending", {
        status: input.decision,
        decidedBy: actor.id,
        decidedAt: ctx.now(),
        decisionReason: input.reason,
      });
      if (!moved)
        throw new AppError("conflict", `review ${reviewId} is ${review.status}, not pending`, "reviewId");
      // The review's task leaves the supervisors' queue in the same transaction as the decision.
      await closeReviewTask(tx, review, ctx.now());
      const row = await getCase(tx, review.caseId);
      if (!row) throw new AppError("not_found", "case not found");
      const stored = await loadHistory(tx, row.id);
      const last = stored[stored.length - 1]?.event.on ?? today(ctx);
      const on = today(ctx) > last ? today(ctx) : last;
      const event = {
        type: "review.decided" as const,
        on,
        reviewId,
        decision: input.decision,
        reason: input.reason,
      };
      const seq = stored.length + 1;
      if (
        !(await updateProjection(
          tx,
          row.id,
          row.version,
          projectCase([...stored, { seq, event }]),
          ctx.now(),
        ))
      ) {
        throw new AppError("conflict", "the case changed while deciding; try again");
      }
      await insertEvents(tx, [
        { caseId: row.id, seq, type: event.type, on: event.on, body: event, recordedBy: actor.id },
      ]);
      return { reviewId, status: input.decision, caseId: row.id, version: row.version + 1 };
    },
  );
}
