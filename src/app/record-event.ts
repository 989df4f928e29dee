/**
 * Appends one dated fact to a case's history. The writer names the version it
 * read; if another write landed since, this one fails with a conflict and
 * nothing is written. Events arrive in date order and never from the future.
 */
import { z } from "zod";
import { effectiveEvents, projectCase } from "../domain/case-state.js";
import { AppError } from "../domain/errors.js";
import { type CaseEvent, caseEventSchema } from "../domain/events.js";
import { insertEvents, updateProjection } from "../store/repositories/cases.js";
import { type Actor, authorize } from "./access.js";
import { type AppContext, today, writeWithAudit } from "./context.js";
import { checkFacility, findCase, loadHistory } from "./load-case.js";
import { reevaluateOpenManifests } from "./movements/reevaluate-person-manifests.js";
import { refuseHandRecordedDeparture } from "./movements/removal-guard.js";

export const recordEventInput = z.object({
  expectedVersion: z.number().int().min(0),
  event: caseEventSchema,
});
export type RecordEventInput = z.input<typeof recordEventInput>;

export async function recordEvent(ctx: AppContext, actor: Actor, caseRef: string, raw: RecordEventInput) {
  const { expectedVersion, event } = recordEventInput.parse(raw);
  refuseHandRecordedDeparture(event);
  // The role before the lookup: a role that may not write cannot probe which cases exist.
  authorize(actor, "case.write");
  const date = today(ctx);
  if (event.on > date) throw new AppError("invalid_input", `${event.on} is in the future`, "event.on");
  return writeWithAudit(
    ctx,
    actor,
    { action: `event.${event.type}`, entity: "case", entityId: caseRef, detail: { on: event.on } },
    async (tx) => {
      const row = await findCase(tx, caseRef);
      authorize(actor, "case.write", { officeCode: row.officeCode });
      if (row.version !== expectedVersion) {
        throw new AppError(
          "conflict",
          `case ${row.number} changed since you read it (version ${row.version}, you had ${expectedVersion}); reload and try again`,
          "expectedVersion",
        );
      }
      const history = await loadHistory(tx, row.id);
      validateAppend(
        history.map((h) => h.event),
        effectiveEvents(history).map((h) => h.event),
        history.length,
        event,
      );
      await checkFacility(tx, event, "event", row);
      const seq = history.length + 1;
      const state = projectCase([...history, { seq, event }]);
      const ok = await updateProjection(tx, row.id, expectedVersion, state, ctx.now());
      if (!ok)
        throw new AppError(
          "conflict",
          `case ${row.number} changed since you read it; reload and try again`,
          "expectedVersion",
        );
      await insertEvents(tx, [
        {
          caseId: row.id,
          seq,
          type: event.type,
          on: event.on,
          at: event.at ?? null,
          body: event,
          recordedBy: actor.id,
        },
      ]);
      // Same transaction: a stay (or any new fact) re-checks every open manifest holding the person before commit.
      await reevaluateOpenManifests(tx, ctx, row, [event], [seq], actor.username);
      return { caseId: row.id, number: row.number, seq, version: expectedVersion + 1, state };
    },
  );
}

function validateAppend(all: CaseEvent[], effective: CaseEvent[], count: number, event: CaseEvent): void {
  if (event.type === "event.superseded") {
    if (event.supersedes > count)
      throw new AppError("invalid_input", `no event ${event.supersedes} in this case`, "event.supersedes");
    const target = all[event.supersedes - 1];
    if (target.type === "event.superseded")
      throw new AppError(
        "invalid_input",
        "a correction cannot be superseded; record a new one",
        "event.supersedes",
      );
    return;
  }
  const last = effective[effective.length - 1];
  if (last && event.on < last.on) {
    throw new AppError(
      "invalid_input",
      `out of order: ${event.on} is before the last event (${last.on}); supersede the later event to correct the history`,
      "event.on",
    );
  }
}
