/**
 * The deadline sweep: every case's deadlines from its history (the `none`
 * action checks only deadlines), the ones due soon or overdue listed per
 * office, and the work queue brought up to date: a task per due or overdue
 * deadline (stable key, so a re-sweep refreshes instead of duplicating), the
 * open deadline tasks whose deadline no longer follows from the facts
 * closed, and a task per pending review.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { isoDate } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { PolicySetting } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import { listCourts, listOffices } from "../../store/repositories/reference.js";
import { getSetting } from "../../store/repositories/settings.js";
import {
  closeTasks,
  countSweepCases,
  loadSweepBatch,
  type NewTask,
  openTasksOf,
  pendingReviewsFor,
  staleReviewTasks,
  upsertTasks,
} from "../../store/repositories/tasks.js";
import { type Actor, authorize, officeScope } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { lawInputsFrom } from "../law-inputs.js";
import { withholdDeadline } from "../oversight/verdict-redaction.js";
import { withholdWhereConfidential } from "../oversight/words.js";
import { type DueItem, deadlineKey, dueItems } from "./classify.js";

export const sweepInput = z.object({
  office: z.string().min(1).optional(),
  asOf: isoDate.optional(),
  withinDays: z.coerce.number().int().min(0).max(366).default(7),
  overdueDays: z.coerce.number().int().min(0).max(3660).default(30),
  /** List only; write no task. */
  dryRun: z.boolean().default(false),
});
export type SweepInput = z.input<typeof sweepInput>;

export interface SweepItem extends DueItem {
  caseId: string;
  caseNumber: string;
}

export interface OfficeSweep {
  office: string;
  cases: number;
  overdue: number;
  due: number;
  items: SweepItem[];
}

export interface SweepReport {
  asOf: string;
  withinDays: number;
  overdueDays: number;
  cases: number;
  offices: OfficeSweep[];
  tasks: { created: number; refreshed: number; closed: number };
  reviews: { open: number; closed: number };
  dryRun: boolean;
  seconds: number;
}

const BATCH = 250;

