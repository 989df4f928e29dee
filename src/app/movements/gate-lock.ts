/**
 * Takes the locks a manifest-wide gate needs, in the one order every writer
 * uses: the manifest's cases FOR SHARE (id order), then the movement FOR
 * UPDATE. After this, no event can be appended to any of these cases and no
 * other gate can run on this movement until the transaction ends, and every
 * event committed before is visible to the gate.
 */
import { AppError } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import {
  activeEntryStatuses,
  type CaseRowM,
  type GateEntry,
  listGateEntries,
  lockCasesForShare,
  lockMovement,
  type MovementRow,
} from "../../store/repositories/movements.js";

const isActive = (e: GateEntry) => (activeEntryStatuses as readonly string[]).includes(e.status);

export async function lockForGate(
  tx: Tx,
  movementId: string,
): Promise<{ movement: MovementRow; entries: GateEntry[]; cases: CaseRowM[] }> {
  const before = (await listGateEntries(tx, movementId)).filter(isActive);
  const cases = await lockCasesForShare(
    tx,
    before.map((e) => e.caseId),
  );
  const movement = await lockMovement(tx, movementId);
  if (!movement) throw new AppError("not_found", `movement ${movementId} not found`, "movementId");
  const entries = (await listGateEntries(tx, movementId)).filter(isActive);
  const lockedIds = new Set(cases.map((c) => c.id));
  if (entries.some((e) => !lockedIds.has(e.caseId)))
    throw new AppError(
      "conflict",
      `the manifest of ${movement.number} changed meanwhile; try again`,
      "movementId",
    );
  return { movement, entries, cases: cases.filter((c) => entries.some((e) => e.caseId === c.id)) };
}
