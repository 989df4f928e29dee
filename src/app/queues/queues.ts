/**
 * Work queues: an office's open tasks and a user's own, earliest due first
 * (so overdue work is on top), then oldest. A task can be assigned, put on a
 * timed hold (it leaves the queue and comes back by itself when the hold
 * ends: the queue shows tasks whose hold_until <= now), or marked done.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import {
  closeTasks,
  getTask,
  listQueue,
  type TaskRow,
  tasksOfCase,
  updateOpenTask,
  upsertTasks,
} from "../../store/repositories/tasks.js";
import { getUser, getUserByName } from "../../store/repositories/users.js";
import { type Actor, authorize, officeScope } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { withholdTask, withholdWhereConfidential } from "../oversight/words.js";

export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  includeHeld: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const assignInput = z.union([
  z.object({ userId: z.union([z.uuid(), z.literal("me")]) }),
  z.object({ username: z.string().trim().min(1).max(100) }),
  z.object({ me: z.literal(true) }),
]);

export const holdInput = z.object({
  /** An instant (ISO 8601 with zone) or a date (the hold ends at the start of that day, UTC). */
  until: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
  reason: z.string().trim().max(1000).optional(),
});

export type QueueOptions = { limit?: number; includeHeld?: boolean };

type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** Deadline titles of confidential cases (motion.vawa.due, PROT-/STAT- rules) withheld without a purpose. */
const shown = <T extends ReturnType<typeof present>[number]>(ctx: AppContext, actor: Actor, items: T[]) =>
  withholdWhereConfidential(ctx, actor, items, (t) => t.caseId, withholdTask, "queue");

function present(rows: QueueRow[], asOf: string, now: Date) {
  return rows.map((r) => ({
    ...r,
    personName: `${r.familyName}, ${r.givenName}`,
    overdue: r.due !== null && r.due.slice(0, 10) < asOf,
    held: r.holdUntil !== null && r.holdUntil > now,
  }));
}

export async function officeQueue(ctx: AppContext, actor: Actor, office: string, q: QueueOptions = {}) {
  authorize(actor, "case.read", { officeCode: office });
  const now = ctx.now();
  const rows = await listQueue(ctx.database.db, {
    offices: [office],
    now,
    limit: q.limit ?? 100,
    includeHeld: q.includeHeld,
  });
  const items = await shown(ctx, actor, present(rows, today(ctx), now));
  return { office, asOf: today(ctx), items };
}

export async function myQueue(ctx: AppContext, actor: Actor, q: QueueOptions = {}) {
  authorize(actor, "case.read");
  const now = ctx.now();
  const rows = await listQueue(ctx.database.db, {
    offices: officeScope(actor),
    assignee: actor.id,
    now,
    limit: q.limit ?? 100,
    includeHeld: q.includeHeld,
  });
  return { asOf: today(ctx), items: await shown(ctx, actor, present(rows, today(ctx), now)) };
}

async function changeTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  audit: { action: string; detail: Record<string, unknown> },
  change: (task: TaskRow, tx: Tx) => Promise<Partial<TaskRow>>,
) {
  return writeWithAudit(
    ctx,
    actor,
    { action: audit.action, entity: "task", entityId: taskId, detail: audit.detail },
    async (tx) => {
      const task = await getTask(tx, taskId);
      if (!task) throw new AppError("not_found", `task ${taskId} not found`, "taskId");
      authorize(actor, "case.write", { officeCode: task.officeCode });
      if (task.status !== "open")
        throw new AppError("conflict", `task ${taskId} is ${task.status}, not open`, "taskId");
      const set = { ...(await change(task, tx)), updatedAt: ctx.now() };
      if (!(await updateOpenTask(tx, taskId, set)))
        throw new AppError("conflict", `task ${taskId} changed meanwhile; reload`, "taskId");
      return { ...task, ...set };
    },
  );
}

export async function assignTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  raw: z.input<typeof assignInput>,
) {
  const input = assignInput.parse(raw);
  const who: { username: string } | { userId: string } =
    "username" in input
      ? { username: input.username }
      : { userId: "me" in input || input.userId === "me" ? actor.id : input.userId };
  return changeTask(ctx, actor, taskId, { action: "task.assign", detail: who }, async (task, tx) => {
    // Inside the transaction: PGlite has one connection, which the transaction holds.
    const user = "username" in who ? await getUserByName(tx, who.username) : await getUser(tx, who.userId);
    if (!user?.active) throw new AppError("invalid_input", "no such active user", "userId");
    const national = user.role === "admin" || user.role === "auditor";
    if (!national && !user.offices.includes(task.officeCode))
      throw new AppError(
        "invalid_input",
        `${user.username} does not work in office ${task.officeCode}`,
        "userId",
      );
    return { assignee: user.id };
  });
}

export async function holdTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  raw: z.input<typeof holdInput>,
) {
  const input = holdInput.parse(raw);
  const until = new Date(input.until.length === 10 ? `${input.until}T00:00:00Z` : input.until);
  if (until <= ctx.now()) throw new AppError("invalid_input", "a hold must end in the future", "until");
  return changeTask(
    ctx,
    actor,
    taskId,
    { action: "task.hold", detail: { until: until.toISOString(), reason: input.reason ?? null } },
    async () => ({ holdUntil: until }),
  );
}

export async function completeTask(ctx: AppContext, actor: Actor, taskId: string) {
  return changeTask(ctx, actor, taskId, { action: "task.done", detail: {} }, async () => ({
    status: "done",
    holdUntil: null,
  }));
}

/** The stable key of a review's task; the deadline sweep uses the same one, so it never duplicates it. */
export const reviewTaskKey = (reviewId: string) => `review:${reviewId}`;

export interface ReviewForTask {
  id: string;
  caseId: string;
  officeCode: string;
  actionType: string;
  requestedAt: Date;
}

/**
 * Puts a review's task in its office's queue, in the caller's transaction (the
 * one that creates the review request), so a supervisor sees it at once.
 */
export async function openReviewTask(tx: Tx, review: ReviewForTask): Promise<void> {
  await upsertTasks(tx, [
    {
      id: randomUUID(),
      officeCode: review.officeCode,
      caseId: review.caseId,
      kind: "review",
      key: reviewTaskKey(review.id),
      title: `Review: ${review.actionType}`,
      due: review.requestedAt.toISOString().slice(0, 10),
      status: "open",
      createdAt: review.requestedAt,
      updatedAt: review.requestedAt,
    },
  ]);
}

/** Closes a review's task once the review is decided, in the deciding transaction. */
export async function closeReviewTask(tx: Tx, review: { id: string; caseId: string }, at: Date) {
  const key = reviewTaskKey(review.id);
  const open = (await tasksOfCase(tx, review.caseId)).filter((t) => t.key === key);
  return closeTasks(
    tx,
    open.map((t) => t.id),
    at,
  );
}
