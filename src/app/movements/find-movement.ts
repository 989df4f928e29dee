/** A movement by id or number, with the access check for its office. */
import { AppError } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import { getMovement, type MovementRow } from "../../store/repositories/movements.js";
import { type Actor, authorize, type Permission } from "../access.js";

export async function findMovement(
  tx: Tx,
  actor: Actor,
  ref: string,
  permission: Permission,
): Promise<MovementRow> {
  const row = await getMovement(tx, ref);
  if (!row) throw new AppError("not_found", `movement ${ref} not found`, "movementId");
  authorize(actor, permission, { officeCode: row.officeCode });
  return row;
}

/** Refuses a step that the movement's status does not allow, naming the status. */
export function requireStatus(m: MovementRow, allowed: readonly string[], step: string): void {
  if (!allowed.includes(m.status)) {
    throw new AppError(
      "invalid_input",
      `movement ${m.number} is ${m.status}: cannot ${step} (needs ${allowed.join(" or ")})`,
      "movementId",
    );
  }
}
