/**
 * Running or resuming an import in this process: the sink that calls the use cases directly
 * (the CLI on a local database, the server for an upload from the web app). An interrupted
 * import resumes from its recorded offset when the same file is imported again; `resumeImport`
 * does it by import id and refuses a file that is not the one the import started with.
 */
import { Readable } from "node:stream";
import { AppError } from "../../domain/errors.js";
import { getImport, updateImport } from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";
import {
  finishLoading,
  hashInput,
  type ImportSink,
  importBatch,
  importStatus,
  runImport,
  startImport,
} from "./import-file.js";
import { linkImport } from "./link-source-record.js";
import { importMappingSchema } from "./mapping.js";

export function localSink(ctx: AppContext, actor: Actor | "system"): ImportSink {
  return {
    start: (input) => startImport(ctx, actor, input),
    batch: (id, offset, rows) => importBatch(ctx, actor, id, { offset, rows }),
    finish: (id, total) => finishLoading(ctx, actor, id, total),
    link: (id) => linkImport(ctx, actor, id),
  };
}

export async function resumeImport(
  ctx: AppContext,
  actor: Actor | "system",
  importId: string,
  open: () => Readable,
  onProgress?: Parameters<typeof runImport>[1]["onProgress"],
) {
  if (actor !== "system") authorize(actor, "data.import");
  const imp = await getImport(ctx.database.db, importId);
  if (!imp) throw new AppError("not_found", "import not found");
  if (imp.status === "done") return importStatus(imp);
  const { hash } = await hashInput(open());
  if (hash !== imp.fileHash)
    throw new AppError("invalid_input", "this is not the file the import started with", "file");
  return runImport(localSink(ctx, actor), {
    source: imp.source,
    fileName: imp.fileName,
    format: imp.format as "csv" | "jsonl",
    mapping: importMappingSchema.parse(imp.mapping),
    open,
    onProgress,
  });
}

/** An upload from the web app: the content is in memory; the import runs after the answer. */
export async function importContent(
  ctx: AppContext,
  actor: Actor,
  input: {
    source: string;
    fileName: string;
    format: "csv" | "jsonl";
    mapping: unknown;
    content: string;
    thresholds?: { upper?: number; lower?: number };
  },
) {
  authorize(actor, "data.import");
  const mapping = importMappingSchema.parse(input.mapping);
  const open = () => Readable.from([Buffer.from(input.content, "utf8")]);
  const { hash, lines } = await hashInput(open());
  const sink = localSink(ctx, actor);
  const status = await sink.start({
    source: input.source,
    fileName: input.fileName,
    fileHash: hash,
    format: input.format,
    mapping,
    totalRows: input.format === "csv" ? Math.max(lines - 1, 0) : lines,
    thresholds: input.thresholds,
  });
  if (status.status !== "done") {
    runImport(sink, {
      source: input.source,
      fileName: input.fileName,
      format: input.format,
      mapping,
      open,
    }).catch(async (e) => {
      ctx.log?.error({ err: e, importId: status.id }, "import failed");
      // Shown on the imports page; uploading the same file again resumes the import.
      await updateImport(ctx.database.db, status.id, {
        error: e instanceof Error ? e.message : String(e),
      }).catch(() => undefined);
    });
  }
  return status;
}
