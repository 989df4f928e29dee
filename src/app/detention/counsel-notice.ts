/**
 * A completed transfer owes counsel of record a notice within 24 hours
 * (clock hours in the custody office's time zone, TIME-05). Sending it records
 * a `counsel.notified` event on the case and fills the notice row. The sweep
 * lists every recent transfer of a represented person with its notice status
 * and opens a work-queue task (kind "notice") for each overdue one; sending
 * the notice closes that task.
 */
import { randomUUID } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { effectiveEvents, projectCase, type StoredEvent } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import { type CaseEvent, isoDate } from "../../domain/events.js";
import { addDays, addHours, compareStamps, localStamp } from "../../law/calendar/calendar.js";
import type { Tx } from "../../store/db.js";
import { type CaseRow, insertEvents, updateProjection } from "../../store/repositories/cases.js";
import { ensureNotice, markNoticeSent, recentTransfers } from "../../store/repositories/detention.js";
import { getPerson } from "../../store/repositories/persons.js";
import { getCounsel, getFacility, getOffice, listOffices } from "../../store/repositories/reference.js";
import { closeTasks, tasksOfCase, upsertTasks } from "../../store/repositories/tasks.js";
import { type Actor, authorize, officeScope } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { findCase, loadHistory } from "../load-case.js";

export const NOTICE_HOURS = 24;
export const noticeTaskKey = (transferSeq: number) => `notice:counsel.transfer:${transferSeq}`;

export const notifyInput = z.object({
  method: z.enum(["electronic", "mail", "phone", "fax"]).default("electronic"),
  /** Which transfer (its event number); default the latest. */
  transferSeq: z.number().int().positive().optional(),
});
export type NotifyInput = z.input<typeof notifyInput>;

/** Local wall-clock time now in a zone, HH:MM. */
export function clockIn(now: Date, tz: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(tz)
    .toPlainTime()
    .toString()
    .slice(0, 5);
}

function latestTransfer(stored: StoredEvent[], seq?: number) {
  const transfers = effectiveEvents(stored).filter((s) => s.event.type === "custody.transferred");
  return seq ? transfers.find((s) => s.seq === seq) : transfers.at(-1);
}

/** Sends (records) the notice for a case's transfer; idempotent per transfer. */
export async function notifyCounsel(ctx: AppContext, actor: Actor, caseRef: string, raw: NotifyInput) {
  const input = notifyInput.parse(raw);
  return writeWithAudit(
    ctx,
    actor,
    { action: "counsel.notify", entity: "case", entityId: caseRef, detail: { method: input.method } },
    async (tx) => {
      const row = await findCase(tx, caseRef);
      authorize(actor, "case.write", { officeCode: row.officeCode });
      return sendNotice(ctx, tx, actor.id, row, input);
    },
  );
}

async function sendNotice(
  ctx: AppContext,
  tx: Tx,
  actorId: string,
  row: CaseRow,
  input: z.output<typeof notifyInput>,
) {
  const stored = await loadHistory(tx, row.id);
  const transfer = latestTransfer(stored, input.transferSeq);
  if (transfer?.event.type !== "custody.transferred")
    throw new AppError("invalid_input", `case ${row.number} has no such transfer`, "transferSeq");
  // One query at a time: a transaction is one connection.
  const person = await getPerson(tx, row.personId);
  const office = await getOffice(tx, row.officeCode);
  const counselRow = person?.counselId ? await getCounsel(tx, person.counselId) : undefined;
  if (!counselRow && (person?.facts as { represented?: boolean })?.represented !== true)
    throw new AppError("invalid_input", `case ${row.number} has no counsel of record to notify`, "caseId");
  const tz = office?.tz ?? "America/New_York";
  const code = transfer.event.facility.code ?? null;
  const facility = code ? await getFacility(tx, code) : undefined;
  const transferredAt = localStamp(transfer.event.on, transfer.event.at);
  const notice = await ensureNotice(tx, {
    id: randomUUID(),
    caseId: row.id,
    officeCode: row.officeCode,
    transferSeq: transfer.seq,
    counselId: counselRow?.id ?? null,
    facilityCode: code,
    transferredAt,
    dueAt: addHours(transferredAt, NOTICE_HOURS, tz),
    createdAt: ctx.now(),
  });
  if (notice.notifiedSeq !== null) return { notice, alreadySent: true, version: row.version };

  const on = today(ctx);
  const at = clockIn(ctx.now(), tz);
  const event: CaseEvent = {
    type: "counsel.notified",
    on,
    at,
    tz,
    about: "transfer",
    ...(code ? { facility: code } : {}),
    method: input.method,
  };
  const seq = stored.length + 1;
  const state = projectCase([...stored, { seq, event }]);
  if (!(await updateProjection(tx, row.id, row.version, state, ctx.now())))
    throw new AppError(
      "conflict",
      `case ${row.number} changed while the notice was sent; try again`,
      "caseId",
    );
  await insertEvents(tx, [
    { caseId: row.id, seq, type: event.type, on, at, body: event, recordedBy: actorId },
  ]);
  const where = facility
    ? `${facility.name} (${facility.code}), ${facility.city}, ${facility.state}`
    : "an unnamed facility";
  const text =
    `Notice of transfer to counsel of record${counselRow ? ` ${counselRow.name}${counselRow.firm ? `, ${counselRow.firm}` : ""}` : ""}: ` +
    `your client ${person?.familyName}, ${person?.givenName}${person?.aNumber ? ` (${person.aNumber})` : ""}, case ${row.number}, ` +
    `was transferred on ${transferredAt.replace("T", " ")} to ${where}.`;
  await markNoticeSent(tx, notice.id, {
    notifiedSeq: seq,
    notifiedOn: `${on}T${at}`,
    method: input.method,
    text,
  });
  const open = (await tasksOfCase(tx, row.id)).filter((t) => t.key === noticeTaskKey(transfer.seq));
  await closeTasks(
    tx,
    open.map((t) => t.id),
    ctx.now(),
  );
  const onTime = compareStamps(`${on}T${at}`, notice.dueAt, tz) <= 0;
  return {
    notice: { ...notice, notifiedSeq: seq, notifiedOn: `${on}T${at}`, method: input.method, text },
    onTime,
    alreadySent: false,
    version: row.version + 1,
  };
}

