/** The link review queue: uncertain pairs, strongest first, with both records and the explanation. */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import type { LinkReviewRow } from "../../store/repositories/integration.js";
import { getLinkReview, listLinkReviews as listRows } from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";
import { resolvePersonId } from "./resolve-person-id.js";

export const linkReviewQuery = z.object({
  status: z.enum(["pending", "deferred", "accepted", "rejected"]).default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

async function view(ctx: AppContext, r: LinkReviewRow) {
  const db = ctx.database.db;
  return {
    id: r.id,
    status: r.status,
    probability: r.probability,
    personA: r.personA,
    personB: r.personB,
    /** Where each person id points now (after merges). */
    currentA: (await resolvePersonId(db, r.personA)).id,
    currentB: (await resolvePersonId(db, r.personB)).id,
    importId: r.importId,
    explanation: r.explanation,
    records: r.records,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    mergeId: r.mergeId,
  };
}

export async function listLinkReviews(ctx: AppContext, actor: Actor, raw: z.input<typeof linkReviewQuery>) {
  authorize(actor, "data.import");
  const q = linkReviewQuery.parse(raw);
  const rows = await listRows(ctx.database.db, q.status, q.limit, q.offset);
  return { items: await Promise.all(rows.map((r) => view(ctx, r))) };
}

export async function getLinkReviewView(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, "data.import");
  const row = await getLinkReview(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "link review not found");
  return view(ctx, row);
}
