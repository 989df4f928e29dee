/**
 * Locks a manifest: no one is added after this. The final gate runs over
 * everyone on it, alternates included, against their current histories;
 * anyone no longer allowed is struck with the reasons, and the officer in
 * charge is alerted.
 */

import { updateMovement } from "../../store/repositories/movements.js";
import type { Actor } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findMovement, requireStatus } from "./find-movement.js";
import { loadGateInputs, runGate } from "./gate.js";
import { gateAnswerFor } from "./gate-answer.js";
import { lockForGate } from "./gate-lock.js";

export async function lockManifest(ctx: AppContext, actor: Actor, movementRef: string) {
  const detail: Record<string, unknown> = { movement: movementRef };
  return writeWithAudit(
    ctx,
    actor,
    { action: "manifest.lock", entity: "movement", entityId: movementRef, detail },
    async (tx) => {
      const seen = await findMovement(tx, actor, movementRef, "case.write");
      const { movement, entries, cases } = await lockForGate(tx, seen.id);
      requireStatus(movement, ["open"], "lock the manifest");
      const inputs = await loadGateInputs(tx, cases);
      const gate = await runGate(tx, ctx, movement, entries, inputs, "lock", actor.username);
      const now = ctx.now();
      await updateMovement(tx, movement.id, {
        status: "locked",
        lockedAt: now,
        lockedBy: actor.id,
        updatedAt: now,
      });
      detail.checked = gate.checked;
      detail.struck = gate.struck.map((s) => s.caseId);
      return {
        movement: { ...movement, status: "locked", lockedAt: now, lockedBy: actor.id },
        gate: gateAnswerFor(actor, gate, inputs, movement.number),
      };
    },
  );
}
