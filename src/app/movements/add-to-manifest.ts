/**
 * Adds a person to a movement's manifest, as a primary or an alternate
 * (alternates are checked like everyone). The law engine is asked first
 * (`manifest.add` to the movement's country on its date): only ALLOW, or WARN
 * that the officer acknowledges, puts the person on; BLOCK and REVIEW refuse,
 * and the refusal is kept in the audit. The verdict and its reasons are stored
 * with the entry. Through the `manifest.add` action, a supervisor's approval of
 * the REVIEW (issue 3 point 3) lets the REVIEW findings of the rules it saw
 * pass, here and at every later gate; the entry keeps the approval.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { CaseState } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import type { Finding, Verdict } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import {
  type EntryRow,
  getEntry,
  insertEntry,
  listGateEntries,
  lockCasesForShare,
  lockMovement,
} from "../../store/repositories/movements.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { redactVerdict, withholdFinding, withholdVerdict } from "../oversight/verdict-redaction.js";
import { findMovement, requireStatus } from "./find-movement.js";
import {
  checkEntries,
  hasDeparted,
  loadGateInputs,
  type ReviewApproval,
  reasonText,
  refusingFindings,
  residualOutcome,
} from "./gate.js";

export const addToManifestInput = z.object({
  caseId: z.string().min(1).describe("case id (UUID) or case number"),
  role: z.enum(["primary", "alternate"]).default("primary"),
  acknowledge: z.boolean().optional(),
});
export type AddToManifestInput = z.input<typeof addToManifestInput>;

export type AddOutcome =
  | { status: "added"; entry: EntryRow; verdict: Verdict }
  | { status: "blocked"; verdict: Verdict; reasons: string };

export async function addToManifest(
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  raw: AddToManifestInput,
): Promise<AddOutcome> {
  const input = addToManifestInput.parse(raw);
  const detail: Record<string, unknown> = { movement: movementRef, case: input.caseId, role: input.role };
  return writeWithAudit(
    ctx,
    actor,
    { action: "manifest.add", entity: "movement", entityId: movementRef, detail },
    (tx) => addToManifestInTx(tx, ctx, actor, movementRef, input, detail),
  );
}

/**
 * The same step inside the caller's transaction (the `manifest.add` action of take-action uses it,
 * with the supervisor's approval when the action's verdict was REVIEW).
 */
export async function addToManifestInTx(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  input: z.output<typeof addToManifestInput>,
  detail: Record<string, unknown> = {},
  approval?: ReviewApproval,
): Promise<AddOutcome> {
  const seen = await findMovement(tx, actor, movementRef, "case.write");
  const row = await findCase(tx, input.caseId);
  authorize(actor, "case.write", { officeCode: row.officeCode });
  // Lock order: the case, then the movement (see repositories/movements.ts).
  const [locked] = await lockCasesForShare(tx, [row.id]);
  const movement = await lockMovement(tx, seen.id);
  if (!movement || !locked) throw new AppError("not_found", "movement or case vanished", "movementId");
  requireStatus(movement, ["open"], "add people (the manifest is no longer open)");
  if (movement.departOn < today(ctx))
    throw new AppError(
      "invalid_input",
      `movement ${movement.number} left on ${movement.departOn}`,
      "movementId",
    );
  const order = (locked.state as CaseState).order;
  if (!order?.countries.includes(movement.country))
    throw new AppError(
      "invalid_input",
      `case ${row.number} has no order naming ${movement.country}${order ? ` (order to ${order.countries.join(", ") || "no country"})` : ""}`,
      "caseId",
    );
  const existing = await getEntry(tx, movement.id, row.id);
  if (existing)
    throw new AppError(
      existing.status === "struck" ? "invalid_input" : "conflict",
      `case ${row.number} is already on ${movement.number} (${existing.status})`,
      "caseId",
    );
  if (input.role === "primary") {
    const primaries = (await listGateEntries(tx, movement.id)).filter(
      (e) => e.role === "primary" && (e.status === "listed" || e.status === "boarded"),
    ).length;
    if (primaries >= movement.seats)
      throw new AppError(
        "invalid_input",
        `all ${movement.seats} seats of ${movement.number} are taken; add the person as an alternate`,
        "role",
      );
  }
  const inputs = await loadGateInputs(tx, [locked]);
  const li = inputs.get(row.id);
  if (li && hasDeparted(li))
    throw new AppError("invalid_input", `case ${row.number} shows a verified departure`, "caseId");
  const stored = approval ? [approval] : null;
  const stub = { id: "", caseId: row.id, acknowledged: Boolean(input.acknowledge), reviewApproval: stored };
  const [check] = checkEntries(movement, [stub as EntryRow], inputs, today(ctx));
  const { verdict, approved } = check;
  // What is left once the approved REVIEW findings are set aside: a BLOCK, or a REVIEW of a rule the
  // supervisor did not see (a fact recorded since, the gate's own date), still refuses.
  const outcome = residualOutcome(verdict, approved);
  // The answer to the officer withholds a confidential case's words as every read does (oversight);
  // the entry and the audit keep them whole for those with a need to know.
  const flags = (row.state as { flags?: string[] }).flags ?? [];
  const withheld = li !== undefined && redactVerdict(verdict, actor, li.stored, flags) !== verdict;
  const shown = withheld ? withholdVerdict(verdict) : verdict;
  const words = (fs: Finding[]) => reasonText(withheld ? fs.map(withholdFinding) : fs);
  detail.outcome = verdict.outcome;
  if (approval) detail.approval = approval;
  if (outcome === "BLOCK" || outcome === "REVIEW") {
    detail.reasons = reasonText(refusingFindings(verdict, false, approved));
    return {
      status: "blocked",
      verdict: shown,
      reasons: words(refusingFindings(verdict, false, approved)),
    } as const;
  }
  if (outcome === "WARN" && !input.acknowledge)
    throw new AppError(
      "acknowledgement_required",
      `acknowledge the warnings to add the person: ${words(refusingFindings(verdict, false, approved))}`,
      "acknowledge",
      { verdict: shown },
    );
  const now = ctx.now();
  const entry: EntryRow = {
    id: randomUUID(),
    movementId: movement.id,
    caseId: row.id,
    role: input.role,
    status: "listed",
    addedOutcome: verdict.outcome,
    addedVerdict: verdict,
    acknowledged: outcome === "WARN",
    addedBy: actor.id,
    addedAt: now,
    lastGate: "add",
    lastOutcome: verdict.outcome,
    lastVerdict: verdict,
    lastCheckedAt: now,
    struckAt: null,
    struckReason: null,
    departureSeq: null,
    reviewApproval: stored,
  };
  await insertEntry(tx, entry);
  return {
    status: "added",
    entry: withheld ? { ...entry, addedVerdict: shown, lastVerdict: shown } : entry,
    verdict: shown,
  } as const;
}
