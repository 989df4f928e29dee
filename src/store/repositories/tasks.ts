/**
 * Work-queue tasks (deadline and review tasks) and the batch reads the
 * deadline sweep needs: a page of cases with their persons and events in
 * three queries instead of six per case.
 */
import { and, asc, count, eq, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, persons, reviews, tasks, users } from "../schema.js";
import type { CaseRow, EventRow } from "./cases.js";
import type { PersonRow } from "./persons.js";

export type TaskRow = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;

const officeFilter = (offices: string[] | null) =>
  offices ? inArray(cases.officeCode, offices.length ? offices : ["__none__"]) : undefined;

export async function countSweepCases(tx: Tx, offices: string[] | null): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(cases).where(officeFilter(offices));
  return Number(row?.n ?? 0);
}

/** Only the columns the law needs: the projection (`state`, a large JSON) is not read. */
const sweepCaseColumns = {
  id: cases.id,
  number: cases.number,
  personId: cases.personId,
  officeCode: cases.officeCode,
  courtCode: cases.courtCode,
};
export type SweepCase = Pick<CaseRow, keyof typeof sweepCaseColumns>;
export type SweepEvent = Pick<EventRow, "caseId" | "seq" | "body">;

export interface SweepBatch {
  cases: SweepCase[];
  persons: Map<string, PersonRow>;
  events: Map<string, SweepEvent[]>;
}

/** The next page of cases after `afterId` (keyset order by id), with their persons and events. */
export async function loadSweepBatch(
  tx: Tx,
  offices: string[] | null,
  afterId: string | null,
  limit: number,
): Promise<SweepBatch> {
  const where = [officeFilter(offices), afterId ? gt(cases.id, afterId) : undefined].filter(
    (w): w is SQL => w !== undefined,
  );
  const page = await tx
    .select(sweepCaseColumns)
    .from(cases)
    .where(and(...where))
    .orderBy(asc(cases.id))
    .limit(limit);
  if (!page.length) return { cases: [], persons: new Map(), events: new Map() };
  const [personRows, eventRows] = await Promise.all([
    tx
      .select()
      .from(persons)
      .where(
        inArray(
          persons.id,
          page.map((c) => c.personId),
        ),
      ),
    tx
      .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, body: caseEvents.body })
      .from(caseEvents)
      .where(
        inArray(
          caseEvents.caseId,
          page.map((c) => c.id),
        ),
      )
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
  ]);
  const events = new Map<string, SweepEvent[]>();
  for (const e of eventRows) {
    const list = events.get(e.caseId) ?? [];
    list.push(e);
    events.set(e.caseId, list);
  }
  return { cases: page, persons: new Map(personRows.map((p) => [p.id, p])), events };
}

/**
 * Inserts tasks or refreshes them by their stable (case, key). A task the
 * sweep had closed comes back open; a task a user marked done stays done.
 * Returns how many rows were new.
 */
