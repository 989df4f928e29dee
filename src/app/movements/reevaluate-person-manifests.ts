/**
 * The hook on the event-append path (record-event.ts, take-action.ts): called
 * in the same transaction, right after a case's events are inserted. Every
 * live manifest holding the person is re-checked AT ONCE against the new
 * history; anyone no longer allowed (a stay, a protection grant, a
 * citizenship claim, a motion ...) is struck and the officer in charge
 * alerted before the transaction commits. The case row is already locked by
 * the append, and the movements are locked here, so no gate can board the
 * person on the strength of the old history.
 *
 * A verified departure closes the person's other entries; a removal must be
 * the departure of a person on a locked or boarded manifest, or it is refused.
 */
import { AppError } from "../../domain/errors.js";
import type { CaseEvent } from "../../domain/events.js";
import type { Tx } from "../../store/db.js";
import {
  type CaseRowM,
  entriesOfCase,
  liveEntriesOfCase,
  lockMovements,
  updateEntry,
} from "../../store/repositories/movements.js";
import type { AppContext } from "../context.js";
import { type GateResult, loadGateInputs, runGate } from "./gate.js";

/** Appends that say nothing about the person's legal position. */
const bookkeeping: ReadonlySet<string> = new Set([
  "action.blocked",
  "review.requested",
  "review.decided",
  "case.note",
  "case.closed",
]);

export async function reevaluateOpenManifests(
  tx: Tx,
  ctx: AppContext,
  caseRow: CaseRowM,
  appended: readonly CaseEvent[],
  seqs: readonly number[],
  by: string,
): Promise<GateResult[]> {
  const relevant = appended.filter((e) => !bookkeeping.has(e.type));
  if (!relevant.length) return [];
  const departureAt = appended.findIndex((e) => e.type === "departure.verified");
  if (departureAt >= 0) {
    await closeOnDeparture(tx, ctx, caseRow, appended[departureAt] as DepartureEvent, seqs[departureAt], by);
    return [];
  }
  const live = await liveEntriesOfCase(tx, caseRow.id);
  if (!live.length) return [];
  const movements = await lockMovements(
    tx,
    live.map((l) => l.movement.id),
  );
  // Re-read under the movement locks: a gate that committed meanwhile may have changed the entries.
  const current = await liveEntriesOfCase(tx, caseRow.id);
  if (!current.length) return [];
  const inputs = await loadGateInputs(tx, [caseRow]);
  const gate = `event:${[...new Set(relevant.map((e) => e.type))].join("+")}`;
  const results: GateResult[] = [];
  for (const m of movements) {
    const entries = current.filter((c) => c.movement.id === m.id).map((c) => c.entry);
    if (entries.length) results.push(await runGate(tx, ctx, m, entries, inputs, gate, by));
  }
  return results;
}

type DepartureEvent = Extract<CaseEvent, { type: "departure.verified" }>;

async function closeOnDeparture(
  tx: Tx,
  ctx: AppContext,
  caseRow: CaseRowM,
  event: DepartureEvent,
  seq: number,
  by: string,
): Promise<void> {
  const all = await entriesOfCase(tx, caseRow.id);
  if (all.length) await lockMovements(tx, [...new Set(all.map((a) => a.movement.id))]);
  const fresh = await entriesOfCase(tx, caseRow.id);
  const now = ctx.now();
  let carriedBy = fresh.find((f) => f.entry.status === "departed" && f.entry.departureSeq === seq);
  if (event.via === "removal" && !carriedBy) {
    carriedBy = fresh.find(
      (f) =>
        (f.entry.status === "listed" || f.entry.status === "boarded") &&
        (f.movement.status === "locked" || f.movement.status === "boarded") &&
        f.movement.country === event.country,
    );
    if (!carriedBy) {
      const struck = fresh.find((f) => f.entry.status === "struck");
      const why = struck
        ? `was struck from ${struck.movement.number}: ${(struck.entry.struckReason as { message?: string } | null)?.message ?? "see the manifest"}`
        : `is not on a locked or boarded manifest to ${event.country}`;
      throw new AppError(
        "blocked_by_law",
        `a removal cannot be recorded: case ${caseRow.number} ${why}`,
        "manifest",
      );
    }
    await updateEntry(tx, carriedBy.entry.id, { status: "departed", departureSeq: seq });
  }
  for (const f of fresh) {
    if (f.entry.id === carriedBy?.entry.id) continue;
    if (f.entry.status !== "listed" && f.entry.status !== "boarded") continue;
    if (!["open", "locked", "boarded"].includes(f.movement.status)) continue;
    await updateEntry(tx, f.entry.id, {
      status: "struck",
      struckAt: now,
      struckReason: {
        gate: "departure",
        by,
        message: `The person's departure to ${event.country} was verified on ${event.on} (${event.via ?? "departure"}).`,
        findings: [],
      },
    });
  }
}
