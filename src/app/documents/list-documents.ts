/** A case's documents, newest first, each with its service records (metadata only, no PDF bytes). */
import {
  type DocumentMetadata,
  listCaseDocuments,
  listServices,
  type ServiceRow,
} from "../../store/repositories/documents.js";
import { type Actor, authorize, authorizeCase } from "../access.js";
import type { AppContext } from "../context.js";
import { caseNotFound, findCase } from "../load-case.js";

export function serviceView(s: ServiceRow) {
  return {
    id: s.id,
    setId: s.setId,
    servedTo: s.servedTo,
    recipientName: s.recipientName,
    method: s.method,
    on: s.servedOn,
    at: s.servedAt,
    lang: s.lang,
    servedBy: s.servedByName,
    eventSeq: s.eventSeq,
    recordedAt: s.recordedAt.toISOString(),
  };
}

export function documentView(d: DocumentMetadata, services: ServiceRow[]) {
  return {
    id: d.id,
    caseId: d.caseId,
    form: d.form,
    templateVersion: d.templateVersion,
    lang: d.lang,
    dataHash: d.dataHash,
    pdfSha256: d.pdfSha256,
    pdfBytes: d.pdfBytes,
    warnings: d.warnings as { code: string; message: string }[],
    generatedBy: d.generatedByName,
    generatedAt: d.generatedAt.toISOString(),
    jobId: d.jobId,
    services: services.filter((s) => s.documentId === d.id).map(serviceView),
  };
}
export type DocumentView = ReturnType<typeof documentView>;

export async function listDocuments(ctx: AppContext, actor: Actor, caseRef: string) {
  const tx = ctx.database.db;
  authorize(actor, "case.read"); // the role before the lookup: no probing which cases exist
  const row = await findCase(tx, caseRef);
  await authorizeCase(tx, actor, "case.read", row, () => caseNotFound(caseRef));
  const docs = await listCaseDocuments(tx, row.id);
  const services = await listServices(
    tx,
    docs.map((d) => d.id),
  );
  return { caseId: row.id, number: row.number, items: docs.map((d) => documentView(d, services)) };
}
