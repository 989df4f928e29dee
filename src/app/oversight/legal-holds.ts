/**
 * Legal holds: a case under a hold is never purged (retention.ts checks in
 * the query and again inside each purge's transaction). Placing and releasing
 * a hold are audited writes.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { activeHolds, insertHold, releaseHolds } from "../../store/repositories/oversight.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";

export const holdInput = z.object({ reason: z.string().trim().min(3).max(500) });

export async function placeHold(
  ctx: AppContext,
  actor: Actor,
  caseRef: string,
  raw: z.input<typeof holdInput>,
) {
  authorize(actor, "legal_hold.manage");
  const input = holdInput.parse(raw);
  const row = await findCase(ctx.database.db, caseRef);
  authorize(actor, "legal_hold.manage", { officeCode: row.officeCode });
  const id = randomUUID();
  await writeWithAudit(
    ctx,
    actor,
    {
      action: "legal_hold.place",
      entity: "case",
      entityId: row.id,
      detail: { holdId: id, reason: input.reason },
    },
    (tx) =>
      insertHold(tx, {
        id,
        caseId: row.id,
        reason: input.reason,
        placedBy: actor.username,
        placedAt: ctx.now(),
      }),
  );
  return { id, caseId: row.id, number: row.number, reason: input.reason };
}

export async function releaseHold(ctx: AppContext, actor: Actor, caseRef: string) {
  authorize(actor, "legal_hold.manage");
  const row = await findCase(ctx.database.db, caseRef);
  authorize(actor, "legal_hold.manage", { officeCode: row.officeCode });
  const released = await writeWithAudit(
    ctx,
    actor,
    { action: "legal_hold.release", entity: "case", entityId: row.id },
    (tx) => releaseHolds(tx, row.id, actor.username, ctx.now()),
  );
  if (!released) throw new AppError("not_found", `case ${row.number} has no active legal hold`);
  return { caseId: row.id, number: row.number, released };
}

export async function listHolds(ctx: AppContext, actor: Actor) {
  authorize(actor, "legal_hold.manage");
  const rows = await activeHolds(ctx.database.db);
  return rows.map((h) => ({
    ...h,
    placedAt: h.placedAt.toISOString(),
    releasedAt: h.releasedAt?.toISOString() ?? null,
  }));
}
