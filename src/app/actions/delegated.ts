/**
 * Actions whose effect already has its own use case: take-action asks the law
 * first (BLOCK, REVIEW, WARN as for every action), then hands over to that use
 * case inside the same transaction instead of appending events itself.
 *
 * - `manifest.add`: adding the person to a movement's manifest
 *   (movements/add-to-manifest.ts, which runs the final gate, EXE-05, again).
 * - `flight.depart`: the person boarded a movement that completed boarding and
 *   left: the departure verification (I-296, movements/record-departure.ts),
 *   which records `departure.verified` and closes the case (EXE-06).
 *
 * When the action's verdict was REVIEW, take-action hands over the approved
 * review it checked: the use case's own gate lets the REVIEW findings of the
 * rules the supervisor saw pass (and the manifest entry keeps the approval for
 * the later gates); take-action marks the review used once the step is done.
 */

import { AppError } from "../../domain/errors.js";
import { DEFAULT_TZ } from "../../law/calendar/calendar.js";
import type { LawConfig, Verdict } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import type { CaseRow } from "../../store/repositories/cases.js";
import { entriesOfCase, getMovement, type MovementRow } from "../../store/repositories/movements.js";
import { getReview } from "../../store/repositories/reviews.js";
import type { Actor } from "../access.js";
import type { AppContext } from "../context.js";
import { addToManifestInTx } from "../movements/add-to-manifest.js";
import { type ReviewApproval, restamp, reviewRules } from "../movements/gate.js";
import { recordDepartureInTx } from "../movements/record-departure.js";

export interface PerformContext {
  tx: Tx;
  ctx: AppContext;
  actor: Actor;
  row: CaseRow;
  config: LawConfig;
  acknowledge: boolean;
  /** The approved review take-action checked for this exact action (its verdict was REVIEW). */
  reviewId?: string | undefined;
  /** Filled in for the audit entry of the action. */
  detail: Record<string, unknown>;
}

export type Performed =
  | { status: "done"; version: number; recorded: number[] }
  /** The use case's own gate refused (its verdict may differ: a later date, the movement's own facts). */
  | { status: "refused"; verdict: Verdict; message: string };

/** The approval the use case's gate honours: the rules of the REVIEW findings the supervisor saw, and why. */
async function approvalOf(p: PerformContext): Promise<ReviewApproval | undefined> {
  if (!p.reviewId) return undefined;
  const review = await getReview(p.tx, p.reviewId);
  if (!review || review.caseId !== p.row.id || review.status !== "approved")
    throw new AppError(
      "review_required",
      `review ${p.reviewId} is not an approved review of this case`,
      "reviewId",
    );
  const approval: ReviewApproval = {
    reviewId: review.id,
    action: review.actionType,
    rules: reviewRules(review.verdict as Verdict),
    reason: review.decisionReason ?? "",
    decidedBy: review.decidedBy,
    decidedAt: review.decidedAt ? review.decidedAt.toISOString() : null,
  };
  p.detail.approval = approval;
  return approval;
}

async function movementOf(tx: Tx, ref: string): Promise<MovementRow> {
  const m = await getMovement(tx, ref);
  if (!m) throw new AppError("not_found", `movement ${ref} not found`, "action.movement");
  return m;
}

export async function performManifestAdd(
  a: { country: string; date?: string; movement?: string; role?: "primary" | "alternate" },
  p: PerformContext,
): Promise<Performed> {
  if (!a.movement)
    throw new AppError(
      "invalid_input",
      "action.movement: name the movement (its number or id) whose manifest the person goes on",
      "action.movement",
    );
  const m = await movementOf(p.tx, a.movement);
  if (m.country !== a.country)
    throw new AppError(
      "invalid_input",
      `movement ${m.number} goes to ${m.country}, not ${a.country}`,
      "action.country",
    );
  if (a.date && a.date !== m.departOn)
    throw new AppError("invalid_input", `movement ${m.number} departs on ${m.departOn}`, "action.date");
  p.detail.movement = m.number;
  const r = await addToManifestInTx(
    p.tx,
    p.ctx,
    p.actor,
    m.id,
    { caseId: p.row.id, role: a.role ?? "primary", acknowledge: p.acknowledge },
    p.detail,
    await approvalOf(p),
  );
  if (r.status === "blocked")
    return { status: "refused", verdict: r.verdict, message: `not added to ${m.number}: ${r.reasons}` };
  return { status: "done", version: p.row.version, recorded: [] };
}

/** A boarding time as a local stamp: "HH:MM" is on the action's date. */
const stampOf = (on: string, t: string) => (/^\d{2}:\d{2}$/.test(t) ? `${on}T${t}` : t);

export async function performFlightDepart(
  a: { on: string; at?: string; country: string; boardingCompletedAt: string; movement?: string },
  p: PerformContext,
): Promise<Performed> {
  const entries = await entriesOfCase(p.tx, p.row.id);
  const named = a.movement ? await movementOf(p.tx, a.movement) : undefined;
  const mine = entries.filter((e) => (named ? e.movement.id === named.id : e.movement.country === a.country));
  const aboard = mine.find((e) => e.entry.status === "boarded" && e.movement.status === "boarded");
  if (!aboard) {
    const struck = mine.find((e) => e.entry.status === "struck");
    const listed = mine.find((e) => e.entry.status === "listed");
    const why = struck
      ? `was struck from ${struck.movement.number}: ${(struck.entry.struckReason as { message?: string } | null)?.message ?? "see the manifest"}`
      : listed
        ? `is listed on ${listed.movement.number}, which is ${listed.movement.status}: boarding is completed on the movement first`
        : `is not aboard a movement to ${a.country}`;
    throw new AppError(
      "blocked_by_law",
      `the removal cannot be recorded: the person ${why}`,
      "action.movement",
    );
  }
  const m = aboard.movement;
  if (m.country !== a.country)
    throw new AppError(
      "invalid_input",
      `movement ${m.number} went to ${m.country}, not ${a.country}`,
      "action.country",
    );
  // The boarding check the verdict made must be the one the movement recorded (STAY-05 compares them).
  const recorded = m.boardingCompletedAt
    ? restamp(m.boardingCompletedAt, m.tz, p.config.tz ?? DEFAULT_TZ)
    : undefined;
  if (recorded && stampOf(a.on, a.boardingCompletedAt) !== recorded)
    throw new AppError(
      "invalid_input",
      `movement ${m.number} completed boarding at ${recorded} (${p.config.tz ?? DEFAULT_TZ})`,
      "action.boardingCompletedAt",
    );
  p.detail.movement = m.number;
  const r = await recordDepartureInTx(
    p.tx,
    p.ctx,
    p.actor,
    m.id,
    { caseId: p.row.id, on: a.on, ...(a.at ? { at: a.at } : {}) },
    p.detail,
    await approvalOf(p),
  );
  return { status: "done", version: r.version, recorded: r.recorded };
}
