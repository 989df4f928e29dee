/**
 * One document: its metadata and the exact data printed; its PDF (each
 * download is audited: it is personal data); and a reproducibility check
 * that re-renders the stored data with the stored template version.
 */
import { canonicalJson, sha256 } from "../../documents/canonical.js";
import { type DocumentData, type FormId, renderFromData } from "../../documents/index.js";
import { notFound } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import { getCase } from "../../store/repositories/cases.js";
import { getDocumentMetadata, getDocumentWithPdf, listServices } from "../../store/repositories/documents.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { documentView } from "./list-documents.js";
import { asAppError } from "./refusals.js";

async function caseOf(tx: Tx, actor: Actor, caseId: string) {
  const row = await getCase(tx, caseId);
  if (!row) throw notFound("case");
  authorize(actor, "case.read", { officeCode: row.officeCode });
  return row;
}

export async function getDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const tx = ctx.database.db;
  const doc = await getDocumentMetadata(tx, documentId);
  if (!doc) throw notFound(`document ${documentId}`);
  const row = await caseOf(tx, actor, doc.caseId);
  const services = await listServices(tx, [doc.id]);
  return {
    ...documentView(doc, services),
    caseNumber: row.number,
    data: doc.data as Record<string, unknown>,
  };
}

export async function getDocumentPdf(ctx: AppContext, actor: Actor, documentId: string) {
  return writeWithAudit(
    ctx,
    actor,
    { action: "document.read", entity: "document", entityId: documentId, detail: { part: "pdf" } },
    async (tx) => {
      const doc = await getDocumentWithPdf(tx, documentId);
      if (!doc) throw notFound(`document ${documentId}`);
      const row = await caseOf(tx, actor, doc.caseId);
      return {
        pdf: doc.pdf,
        sha256: doc.pdfSha256,
        filename: `${row.number}-${doc.form}-${doc.id.slice(0, 8)}.pdf`,
      };
    },
  );
}

/** Re-renders the stored data with the stored template version and compares bytes and hashes. */
export async function verifyDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const tx = ctx.database.db;
  const doc = await getDocumentWithPdf(tx, documentId);
  if (!doc) throw notFound(`document ${documentId}`);
  await caseOf(tx, actor, doc.caseId);
  let again: ReturnType<typeof renderFromData>;
  try {
    again = renderFromData(doc.form as FormId, doc.templateVersion, doc.data as DocumentData, doc.lang);
  } catch (err) {
    throw asAppError(err);
  }
  const storedSha = sha256(doc.pdf);
  return {
    documentId,
    templateVersion: doc.templateVersion,
    dataHashMatches: sha256(canonicalJson(doc.data)) === doc.dataHash,
    storedBytesMatchHash: storedSha === doc.pdfSha256,
    storedSha256: doc.pdfSha256,
    renderedSha256: again.sha256,
    reproducible: again.sha256 === doc.pdfSha256 && storedSha === doc.pdfSha256,
  };
}
