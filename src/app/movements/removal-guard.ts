/**
 * The refusals that keep a removal from being recorded outside the movement
 * flow. A `removal.execute` action needs the person on a locked or boarded
 * manifest, not struck (the hook in reevaluate-person-manifests.ts checks it
 * again under the locks); a `departure.verified` event is never appended by
 * hand: it is recorded by the departure verification (I-296) of a movement,
 * or by the removal.execute / return.voluntary actions.
 */
import { AppError } from "../../domain/errors.js";
import type { CaseEvent } from "../../domain/events.js";
import type { Action } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import { entriesOfCase } from "../../store/repositories/movements.js";

export async function assertRemovalOnManifest(tx: Tx, caseId: string, action: Action): Promise<void> {
  if (action.type !== "removal.execute") return;
  const all = await entriesOfCase(tx, caseId);
  const ok = all.some(
    (a) =>
      (a.entry.status === "listed" || a.entry.status === "boarded") &&
      (a.movement.status === "locked" || a.movement.status === "boarded") &&
      a.movement.country === action.country,
  );
  if (ok) return;
  const struck = all.find((a) => a.entry.status === "struck");
  throw new AppError(
    "blocked_by_law",
    struck
      ? `removal refused: the person was struck from ${struck.movement.number}: ${(struck.entry.struckReason as { message?: string } | null)?.message ?? ""}`.trim()
      : `removal refused: the person is not on a locked or boarded manifest to ${String(action.country)}`,
    "action.type",
  );
}

export function refuseHandRecordedDeparture(event: CaseEvent): void {
  if (event.type !== "departure.verified") return;
  throw new AppError(
    "invalid_input",
    "a departure is recorded by the movement's departure verification (I-296), or by the removal.execute or return.voluntary action, never as a bare event",
    "event.type",
  );
}
