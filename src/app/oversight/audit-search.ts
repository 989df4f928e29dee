/** The auditor's search over the audit log: actor, action (prefix), entity, entity id, date range. */
import { z } from "zod";
import { searchAudit } from "../../store/repositories/oversight.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const auditSearchInput = z.object({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function searchAuditLog(ctx: AppContext, actor: Actor, raw: z.input<typeof auditSearchInput>) {
  authorize(actor, "audit.read");
  const s = auditSearchInput.parse(raw);
  const rows = await searchAudit(ctx.database.db, {
    ...s,
    actor: s.actor || undefined,
    action: s.action || undefined,
    entity: s.entity || undefined,
    entityId: s.entityId || undefined,
    // `at` is an ISO instant: a day range covers the whole of its last day.
    from: s.from,
    to: s.to ? `${s.to}T23:59:59.999Z` : undefined,
  });
  return rows;
}
