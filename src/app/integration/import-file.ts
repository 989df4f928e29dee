/**
 * Import of a source file (docs/import.md): start (or find) the import, record its rows in
 * batches, then link them to persons. Each batch is one transaction that records its rows, its
 * quarantined rows AND the import's new offset, so an import killed at any moment resumes from
 * the last committed batch with nothing lost or doubled. The same file from the same source is
 * the same import: running it again resumes it, or changes nothing when it is done.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import {
  advanceImport,
  createImport,
  findImport,
  getImport,
  type ImportRow,
  insertQuarantine,
  insertSourceRecords,
  type StagedQuarantine,
  type StagedRecord,
  updateImport,
} from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { importMappingSchema, type RawRow, readRows, resolveMapping } from "./mapping.js";
import { rowValidator } from "./rows.js";

export const linkThresholds = z
  .object({
    /** A new record joins an existing person at or above this match probability. */
    upper: z.number().gt(0).lt(1).default(0.99),
    /** Pairs from here up to `upper` go to the review queue. */
    lower: z.number().gt(0).lt(1).default(0.3),
    /**
     * Pending reviews one import may add to the queue, strongest first; the pairs beyond are kept
     * as "deferred" reviews (counted on the import, listed with status=deferred), not dropped.
     */
    reviewCap: z.number().int().min(0).default(1000),
  })
  .refine((t) => t.lower <= t.upper, { message: "lower must not exceed upper", path: ["lower"] });

export const startImportInput = z.object({
  source: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "letters, digits, '.', '_' or '-' (at most 64)"),
  fileName: z.string().min(1).max(300),
  fileHash: z.string().regex(/^[a-f0-9]{64}$/, "a SHA-256 in hex"),
  format: z.enum(["csv", "jsonl"]),
  mapping: importMappingSchema,
  totalRows: z.number().int().min(0).optional(),
  thresholds: linkThresholds.optional(),
});
export type StartImportInput = z.input<typeof startImportInput>;

export const batchInput = z.object({
  /** Data rows of the file before this batch (0 for the first). */
  offset: z.number().int().min(0),
  rows: z.array(z.record(z.string(), z.unknown())).max(20_000),
});

export type ImportStatus = ReturnType<typeof importStatus>;

