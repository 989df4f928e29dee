/**
 * Bulk generation: one form for a selection of cases (an office, optionally
 * at a stage, or a list of cases), as a background job. The selection is
 * fixed when the job is created (items in case-number order); the job loop
 * (job-runner.ts) then prints them one by one and records each result.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { stages } from "../../domain/case-state.js";
import { AppError, notFound } from "../../domain/errors.js";
import {
  getJob,
  insertJob,
  listJobItemsWithCase,
  selectCaseIds,
} from "../../store/repositories/documents.js";
import { type Actor, authorize, can } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { documentJobRunner } from "./job-runner.js";
import { renderDocumentInput } from "./render-case-document.js";

export const MAX_JOB_ITEMS = 20_000;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const createJobInput = renderDocumentInput.extend({
  selection: z.union([
    z.object({ officeCode: z.string().min(1), stage: z.enum(stages as [string, ...string[]]).optional() }),
    z.object({
      caseIds: z.array(z.string().min(1)).min(1).max(MAX_JOB_ITEMS).describe("case ids or numbers"),
    }),
  ]),
});
export type CreateJobInput = z.input<typeof createJobInput>;

export async function createDocumentJob(ctx: AppContext, actor: Actor, raw: CreateJobInput) {
  const input = createJobInput.parse(raw);
  authorize(actor, "case.write");
  const jobId = randomUUID();
  const job = await writeWithAudit(
    ctx,
    actor,
    {
      action: "document.bulk",
      entity: "document_job",
      entityId: jobId,
      detail: { form: input.form, selection: input.selection },
    },
    async (tx) => {
      let selected: { id: string; officeCode: string }[];
      if ("caseIds" in input.selection) {
        // Case ids in one query (one lookup each took minutes for 10,000 under load); case numbers and
        // unknown references one by one, so an unknown one is still reported by name.
        const refs = input.selection.caseIds;
        const byId = new Map(
          (await selectCaseIds(tx, { caseIds: refs.filter((r) => uuid.test(r)) })).map((r) => [r.id, r]),
        );
        selected = [];
        const seen = new Set<string>();
        for (const ref of refs) {
          const row = byId.get(ref) ?? (await findCase(tx, ref));
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          selected.push({ id: row.id, officeCode: row.officeCode });
        }
      } else {
        authorize(actor, "case.write", { officeCode: input.selection.officeCode });
        selected = await selectCaseIds(tx, input.selection);
      }
      for (const office of new Set(selected.map((s) => s.officeCode)))
        authorize(actor, "case.write", { officeCode: office });
      if (selected.length === 0)
        throw new AppError("invalid_input", "the selection matches no case", "selection");
      if (selected.length > MAX_JOB_ITEMS) {
        throw new AppError(
          "invalid_input",
          `the selection has ${selected.length} cases; at most ${MAX_JOB_ITEMS}`,
          "selection",
        );
      }
      const { form, lang, details, selection } = input;
      await insertJob(
        tx,
        {
          id: jobId,
          form,
          lang: lang ?? null,
          details: details ?? {},
          selection: { ...selection, offices: [...new Set(selected.map((s) => s.officeCode))] },
          actor: {
            id: actor.id,
            username: actor.username,
            displayName: actor.displayName,
            role: actor.role,
            offices: actor.offices,
          },
          createdBy: actor.id,
          status: "queued",
          total: selected.length,
          createdAt: ctx.now(),
        },
        selected.map((s) => s.id),
      );
      return getJobView(tx, jobId);
    },
  );
  documentJobRunner(ctx).wake();
  return job;
}

async function getJobView(tx: Parameters<typeof getJob>[0], jobId: string, itemLimit = 1000) {
  const job = await getJob(tx, jobId);
  if (!job) throw notFound(`document job ${jobId}`);
  const items = await listJobItemsWithCase(tx, jobId, itemLimit);
  const processed = job.done + job.failed;
  return {
    id: job.id,
    form: job.form,
    lang: job.lang,
    status: job.status as "queued" | "running" | "done",
    selection: job.selection as Record<string, unknown>,
    total: job.total,
    done: job.done,
    failed: job.failed,
    progress: job.total ? processed / job.total : 1,
    createdBy: (job.actor as { username?: string }).username ?? null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    items: items.map((i) => ({
      position: i.position,
      caseId: i.caseId,
      caseNumber: i.caseNumber,
      status: i.status,
      documentId: i.documentId,
      error: i.error as { code: string; message: string; details?: unknown } | null,
    })),
  };
}
export type JobView = Awaited<ReturnType<typeof getJobView>>;

export async function getDocumentJob(ctx: AppContext, actor: Actor, jobId: string) {
  const view = await getJobView(ctx.database.db, jobId);
  const offices = (view.selection.offices as string[] | undefined) ?? [];
  if (!can(actor, "case.read")) authorize(actor, "case.read");
  for (const office of offices) authorize(actor, "case.read", { officeCode: office });
  return view;
}
