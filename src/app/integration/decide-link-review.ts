/**
 * A person decides an uncertain pair: accept merges the two persons (the one created first
 * survives, so the older id stays the answer), reject records that they are two people (the
 * pair is not asked again). Both are audited; a merge can be undone by a split.
 */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { getLinkReview, getPersonRow, updateLinkReview } from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { mergePersons } from "./merge-persons.js";
import { resolvePersonId } from "./resolve-person-id.js";

export const decisionInput = z.object({
  decision: z.enum(["accept", "reject"]),
  reason: z.string().trim().max(500).optional(),
});

export async function decideLinkReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  raw: z.input<typeof decisionInput>,
) {
  authorize(actor, "data.import");
  const input = decisionInput.parse(raw);
  const db = ctx.database.db;
  const review = await getLinkReview(db, reviewId);
  if (!review) throw new AppError("not_found", "link review not found");
  if (review.status !== "pending")
    throw new AppError("conflict", `this review was already ${review.status}`, "reviewId");
  const reason =
    input.reason ||
    (input.decision === "accept" ? "same person (link review)" : "different people (link review)");
  if (input.decision === "reject") {
    await writeWithAudit(
      ctx,
      actor,
      { action: "link_review.reject", entity: "link_review", entityId: reviewId, detail: { reason } },
      (tx) =>
        updateLinkReview(tx, reviewId, {
          status: "rejected",
          decidedBy: actor.id,
          decidedAt: ctx.now(),
          decisionReason: reason,
        }),
    );
    return { reviewId, status: "rejected" as const, merge: null };
  }
  const a = (await resolvePersonId(db, review.personA)).id;
  const b = (await resolvePersonId(db, review.personB)).id;
  const [pa, pb] = [await getPersonRow(db, a), await getPersonRow(db, b)];
  if (!pa || !pb) throw new AppError("not_found", "person not found");
  const [survivor, merged] = pa.createdAt.getTime() <= pb.createdAt.getTime() ? [pa, pb] : [pb, pa];
  if (survivor.id === merged.id) {
    await writeWithAudit(
      ctx,
      actor,
      {
        action: "link_review.accept",
        entity: "link_review",
        entityId: reviewId,
        detail: { alreadyOne: survivor.id },
      },
      (tx) =>
        updateLinkReview(tx, reviewId, {
          status: "accepted",
          decidedBy: actor.id,
          decidedAt: ctx.now(),
          decisionReason: reason,
        }),
    );
    return { reviewId, status: "accepted" as const, merge: null };
  }
  const merge = await mergePersons(
    ctx,
    actor,
    { survivorId: survivor.id, mergedId: merged.id, reason },
    { reviewId },
  );
  return { reviewId, status: "accepted" as const, merge };
}