export async function sweepDeadlines(
  ctx: AppContext,
  actor: Actor | "system",
  raw: SweepInput,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepReport> {
  const started = performance.now();
  const input = sweepInput.parse(raw);
  if (actor !== "system")
    authorize(actor, "case.write", input.office ? { officeCode: input.office } : undefined);
  const scope = actor === "system" ? null : officeScope(actor);
  const offices = input.office ? [input.office] : scope;
  const asOf = input.asOf ?? today(ctx);
  const window = { asOf, withinDays: input.withinDays, overdueDays: input.overdueDays };
  const db = ctx.database.db;
  const [courtRows, officeRows, closures, policy] = await Promise.all([
    listCourts(db),
    listOffices(db),
    getSetting<string[]>(db, "law", "closures"),
    getSetting<Record<string, PolicySetting>>(db, "law", "policy"),
  ]);
  const courts = new Map(courtRows.map((c) => [c.code, c]));
  const officeByCode = new Map(officeRows.map((o) => [o.code, o]));
  const total = await countSweepCases(db, offices);
  const report = new Map<string, OfficeSweep>();
  const counts = { created: 0, refreshed: 0, closed: 0 };
  let done = 0;
  let after: string | null = null;
  onProgress?.(0, total);

  for (;;) {
    const batch = await loadSweepBatch(db, offices, after, BATCH);
    if (!batch.cases.length) break;
    after = batch.cases[batch.cases.length - 1].id;
    const taskRows: NewTask[] = [];
    const liveKeys = new Map<string, Set<string>>();
    const now = ctx.now();
    for (const row of batch.cases) {
      const stored: StoredEvent[] = (batch.events.get(row.id) ?? []).map((e) => ({
        seq: e.seq,
        event: e.body as CaseEvent,
      }));
      const { history, config } = lawInputsFrom({
        person: batch.persons.get(row.personId),
        stored,
        court: row.courtCode ? courts.get(row.courtCode) : undefined,
        office: officeByCode.get(row.officeCode),
        closures,
        policy,
      });
      const verdict = evaluate(history, { type: "none", on: asOf }, config, asOf);
      liveKeys.set(row.id, new Set(verdict.deadlines.map(deadlineKey)));
      const office =
        report.get(row.officeCode) ??
        ({ office: row.officeCode, cases: 0, overdue: 0, due: 0, items: [] } satisfies OfficeSweep);
      report.set(row.officeCode, office);
      office.cases++;
      for (const item of dueItems(verdict.deadlines, window)) {
        office[item.urgency]++;
        office.items.push({ ...item, caseId: row.id, caseNumber: row.number });
        taskRows.push({
          id: randomUUID(),
          officeCode: row.officeCode,
          caseId: row.id,
          kind: "deadline",
          key: deadlineKey(item),
          title: `${item.kind} (${item.rule})`,
          due: item.due,
          status: "open",
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    if (!input.dryRun) {
      const caseIds = batch.cases.map((c) => c.id);
      await writeWithAudit(
        ctx,
        actor,
        {
          action: "deadlines.sweep",
          entity: "task",
          detail: { asOf, cases: caseIds.length, dueOrOverdue: taskRows.length },
        },
        async (tx) => {
          const created = await upsertTasks(tx, taskRows);
          counts.created += created;
          counts.refreshed += taskRows.length - created;
          counts.closed += await closeLapsed(tx, caseIds, liveKeys, now);
        },
      );
    }
    done += batch.cases.length;
    onProgress?.(done, total);
  }

  const reviews = input.dryRun ? { open: 0, closed: 0 } : await syncReviewTasks(ctx, actor, offices);
  for (const o of report.values())
    o.items.sort((a, b) => a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber));
  // The words of a confidential case's deadlines (kind, rule, note) are withheld without a purpose (oversight).
  if (actor !== "system")
    for (const o of report.values())
      o.items = await withholdWhereConfidential(
        ctx,
        actor,
        o.items,
        (i) => i.caseId,
        withholdItem,
        "deadlines",
      );
  return {
    asOf,
    withinDays: input.withinDays,
    overdueDays: input.overdueDays,
    cases: done,
    offices: [...report.values()].sort((a, b) => a.office.localeCompare(b.office)),
    tasks: counts,
    reviews,
    dryRun: input.dryRun,
    seconds: (performance.now() - started) / 1000,
  };
}

function withholdItem({ note: _note, ...item }: SweepItem): SweepItem {
  return { ...item, ...withholdDeadline(item) };
}

/** Closes open deadline tasks whose deadline the facts no longer give (a stay ended, an order reopened...). */
async function closeLapsed(tx: Tx, caseIds: string[], live: Map<string, Set<string>>, now: Date) {
  const open = await openTasksOf(tx, caseIds, "deadline");
  const lapsed = open.filter((t) => !live.get(t.caseId)?.has(t.key)).map((t) => t.id);
  return closeTasks(tx, lapsed, now);
}

/** A task per pending review; review tasks whose review was decided are closed. */
async function syncReviewTasks(ctx: AppContext, actor: Actor | "system", offices: string[] | null) {
  return writeWithAudit(ctx, actor, { action: "reviews.sweep", entity: "task", detail: {} }, async (tx) => {
    const now = ctx.now();
    const pending = await pendingReviewsFor(tx, offices);
    await upsertTasks(
      tx,
      pending.map((r) => ({
        id: randomUUID(),
        officeCode: r.officeCode,
        caseId: r.caseId,
        kind: "review",
        key: `review:${r.id}`,
        title: `Review: ${r.actionType}`,
        due: r.requestedAt.toISOString().slice(0, 10),
        status: "open",
        createdAt: now,
        updatedAt: now,
      })),
    );
    const closed = await closeTasks(tx, await staleReviewTasks(tx, offices), now);
    return { open: pending.length, closed };
  });
}