export async function upsertTasks(tx: Tx, rows: NewTask[]): Promise<number> {
  if (!rows.length) return 0;
  const res = await tx
    .insert(tasks)
    .values(rows)
    .onConflictDoUpdate({
      target: [tasks.caseId, tasks.key],
      set: {
        title: sql`excluded.title`,
        due: sql`excluded.due`,
        officeCode: sql`excluded.office_code`,
        status: sql`case when ${tasks.status} = 'closed' then 'open' else ${tasks.status} end`,
        updatedAt: sql`case when ${tasks.status} = 'closed' then excluded.updated_at else ${tasks.updatedAt} end`,
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return res.filter((r) => r.inserted === true || String(r.inserted) === "true").length;
}

/** Open tasks of a kind on these cases, for the sweep to close the ones no longer due. */
export async function openTasksOf(tx: Tx, caseIds: string[], kind: string) {
  if (!caseIds.length) return [];
  return tx
    .select({ id: tasks.id, caseId: tasks.caseId, key: tasks.key })
    .from(tasks)
    .where(and(inArray(tasks.caseId, caseIds), eq(tasks.kind, kind), eq(tasks.status, "open")));
}

export async function closeTasks(tx: Tx, ids: string[], at: Date): Promise<number> {
  if (!ids.length) return 0;
  const res = await tx
    .update(tasks)
    .set({ status: "closed", updatedAt: at })
    .where(and(inArray(tasks.id, ids), eq(tasks.status, "open")))
    .returning({ id: tasks.id });
  return res.length;
}

export async function pendingReviewsFor(tx: Tx, offices: string[] | null) {
  const where = [eq(reviews.status, "pending")];
  if (offices) where.push(inArray(reviews.officeCode, offices.length ? offices : ["__none__"]));
  return tx
    .select({
      id: reviews.id,
      caseId: reviews.caseId,
      officeCode: reviews.officeCode,
      actionType: reviews.actionType,
      requestedAt: reviews.requestedAt,
    })
    .from(reviews)
    .where(and(...where));
}

/** Open review tasks whose review is no longer pending (decided or used). */
export async function staleReviewTasks(tx: Tx, offices: string[] | null) {
  const where = [eq(tasks.kind, "review"), eq(tasks.status, "open")];
  if (offices) where.push(inArray(tasks.officeCode, offices.length ? offices : ["__none__"]));
  const open = await tx
    .select({ id: tasks.id, key: tasks.key })
    .from(tasks)
    .where(and(...where));
  if (!open.length) return [];
  const pending = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(
      and(
        eq(reviews.status, "pending"),
        inArray(
          reviews.id,
          open.map((t) => t.key.replace(/^review:/, "")),
        ),
      ),
    );
  const still = new Set(pending.map((p) => `review:${p.id}`));
  return open.filter((t) => !still.has(t.key)).map((t) => t.id);
}

export interface QueueQuery {
  offices: string[] | null;
  assignee?: string;
  now: Date;
  limit: number;
  includeHeld?: boolean;
}

/** Open tasks, held ones hidden until their hold ends; earliest due first (overdue on top), then oldest. */
export async function listQueue(tx: Tx, q: QueueQuery) {
  const where: (SQL | undefined)[] = [
    eq(tasks.status, "open"),
    q.offices ? inArray(tasks.officeCode, q.offices.length ? q.offices : ["__none__"]) : undefined,
    q.assignee ? eq(tasks.assignee, q.assignee) : undefined,
    q.includeHeld ? undefined : or(isNull(tasks.holdUntil), lte(tasks.holdUntil, q.now)),
  ];
  return tx
    .select({
      id: tasks.id,
      kind: tasks.kind,
      key: tasks.key,
      title: tasks.title,
      due: tasks.due,
      status: tasks.status,
      officeCode: tasks.officeCode,
      caseId: tasks.caseId,
      caseNumber: cases.number,
      givenName: persons.givenName,
      familyName: persons.familyName,
      assigneeId: tasks.assignee,
      assignee: users.username,
      holdUntil: tasks.holdUntil,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(users, eq(users.id, tasks.assignee))
    .where(and(...where.filter((w): w is SQL => w !== undefined)))
    .orderBy(sql`${tasks.due} asc nulls last`, asc(tasks.createdAt), asc(tasks.id))
    .limit(q.limit);
}

export async function getTask(tx: Tx, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

/** Updates an open task; false when it was no longer open. */
export async function updateOpenTask(tx: Tx, id: string, set: Partial<NewTask>): Promise<boolean> {
  const res = await tx
    .update(tasks)
    .set(set)
    .where(and(eq(tasks.id, id), eq(tasks.status, "open")))
    .returning({ id: tasks.id });
  return res.length === 1;
}

export async function tasksOfCase(tx: Tx, caseId: string, statuses: string[] = ["open"]) {
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), inArray(tasks.status, statuses)))
    .orderBy(asc(tasks.key));
}