export function importStatus(row: ImportRow) {
  return {
    id: row.id,
    source: row.source,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    offset: row.offset,
    totalRows: row.totalRows,
    accepted: row.accepted,
    duplicates: row.duplicates,
    quarantined: row.quarantined,
    linked: row.linked,
    createdPersons: row.createdPersons,
    reviews: row.reviews,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const actorId = (actor: Actor | "system") => (actor === "system" ? null : actor.id);

export async function startImport(ctx: AppContext, actor: Actor | "system", raw: StartImportInput) {
  if (actor !== "system") authorize(actor, "data.import");
  const input = startImportInput.parse(raw);
  const existing = await findImport(ctx.database.db, input.source, input.fileHash);
  if (existing) return importStatus(existing);
  const id = randomUUID();
  const now = ctx.now();
  const row = await writeWithAudit(
    ctx,
    actor,
    {
      action: "import.start",
      entity: "import",
      entityId: id,
      detail: { source: input.source, fileName: input.fileName, fileHash: input.fileHash },
    },
    (tx) =>
      createImport(tx, {
        id,
        source: input.source,
        fileName: input.fileName,
        fileHash: input.fileHash,
        format: input.format,
        mapping: input.mapping,
        status: "loading",
        totalRows: input.totalRows ?? null,
        options: linkThresholds.parse(input.thresholds ?? {}),
        startedBy: actorId(actor),
        startedAt: now,
        updatedAt: now,
      }),
  );
  return importStatus(row);
}

const validators = new Map<string, ReturnType<typeof rowValidator>>();
function validatorFor(row: ImportRow) {
  let v = validators.get(row.id);
  if (!v) {
    v = rowValidator(resolveMapping(importMappingSchema.parse(row.mapping)));
    if (validators.size > 50) validators.clear();
    validators.set(row.id, v);
  }
  return v;
}

/**
 * Records one batch of rows starting at `offset`. A batch that was recorded already (a client
 * that resumes after a crash may send it again) is skipped for the part already recorded.
 */
export async function importBatch(
  ctx: AppContext,
  actor: Actor | "system",
  importId: string,
  raw: z.input<typeof batchInput>,
) {
  if (actor !== "system") authorize(actor, "data.import");
  const { offset, rows } = batchInput.parse(raw);
  const imp = await getImport(ctx.database.db, importId);
  if (!imp) throw new AppError("not_found", "import not found");
  if (imp.status !== "loading")
    throw new AppError("conflict", `the import is ${imp.status}, not loading`, "importId");
  if (offset > imp.offset)
    throw new AppError("conflict", `rows ${imp.offset + 1}-${offset} were never recorded`, "offset");
  const skip = imp.offset - offset;
  const fresh = rows.slice(Math.min(skip, rows.length));
  if (fresh.length === 0) return { offset: imp.offset, accepted: 0, duplicates: 0, quarantined: 0 };
  const from = imp.offset;
  const validate = validatorFor(imp);
  const records: StagedRecord[] = [];
  const quarantine: StagedQuarantine[] = [];
  fresh.forEach((row, i) => {
    const rowNumber = from + i + 1;
    const result = validate(row as RawRow);
    if (result.ok)
      records.push({
        id: randomUUID(),
        sourceId: result.record.sourceId,
        contentHash: result.contentHash,
        rowNumber,
        record: result.record,
        raw: row,
      });
    else
      quarantine.push({
        rowNumber,
        contentHash: result.contentHash,
        field: result.field,
        reason: result.reason,
        raw: row,
      });
  });
  const to = from + fresh.length;
  return writeWithAudit(
    ctx,
    actor,
    {
      action: "import.batch",
      entity: "import",
      entityId: importId,
      detail: { from, to, valid: records.length, invalid: quarantine.length },
    },
    async (tx) => {
      const accepted = await insertSourceRecords(tx, importId, imp.source, records);
      const quarantined = await insertQuarantine(tx, importId, imp.source, quarantine);
      const counts = { accepted, duplicates: fresh.length - accepted - quarantined, quarantined };
      if (!(await advanceImport(tx, importId, from, to, counts, ctx.now())))
        throw new AppError("conflict", "another process is importing this file", "importId");
      return { offset: to, ...counts };
    },
  );
}

/** All rows are recorded: the import moves on to linking (docs/import.md). */
export async function finishLoading(
  ctx: AppContext,
  actor: Actor | "system",
  importId: string,
  totalRows: number,
) {
  if (actor !== "system") authorize(actor, "data.import");
  return writeWithAudit(
    ctx,
    actor,
    { action: "import.loaded", entity: "import", entityId: importId, detail: { totalRows } },
    async (tx) => {
      const imp = await getImport(tx, importId);
      if (!imp) throw new AppError("not_found", "import not found");
      if (imp.status === "loading") {
        if (imp.offset !== totalRows)
          throw new AppError("conflict", `recorded ${imp.offset} of ${totalRows} rows`, "totalRows");
        await updateImport(tx, importId, { status: "linking", totalRows, updatedAt: ctx.now() });
      }
      return importStatus({ ...imp, status: imp.status === "loading" ? "linking" : imp.status, totalRows });
    },
  );
}

/** What drives an import: the use cases in this process, or the HTTP API of a running server. */
export interface ImportSink {
  start(input: StartImportInput): Promise<ImportStatus>;
  batch(importId: string, offset: number, rows: RawRow[]): Promise<{ offset: number }>;
  finish(importId: string, totalRows: number): Promise<ImportStatus>;
  link(importId: string): Promise<ImportStatus>;
}

/** SHA-256 of a file and its line count (an estimate of its rows, for the progress bar). */
export async function hashInput(input: Readable): Promise<{ hash: string; lines: number }> {
  const hash = createHash("sha256");
  let lines = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { hash: hash.digest("hex"), lines };
}

export interface RunImportOptions {
  source: string;
  fileName: string;
  mapping: z.input<typeof importMappingSchema>;
  format: "csv" | "jsonl";
  /** Opens the file (twice: once to hash it, once to read it). */
  open: () => Readable;
  batchSize?: number;
  thresholds?: z.input<typeof linkThresholds>;
  onProgress?: (done: number, total: number, phase: "load" | "link") => void;
}

/** Runs (or resumes) an import end to end through a sink. */
export async function runImport(sink: ImportSink, o: RunImportOptions): Promise<ImportStatus> {
  const { hash, lines } = await hashInput(o.open());
  const estimate = o.format === "csv" ? Math.max(lines - 1, 0) : lines;
  let status = await sink.start({
    source: o.source,
    fileName: o.fileName,
    fileHash: hash,
    format: o.format,
    mapping: o.mapping as StartImportInput["mapping"],
    totalRows: estimate,
    thresholds: o.thresholds,
  });
  if (status.status === "done") return status;
  if (status.status === "loading") {
    const batchSize = o.batchSize ?? 5000;
    let seen = 0;
    let batch: RawRow[] = [];
    let batchStart = status.offset;
    const id = status.id;
    // One batch in flight while the next is read and parsed: the database works on batch k
    // while this process parses batch k+1. Batches still go in order (each waits for the one before).
    let inFlight: Promise<unknown> = Promise.resolve();
    const send = async (rows: RawRow[], from: number) => {
      await inFlight;
      inFlight = sink.batch(id, from, rows).then(({ offset }) => {
        o.onProgress?.(offset, Math.max(estimate, offset), "load");
      });
      // A failed batch stops the import at the next send or at the end, not as an unhandled rejection.
      inFlight.catch(() => undefined);
    };
    o.onProgress?.(status.offset, estimate, "load");
    for await (const row of readRows(o.open(), o.format)) {
      seen++;
      if (seen <= status.offset) continue; // recorded before the interruption
      batch.push(row);
      if (batch.length >= batchSize) {
        await send(batch, batchStart);
        batchStart += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch, batchStart);
    await inFlight;
    o.onProgress?.(seen, seen, "load");
    status = await sink.finish(status.id, seen);
  }
  o.onProgress?.(0, 1, "link");
  status = await sink.link(status.id);
  o.onProgress?.(1, 1, "link");
  return status;
}
