/**
 * An officer strikes a person from a manifest by hand (a medical hold, a
 * missing travel document ...), with a written reason. The gate strikes by
 * itself (gate.ts); this is the officer's own decision, kept the same way,
 * and the officer in charge is alerted when someone else made it.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { getEntry, insertAlerts, lockMovement, updateEntry } from "../../store/repositories/movements.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { findMovement, requireStatus } from "./find-movement.js";

export const strikeInput = z.object({
  caseId: z.string().min(1).describe("case id (UUID) or case number"),
  reason: z.string().trim().min(5, "a written reason of at least 5 characters").max(2000),
});
export type StrikeInput = z.input<typeof strikeInput>;

export async function strikeFromManifest(
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  raw: StrikeInput,
) {
  const input = strikeInput.parse(raw);
  return writeWithAudit(
    ctx,
    actor,
    { action: "manifest.strike", entity: "movement", entityId: movementRef, detail: { ...input } },
    async (tx) => {
      const seen = await findMovement(tx, actor, movementRef, "case.write");
      const row = await findCase(tx, input.caseId);
      authorize(actor, "case.read", { officeCode: row.officeCode });
      const movement = await lockMovement(tx, seen.id);
      if (!movement) throw new AppError("not_found", `movement ${movementRef} not found`, "movementId");
      requireStatus(movement, ["open", "locked", "boarded"], "strike anyone");
      const entry = await getEntry(tx, movement.id, row.id);
      if (!entry || (entry.status !== "listed" && entry.status !== "boarded"))
        throw new AppError(
          "invalid_input",
          `case ${row.number} is not standing on ${movement.number}${entry ? ` (${entry.status})` : ""}`,
          "caseId",
        );
      const now = ctx.now();
      const message = `Struck from ${movement.number} by ${actor.username}: ${input.reason}`;
      await updateEntry(tx, entry.id, {
        status: "struck",
        struckAt: now,
        struckReason: { gate: "officer", by: actor.username, message, findings: [] },
      });
      if (movement.officerInCharge !== actor.id)
        await insertAlerts(tx, [
          {
            id: randomUUID(),
            movementId: movement.id,
            entryId: entry.id,
            caseId: row.id,
            officerId: movement.officerInCharge,
            gate: "officer",
            message,
            findings: [],
            createdAt: now,
          },
        ]);
      return { entryId: entry.id, caseNumber: row.number, status: "struck", message };
    },
  );
}
