/**
 * Boarding: the final gate again, as `flight.depart` with the time boarding
 * was completed. Everyone still on the locked manifest, alternates included,
 * is checked against the current history; anyone no longer allowed is struck
 * and the officer in charge alerted. The primaries who pass board; free
 * seats go to the alternates who pass, in the order they were added; other
 * alternates are left behind.
 */
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { localDateTime } from "../../domain/events.js";
import { updateEntries, updateMovement } from "../../store/repositories/movements.js";
import type { Actor } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findMovement, requireStatus } from "./find-movement.js";
import { loadGateInputs, runGate } from "./gate.js";
import { gateAnswerFor } from "./gate-answer.js";
import { lockForGate } from "./gate-lock.js";

export const boardMovementInput = z.object({
  /** Local date-time in the movement's time zone, YYYY-MM-DDTHH:MM. */
  boardingCompletedAt: localDateTime,
});
export type BoardMovementInput = z.input<typeof boardMovementInput>;

export async function boardMovement(
  ctx: AppContext,
  actor: Actor,
  movementRef: string,
  raw: BoardMovementInput,
) {
  const input = boardMovementInput.parse(raw);
  const detail: Record<string, unknown> = { movement: movementRef, ...input };
  return writeWithAudit(
    ctx,
    actor,
    { action: "manifest.board", entity: "movement", entityId: movementRef, detail },
    async (tx) => {
      const seen = await findMovement(tx, actor, movementRef, "case.write");
      const boarded = Temporal.PlainDateTime.from(input.boardingCompletedAt).toZonedDateTime(seen.tz);
      if (boarded.epochMilliseconds > ctx.now().getTime())
        throw new AppError(
          "invalid_input",
          `${input.boardingCompletedAt} (${seen.tz}) is in the future`,
          "boardingCompletedAt",
        );
      const { movement, entries, cases } = await lockForGate(tx, seen.id);
      requireStatus(movement, ["locked"], "complete boarding");
      const atBoarding = { ...movement, boardingCompletedAt: input.boardingCompletedAt };
      const inputs = await loadGateInputs(tx, cases);
      const gate = await runGate(tx, ctx, atBoarding, entries, inputs, "boarding", actor.username);
      const struck = new Set(gate.struck.map((s) => s.entryId));
      const passed = entries.filter((e) => !struck.has(e.id));
      const primaries = passed.filter((e) => e.role === "primary").slice(0, movement.seats);
      const free = movement.seats - primaries.length;
      const alternates = passed.filter((e) => e.role === "alternate");
      const aboard = [...primaries, ...alternates.slice(0, Math.max(0, free))];
      const aboardIds = new Set(aboard.map((e) => e.id));
      const leftBehind = passed.filter((e) => !aboardIds.has(e.id));
      await updateEntries(
        tx,
        aboard.map((e) => e.id),
        { status: "boarded" },
      );
      await updateEntries(
        tx,
        leftBehind.map((e) => e.id),
        { status: "left_behind" },
      );
      const now = ctx.now();
      await updateMovement(tx, movement.id, {
        status: "boarded",
        boardingCompletedAt: input.boardingCompletedAt,
        boardedBy: actor.id,
        updatedAt: now,
      });
      detail.boarded = aboard.length;
      detail.struck = gate.struck.map((s) => s.caseId);
      return {
        movement: { ...atBoarding, status: "boarded", boardedBy: actor.id },
        gate: gateAnswerFor(actor, gate, inputs, movement.number),
        boarded: aboard.map((e) => e.caseId),
        leftBehind: leftBehind.map((e) => e.caseId),
      };
    },
  );
}