export const noticeSweepInput = z.object({
  office: z.string().min(1).optional(),
  /** Transfers on or after this many days before today. */
  lookbackDays: z.coerce.number().int().min(1).max(3660).default(30),
  /** List only; open no task. */
  dryRun: z.boolean().default(false),
  asOf: isoDate.optional(),
});
export type NoticeSweepInput = z.input<typeof noticeSweepInput>;

export interface NoticeItem {
  caseId: string;
  caseNumber: string;
  officeCode: string;
  transferSeq: number;
  facility: string | null;
  transferredAt: string;
  dueAt: string;
  status: "sent" | "sent_late" | "due" | "overdue";
  notifiedAt: string | null;
}

/** Every recent transfer of a represented person and its notice: sent, sent late, due, or overdue. */
export async function counselNoticeSweep(ctx: AppContext, actor: Actor, raw: NoticeSweepInput) {
  const input = noticeSweepInput.parse(raw);
  authorize(
    actor,
    input.dryRun ? "case.read" : "case.write",
    input.office ? { officeCode: input.office } : undefined,
  );
  const db = ctx.database.db;
  const offices = input.office ? [input.office] : officeScope(actor);
  const asOf = input.asOf ?? today(ctx);
  const tzOf = new Map((await listOffices(db)).map((o) => [o.code, o.tz]));
  const { transfers, related } = await recentTransfers(db, offices, addDays(asOf, -input.lookbackDays));
  const byCase = new Map<string, StoredEvent[]>();
  for (const r of related) {
    const list = byCase.get(r.caseId) ?? [];
    list.push({ seq: r.seq, event: r.body as CaseEvent });
    byCase.set(r.caseId, list);
  }
  const items: NoticeItem[] = [];
  for (const t of transfers) {
    const events = byCase.get(t.caseId) ?? [];
    const superseded = new Set(
      events
        .filter((e) => e.event.type === "event.superseded")
        .map((e) => (e.event as { supersedes: number }).supersedes),
    );
    if (superseded.has(t.seq)) continue;
    const appeared = events.some((e) => e.event.type === "counsel.appeared" && e.seq < t.seq);
    if (!t.counselId && !t.represented && !appeared) continue;
    const e = t.body as { on: string; at?: string; facility?: { code?: string } };
    const tz = tzOf.get(t.officeCode) ?? "America/New_York";
    const transferredAt = localStamp(e.on, e.at);
    const dueAt = addHours(transferredAt, NOTICE_HOURS, tz);
    const sent = events.find(
      (n) => n.event.type === "counsel.notified" && n.seq > t.seq && !superseded.has(n.seq),
    )?.event;
    const sentAt = sent ? localStamp(sent.on, sent.at) : null;
    const now = asOf === today(ctx) ? `${asOf}T${clockIn(ctx.now(), tz)}` : `${asOf}T23:59`;
    const status: NoticeItem["status"] = sentAt
      ? compareStamps(sentAt, dueAt, tz) <= 0
        ? "sent"
        : "sent_late"
      : compareStamps(now, dueAt, tz) > 0
        ? "overdue"
        : "due";
    items.push({
      caseId: t.caseId,
      caseNumber: t.number,
      officeCode: t.officeCode,
      transferSeq: t.seq,
      facility: e.facility?.code ?? null,
      transferredAt,
      dueAt,
      status,
      notifiedAt: sentAt,
    });
  }
  const overdue = items.filter((i) => i.status === "overdue");
  let tasksOpened = 0;
  if (!input.dryRun && overdue.length) {
    tasksOpened = await writeWithAudit(
      ctx,
      actor,
      { action: "counsel_notices.sweep", entity: "task", detail: { asOf, overdue: overdue.length } },
      async (tx) => {
        const now = ctx.now();
        for (const i of overdue) {
          await ensureNotice(tx, {
            id: randomUUID(),
            caseId: i.caseId,
            officeCode: i.officeCode,
            transferSeq: i.transferSeq,
            facilityCode: i.facility,
            transferredAt: i.transferredAt,
            dueAt: i.dueAt,
            createdAt: now,
          });
        }
        return upsertTasks(
          tx,
          overdue.map((i) => ({
            id: randomUUID(),
            officeCode: i.officeCode,
            caseId: i.caseId,
            kind: "notice",
            key: noticeTaskKey(i.transferSeq),
            title: `Notify counsel of the transfer to ${i.facility ?? "a new facility"} (due ${i.dueAt.replace("T", " ")})`,
            due: i.dueAt.slice(0, 10),
            status: "open",
            createdAt: now,
            updatedAt: now,
          })),
        );
      },
    );
  }
  return {
    asOf,
    transfers: items.length,
    overdue: overdue.length,
    tasksOpened,
    items,
  };
}
