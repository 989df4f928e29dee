/**
 * The document job loop, in-process: started with the HTTP server (and so
 * also in a local CLI, which builds one), resumed on start for every job
 * still queued or running. Items are printed in order, one transaction each:
 * the document, the item's result and the audit entry land together, and an
 * item is claimed only while it is still pending. A crash or a stop between
 * items loses nothing and, on restart, prints nothing twice (unique
 * (job_id, case_id) on items and on documents).
 */
import { randomUUID } from "node:crypto";
import type { DocumentDetails } from "../../documents/context.js";
import type { FormId } from "../../documents/index.js";
import { AppError } from "../../domain/errors.js";
import { getCase } from "../../store/repositories/cases.js";
import {
  countJobItems,
  finishItem,
  type JobRow,
  nextPendingItem,
  nextPendingItemAfter,
  unfinishedJobs,
  updateJob,
} from "../../store/repositories/documents.js";
import type { Actor } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { renderAndStore } from "./render-case-document.js";

/** Thrown inside an item's transaction when another loop finished the item first: roll back, move on. */
class AlreadyFinished extends Error {}

export interface ItemProcessed {
  jobId: string;
  caseId: string;
  status: "done" | "refused" | "failed";
  processed: number;
  total: number;
}

export class DocumentJobRunner {
  private running: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private listeners: ((e: ItemProcessed) => void)[] = [];

  constructor(private readonly ctx: AppContext) {}

  /** Starts the loop (idempotent); it first resumes unfinished jobs, then waits to be woken. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop()
      .catch((err) => this.ctx.log?.error({ err }, "document job loop stopped"))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Stops after the item in progress; the job stays unfinished and is resumed by the next start(). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.running;
  }

  wake(): void {
    this.wakeUp?.();
  }

  get active(): boolean {
    return this.running !== undefined;
  }

  onItem(listener: (e: ItemProcessed) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const jobs = await unfinishedJobs(this.ctx.database.db);
      if (jobs.length === 0) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          // A job created by another process (a CLI next to a PostgreSQL server) is found within a minute.
          setTimeout(resolve, 60_000).unref();
        });
        this.wakeUp = undefined;
        continue;
      }
      for (const job of jobs) {
        if (this.stopping) break;
        await this.runJob(job);
      }
    }
  }

  private async runJob(job: JobRow): Promise<void> {
    const db = this.ctx.database.db;
    if (job.status === "queued")
      await updateJob(db, job.id, { status: "running", startedAt: this.ctx.now() });
    // Counted once, then kept up to date item by item: counting every item's status after each one,
    // and looking for the next pending item from the start, both made a long job quadratic.
    const counts = await countJobItems(db, job.id);
    let last = -1;
    while (!this.stopping) {
      // In order after the last item; once more from the start to catch one another loop left behind.
      const item = (await nextPendingItemAfter(db, job.id, last)) ?? (await nextPendingItem(db, job.id));
      if (!item) break;
      last = item.position;
      const status = await this.processItem(job, item.caseId);
      counts.pending -= 1;
      counts[status] += 1;
      await updateJob(db, job.id, { done: counts.done, failed: counts.refused + counts.failed });
      for (const l of this.listeners) {
        l({
          jobId: job.id,
          caseId: item.caseId,
          status,
          processed: job.total - counts.pending,
          total: job.total,
        });
      }
      // Let requests in between documents: the loop shares the process with the API.
      await new Promise((r) => setImmediate(r));
    }
    if (this.stopping) return;
    // Recounted: another loop (a CLI beside a server) may have finished items too.
    const final = await countJobItems(db, job.id);
    if (final.pending === 0) {
      await updateJob(db, job.id, {
        status: "done",
        done: final.done,
        failed: final.refused + final.failed,
        finishedAt: this.ctx.now(),
      });
    }
  }

  private async processItem(job: JobRow, caseId: string): Promise<ItemProcessed["status"]> {
    const actor = job.actor as Actor;
    const documentId = randomUUID();
    const input = {
      form: job.form as FormId,
      lang: job.lang ?? undefined,
      details: (job.details ?? {}) as DocumentDetails,
    };
    try {
      await writeWithAudit(
        this.ctx,
        actor,
        {
          action: "document.render",
          entity: "document",
          entityId: documentId,
          detail: { caseId, form: job.form, jobId: job.id },
        },
        async (tx) => {
          const row = await getCase(tx, caseId);
          if (!row) throw new AppError("not_found", "case not found");
          await renderAndStore(tx, this.ctx, actor, row, input, { documentId, jobId: job.id });
          if (!(await finishItem(tx, job.id, caseId, { status: "done", documentId, at: this.ctx.now() }))) {
            throw new AlreadyFinished();
          }
        },
      );
      return "done";
    } catch (err) {
      if (err instanceof AlreadyFinished) return "done";
      const refused = err instanceof AppError;
      if (!refused) this.ctx.log?.error({ err, jobId: job.id, caseId }, "document job item failed");
      const error = refused
        ? { code: err.code, message: err.message, details: err.details }
        : { code: "internal", message: err instanceof Error ? err.message : String(err) };
      const status = refused ? "refused" : "failed";
      await writeWithAudit(
        this.ctx,
        actor,
        {
          action: "document.refused",
          entity: "case",
          entityId: caseId,
          detail: { jobId: job.id, form: job.form, code: error.code },
        },
        (tx) => finishItem(tx, job.id, caseId, { status, error, at: this.ctx.now() }),
      );
      return status;
    }
  }
}

const runners = new WeakMap<AppContext, DocumentJobRunner>();

/** The one job loop of an application context. */
export function documentJobRunner(ctx: AppContext): DocumentJobRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = new DocumentJobRunner(ctx);
    runners.set(ctx, runner);
  }
  return runner;
}
