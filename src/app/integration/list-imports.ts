/** Imports, newest first, and one import's status with its quarantined rows (what the web app polls). */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { getImport, listImports as listRows, quarantineOf } from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";
import { importStatus } from "./import-file.js";
import { importView } from "./link-source-record.js";

export const importsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export async function listImports(ctx: AppContext, actor: Actor, raw: z.input<typeof importsQuery>) {
  authorize(actor, "data.import");
  const { limit } = importsQuery.parse(raw);
  return { items: (await listRows(ctx.database.db, limit)).map(importStatus) };
}

export async function getImportView(ctx: AppContext, actor: Actor, id: string, quarantineLimit = 100) {
  authorize(actor, "data.import");
  const row = await getImport(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "import not found");
  const quarantine = await quarantineOf(ctx.database.db, id, quarantineLimit);
  return {
    ...(await importView(ctx, row)),
    quarantine: quarantine.map((q) => ({
      rowNumber: q.rowNumber,
      field: q.field,
      reason: q.reason,
      raw: q.raw,
    })),
  };
}
