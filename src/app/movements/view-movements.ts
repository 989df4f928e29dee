/** Read side of removal logistics: the list, one manifest with its verdicts, candidates, alerts. */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import {
  acknowledgeAlert,
  candidateCases,
  listAlerts,
  listEntriesWithPeople,
  listMovements,
} from "../../store/repositories/movements.js";
import { type Actor, authorize, officeScope } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { withholdAlert, withholdEntry, wordsGate } from "../oversight/words.js";
import { findMovement } from "./find-movement.js";

export const listMovementsInput = z.object({
  status: z.enum(["open", "locked", "boarded", "departed", "cancelled"]).optional(),
});

export async function listMovementsView(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof listMovementsInput>,
) {
  authorize(actor, "case.read");
  const input = listMovementsInput.parse(raw);
  const rows = await listMovements(ctx.database.db, officeScope(actor), input.status);
  return rows.map((r) => ({
    ...r.movement,
    onManifest: r.onManifest,
    struck: r.struck,
    officerName: r.officerName,
  }));
}

export async function getMovementView(ctx: AppContext, actor: Actor, ref: string) {
  const tx = ctx.database.db;
  const movement = await findMovement(tx, actor, ref, "case.read");
  const [entries, alerts] = await Promise.all([
    listEntriesWithPeople(tx, movement.id),
    listAlerts(tx, { movementId: movement.id }),
  ]);
  // Verdicts, struck reasons and alerts of a confidential case: words withheld without a purpose (oversight).
  const words = await wordsGate(ctx, actor, [...entries, ...alerts.map((a) => a.alert)].map(caseIdOf));
  const view = {
    movement,
    entries: entries.map((e) => {
      const row = {
        ...e.entry,
        caseNumber: e.caseNumber,
        givenName: e.givenName,
        familyName: e.familyName,
        aNumber: e.aNumber,
      };
      return words.shows(e.entry.caseId) ? row : withholdEntry(row);
    }),
    alerts: alerts.map((a) => {
      const row = { ...a.alert, caseNumber: a.caseNumber, movementNumber: a.movementNumber };
      return words.shows(a.alert.caseId) ? row : withholdAlert(row);
    }),
  };
  await words.logShown(ctx, `manifest:${movement.number}`);
  return view;
}

const caseIdOf = (r: { caseId: string } | { entry: { caseId: string } }) =>
  "entry" in r ? r.entry.caseId : r.caseId;

export async function movementCandidates(ctx: AppContext, actor: Actor, ref: string) {
  const tx = ctx.database.db;
  const movement = await findMovement(tx, actor, ref, "case.read");
  return candidateCases(tx, movement.country, officeScope(actor), movement.id);
}

/** The signed-in officer's unacknowledged gate alerts (every movement they are in charge of). */
export async function myAlerts(ctx: AppContext, actor: Actor) {
  authorize(actor, "case.read");
  const rows = await listAlerts(ctx.database.db, { officerId: actor.id, open: true });
  const words = await wordsGate(
    ctx,
    actor,
    rows.map((a) => a.alert.caseId),
  );
  const items = rows.map((a) => {
    const row = { ...a.alert, caseNumber: a.caseNumber, movementNumber: a.movementNumber };
    return words.shows(a.alert.caseId) ? row : withholdAlert(row);
  });
  await words.logShown(ctx, "movement-alerts");
  return items;
}

export async function acknowledgeMovementAlert(ctx: AppContext, actor: Actor, alertId: string) {
  authorize(actor, "case.write");
  return writeWithAudit(
    ctx,
    actor,
    { action: "movement.alert_acknowledged", entity: "movement_alert", entityId: alertId, detail: {} },
    async (tx) => {
      const row = await acknowledgeAlert(tx, alertId, actor.id, ctx.now());
      if (!row) throw new AppError("not_found", `no open alert ${alertId}`, "alertId");
      if (row.officerId !== actor.id && actor.role !== "supervisor" && actor.role !== "admin")
        throw new AppError("forbidden", "only the officer in charge or a supervisor acknowledges an alert");
      return row;
    },
  );
}
