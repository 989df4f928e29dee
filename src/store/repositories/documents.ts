/** Stored documents, their service records, and bulk generation jobs (src/store/schema-documents.ts). */
import { and, asc, desc, eq, getTableColumns, gt, inArray, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { cases } from "../schema.js";
import { documentJobItems, documentJobs, documentServices, documents } from "../schema-documents.js";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type ServiceRow = typeof documentServices.$inferSelect;
export type JobRow = typeof documentJobs.$inferSelect;
export type JobItemRow = typeof documentJobItems.$inferSelect;

const { pdf: _pdf, ...metadataColumns } = getTableColumns(documents);
/** Everything but the PDF bytes: what a listing needs. */
export type DocumentMetadata = Omit<DocumentRow, "pdf">;

export async function insertDocument(tx: Tx, row: NewDocument): Promise<void> {
  await tx.insert(documents).values(row);
}

export async function getDocumentMetadata(tx: Tx, id: string): Promise<DocumentMetadata | undefined> {
  const [row] = await tx.select(metadataColumns).from(documents).where(eq(documents.id, id));
  return row;
}

export async function getDocumentWithPdf(tx: Tx, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function listCaseDocuments(tx: Tx, caseId: string): Promise<DocumentMetadata[]> {
  return tx
    .select(metadataColumns)
    .from(documents)
    .where(eq(documents.caseId, caseId))
    .orderBy(desc(documents.generatedAt), desc(documents.id));
}

export async function insertServices(tx: Tx, rows: (typeof documentServices.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(documentServices).values(rows);
}

export async function listServices(tx: Tx, documentIds: string[]): Promise<ServiceRow[]> {
  if (!documentIds.length) return [];
  return tx
    .select()
    .from(documentServices)
    .where(inArray(documentServices.documentId, documentIds))
    .orderBy(asc(documentServices.servedOn), asc(documentServices.recordedAt));
}

// --- bulk jobs ---------------------------------------------------------------

export async function insertJob(
  tx: Tx,
  job: typeof documentJobs.$inferInsert,
  caseIds: readonly string[],
): Promise<void> {
  await tx.insert(documentJobs).values(job);
  for (let i = 0; i < caseIds.length; i += 500) {
    await tx.insert(documentJobItems).values(
      caseIds.slice(i, i + 500).map((caseId, k) => ({
        jobId: job.id,
        caseId,
        position: i + k + 1,
        status: "pending",
      })),
    );
  }
}

export async function getJob(tx: Tx, id: string): Promise<JobRow | undefined> {
  const [row] = await tx.select().from(documentJobs).where(eq(documentJobs.id, id));
  return row;
}

/** A job's items in order, with the case number for people reading the result. */
export async function listJobItemsWithCase(tx: Tx, jobId: string, limit = 1000) {
  return tx
    .select({ ...getTableColumns(documentJobItems), caseNumber: cases.number })
    .from(documentJobItems)
    .innerJoin(cases, eq(cases.id, documentJobItems.caseId))
    .where(eq(documentJobItems.jobId, jobId))
    .orderBy(asc(documentJobItems.position))
    .limit(limit);
}

/** Jobs a loop should work on, oldest first: queued, or running when a process stopped. */
export async function unfinishedJobs(tx: Tx): Promise<JobRow[]> {
  return tx
    .select()
    .from(documentJobs)
    .where(inArray(documentJobs.status, ["queued", "running"]))
    .orderBy(asc(documentJobs.createdAt), asc(documentJobs.id));
}

export async function nextPendingItem(tx: Tx, jobId: string): Promise<JobItemRow | undefined> {
  const [row] = await tx
    .select()
    .from(documentJobItems)
    .where(and(eq(documentJobItems.jobId, jobId), eq(documentJobItems.status, "pending")))
    .orderBy(asc(documentJobItems.position))
    .limit(1);
  return row;
}

/**
 * The next pending item after `position`: with the (job_id, position) index this reads one row, where
 * nextPendingItem skips every finished item first (quadratic over a 10,000-item job).
 */
export async function nextPendingItemAfter(
  tx: Tx,
  jobId: string,
  position: number,
): Promise<JobItemRow | undefined> {
  const [row] = await tx
    .select()
    .from(documentJobItems)
    .where(
      and(
        eq(documentJobItems.jobId, jobId),
        gt(documentJobItems.position, position),
        eq(documentJobItems.status, "pending"),
      ),
    )
    .orderBy(asc(documentJobItems.position))
    .limit(1);
  return row;
}

/**
 * Marks a pending item finished; false when it is no longer pending (another
 * loop finished it), so the caller rolls back instead of printing twice.
 */
export async function finishItem(
  tx: Tx,
  jobId: string,
  caseId: string,
  result: { status: "done" | "refused" | "failed"; documentId?: string; error?: unknown; at: Date },
): Promise<boolean> {
  const res = await tx
    .update(documentJobItems)
    .set({
      status: result.status,
      documentId: result.documentId ?? null,
      error: result.error ?? null,
      finishedAt: result.at,
    })
    .where(
      and(
        eq(documentJobItems.jobId, jobId),
        eq(documentJobItems.caseId, caseId),
        eq(documentJobItems.status, "pending"),
      ),
    )
    .returning({ caseId: documentJobItems.caseId });
  return res.length === 1;
}

export async function countJobItems(tx: Tx, jobId: string) {
  const rows = await tx
    .select({ status: documentJobItems.status, n: sql<number>`count(*)::int` })
    .from(documentJobItems)
    .where(eq(documentJobItems.jobId, jobId))
    .groupBy(documentJobItems.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { pending: by.pending ?? 0, done: by.done ?? 0, refused: by.refused ?? 0, failed: by.failed ?? 0 };
}

export async function updateJob(tx: Tx, id: string, set: Partial<typeof documentJobs.$inferInsert>) {
  await tx.update(documentJobs).set(set).where(eq(documentJobs.id, id));
}

/** Cases of a selection, in a stable order (case number). */
export async function selectCaseIds(
  tx: Tx,
  s: { officeCode: string; stage?: string } | { caseIds: string[] },
): Promise<{ id: string; officeCode: string }[]> {
  const where =
    "caseIds" in s
      ? inArray(cases.id, s.caseIds.length ? s.caseIds : ["00000000-0000-0000-0000-000000000000"])
      : and(eq(cases.officeCode, s.officeCode), s.stage ? eq(cases.stage, s.stage) : undefined);
  return tx
    .select({ id: cases.id, officeCode: cases.officeCode })
    .from(cases)
    .where(where)
    .orderBy(asc(cases.number));
}
