/**
 * A person is never in two places at once. Every append path (record-event and
 * take-action, through `checkFacility` in ../load-case.ts) asks this before a
 * custody event lands:
 *
 * - `custody.booked` while this case's projection already holds the person at
 *   another facility (or a booking that names no facility while they are held
 *   somewhere) is refused: moving a held person is a transfer.
 * - `custody.booked` or `custody.transferred` while another case of the same
 *   person holds them at a different facility is refused: custody is recorded
 *   on one case at a time, the other case must record the release first.
 *
 * Booking again into the facility where the person already is changes no place
 * and is allowed.
 */
import type { CaseState } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import type { CaseEvent } from "../../domain/events.js";
import type { Tx } from "../../store/db.js";
import type { CaseRow } from "../../store/repositories/cases.js";
import { detainedOtherCases } from "../../store/repositories/detention.js";

type Held = Pick<CaseState, "custody" | "facilityCode">;

/** The pure part: why this case's own projection refuses the event, or null. */
export function ownCustodyConflict(state: Held, event: CaseEvent): string | null {
  if (event.type !== "custody.booked" || state.custody !== "detained") return null;
  const to = event.facility.code ?? null;
  if (state.facilityCode === null || state.facilityCode === to) return null;
  return `the person is already held at ${state.facilityCode}; a move to ${to ?? "another place"} is a transfer (custody.transferred, or the transfer action)`;
}

export async function checkOnePlace(tx: Tx, row: CaseRow, event: CaseEvent, field: string): Promise<void> {
  if (event.type !== "custody.booked" && event.type !== "custody.transferred") return;
  const own = ownCustodyConflict(row.state as Held, event);
  if (own) throw new AppError("conflict", own, `${field}.type`);
  const to = event.facility.code ?? null;
  const elsewhere = (await detainedOtherCases(tx, row.personId, row.id)).filter(
    (c) => c.facilityCode === null || c.facilityCode !== to,
  );
  if (elsewhere.length) {
    const where = elsewhere.map((c) => `${c.facilityCode ?? "an unassigned place"} (case ${c.number})`);
    throw new AppError(
      "conflict",
      `the person is already held at ${where.join(", ")}; record the release or transfer on that case first`,
      `${field}.facility.code`,
    );
  }
}
