/** Reading placement proposals: one with its recommendations, or the latest of the reader's offices. */
import { AppError } from "../../domain/errors.js";
import { getProposal, listProposals } from "../../store/repositories/detention.js";
import { type Actor, authorize, officeScope } from "../access.js";
import type { AppContext } from "../context.js";

export async function showProposal(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, "case.read");
  const found = await getProposal(ctx.database.db, id);
  if (!found) throw new AppError("not_found", `proposal ${id} not found`, "id");
  authorize(actor, "case.read", { officeCode: found.proposal.officeCode });
  const { proposal, items } = found;
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.status] = (counts[i.status] ?? 0) + 1;
  return {
    id: proposal.id,
    office: proposal.officeCode,
    mode: proposal.mode,
    params: proposal.params,
    assumptions: proposal.assumptions,
    objective: proposal.objective,
    bound: proposal.bound,
    stats: proposal.stats,
    createdAt: proposal.createdAt.toISOString(),
    counts,
    items: items.map((i) => ({
      caseId: i.caseId,
      caseNumber: i.caseNumber,
      from: i.fromFacility,
      to: i.toFacility,
      reason: i.reason,
      facts: i.facts,
      status: i.status,
      verdict: i.verdict,
      reviewId: i.reviewId,
      decidedAt: i.decidedAt?.toISOString() ?? null,
    })),
  };
}

export async function recentProposals(ctx: AppContext, actor: Actor, limit = 20) {
  authorize(actor, "case.read");
  const rows = await listProposals(ctx.database.db, officeScope(actor), limit);
  return rows.map((p) => ({
    id: p.id,
    office: p.officeCode,
    mode: p.mode,
    createdAt: p.createdAt.toISOString(),
    people: (p.assumptions as { people?: number }).people ?? 0,
  }));
}
