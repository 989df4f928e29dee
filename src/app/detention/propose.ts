/**
 * Placement proposals: an instance built from the database, solved by the
 * optimizer in a worker thread (the server keeps answering meanwhile; no
 * transaction is held open during the solve), stored with one row per person
 * and the optimizer's reason for each.
 *
 * Modes: `arrivals` — the office's detained people with no assigned facility;
 * `rebalance` — those plus everyone held at the office's facilities;
 * `cases` — the listed cases. Facilities: the office's (default) or all.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { solveInWorker } from "../../placement/run-worker.js";
import { solvePlacement } from "../../placement/solve.js";
import type { PlacementResult } from "../../placement/types.js";
import {
  type DetaineeRow,
  detainees,
  insertProposal,
  occupancyCounts,
} from "../../store/repositories/detention.js";
import { getOffice, listFacilities } from "../../store/repositories/reference.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { buildInstance, defaultTransferPenalty, defaultWeights } from "./instance.js";

export const proposeInput = z.object({
  office: z.string().min(1),
  mode: z.enum(["arrivals", "rebalance", "cases"]).default("arrivals"),
  cases: z.array(z.string().min(1)).max(5000).optional(),
  facilities: z.enum(["office", "all"]).default("office"),
  weights: z
    .object({
      counsel: z.number().min(0).max(100).default(defaultWeights.counsel),
      court: z.number().min(0).max(100).default(defaultWeights.court),
      family: z.number().min(0).max(100).default(defaultWeights.family),
    })
    .default(defaultWeights),
  transferPenalty: z.number().min(0).max(100_000).default(defaultTransferPenalty),
  timeLimitSeconds: z.number().min(1).max(600).default(60),
});
export type ProposeInput = z.input<typeof proposeInput>;

/** Tests and the CLI's --in-process may solve on this thread; the server always uses the worker. */
export const solver = { inWorker: true };

export async function proposePlacement(ctx: AppContext, actor: Actor, raw: ProposeInput) {
  const input = proposeInput.parse(raw);
  authorize(actor, "case.read", { officeCode: input.office });
  const db = ctx.database.db;
  if (!(await getOffice(db, input.office)))
    throw new AppError("invalid_input", `unknown office ${input.office}`, "office");
  if (input.mode === "cases" && !input.cases?.length)
    throw new AppError("invalid_input", "list the cases to place", "cases");

  const allFacilities = await listFacilities(db);
  const officeFacilities = allFacilities.filter((f) => f.officeCode === input.office).map((f) => f.code);
  let rows: DetaineeRow[];
  if (input.mode === "cases") {
    const ids: string[] = [];
    for (const ref of input.cases ?? []) {
      const row = await findCase(db, ref);
      authorize(actor, "case.read", { officeCode: row.officeCode });
      ids.push(row.id);
    }
    rows = await detainees(db, { caseIds: ids });
  } else {
    rows = await detainees(db, {
      unassignedOffice: input.office,
      ...(input.mode === "rebalance" ? { facilities: officeFacilities } : {}),
    });
  }
  const currentCodes = new Set(rows.map((r) => r.facilityCode).filter((c): c is string => c !== null));
  const facilities = allFacilities.filter(
    (f) => input.facilities === "all" || f.officeCode === input.office || currentCodes.has(f.code),
  );
  const heldBySex = new Map<string, { male: number; female: number }>();
  for (const c of await occupancyCounts(db)) {
    if (!c.facilityCode || (c.sex !== "M" && c.sex !== "F")) continue;
    const h = heldBySex.get(c.facilityCode) ?? { male: 0, female: 0 };
    h[c.sex === "M" ? "male" : "female"] += c.people;
    heldBySex.set(c.facilityCode, h);
  }
  const built = buildInstance({
    facilities,
    heldBySex,
    rows,
    weights: input.weights,
    transferPenalty: input.transferPenalty,
  });

  const started = performance.now();
  const options = { timeLimitSeconds: input.timeLimitSeconds, reasons: true };
  const result: PlacementResult = built.instance.people.length
    ? solver.inWorker
      ? await solveInWorker(built.instance, options)
      : await solvePlacement(built.instance, options)
    : { assignments: [], unplaced: [], objective: 0, bound: 0 };
  const seconds = (performance.now() - started) / 1000;

  const id = randomUUID();
  const kindOf = new Map(built.instance.people.map((p) => [p.id, p.kind]));
  const items = [
    ...result.assignments.map((a) => {
      const p = built.people.get(a.person)!;
      const stays = p.row.facilityCode === a.facility;
      return {
        proposalId: id,
        caseId: p.row.caseId,
        caseNumber: p.row.number,
        personId: p.row.personId,
        fromFacility: p.row.facilityCode,
        toFacility: a.facility,
        toKind: kindOf.get(a.person) ?? null,
        reason: a.reason ?? "",
        facts: { ...p.facts, family: p.facts.family !== null },
        status: stays ? "stay" : "proposed",
      };
    }),
    ...result.unplaced.map((u) => {
      const p = built.people.get(u.person)!;
      return {
        proposalId: id,
        caseId: p.row.caseId,
        caseNumber: p.row.number,
        personId: p.row.personId,
        fromFacility: p.row.facilityCode,
        toFacility: null,
        toKind: null,
        reason: u.reason,
        facts: { ...p.facts, family: p.facts.family !== null },
        status: "unplaced",
      };
    }),
  ];
  const assumptions = {
    defaults: { kind: "adult", level: 1, medicalNeed: 0 },
    assumed: built.assumed,
    skipped: built.skipped,
    people: built.instance.people.length,
    facilities: built.instance.facilities.length,
  };
  const stats = { ...(result.stats ?? {}), wallSeconds: seconds };
  await writeWithAudit(
    ctx,
    actor,
    {
      action: "placement.propose",
      entity: "placement_proposal",
      entityId: id,
      detail: { office: input.office, mode: input.mode, people: items.length, skipped: built.skipped.length },
    },
    (tx) =>
      insertProposal(
        tx,
        {
          id,
          officeCode: input.office,
          mode: input.mode,
          params: {
            weights: input.weights,
            transferPenalty: input.transferPenalty,
            facilities: input.facilities,
            ...(input.cases ? { cases: input.cases } : {}),
          },
          assumptions,
          objective: result.objective,
          bound: Number.isFinite(result.bound) ? result.bound : 0,
          stats,
          createdBy: actor.id,
          createdAt: ctx.now(),
        },
        items,
      ),
  );
  return { id };
}
