/**
 * One document: its metadata and the exact data printed; its PDF (each
 * download is audited: it is personal data); and a reproducibility check
 * that re-renders the stored data with the stored template version.
 */
import { canonicalJson, sha256 } from "../../documents/canonical.js";
import { type DocumentData, type FormId, renderFromData } from "../../documents/index.js";
import { AppError, notFound } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import { getCase } from "../../store/repositories/cases.js";
import { getDocumentMetadata, getDocumentWithPdf, listServices } from "../../store/repositories/documents.js";
import { documentPurgeOf } from "../../store/repositories/retention.js";
import { type Actor, authorize, authorizeCase } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { documentView } from "./list-documents.js";
import { asAppError } from "./refusals.js";

/** The document's case, with the access check; counsel not of record get what a missing document gets. */
async function caseOf(tx: Tx, actor: Actor, caseId: string, documentId: string) {
  const row = await getCase(tx, caseId);
  if (!row) throw notFound("case");
  await authorizeCase(tx, actor, "case.read", row, () => notFound(`document ${documentId}`));
  return row;
}

/** A document whose PDF retention purged (src/app/oversight/retention.ts) has no bytes to give or re-render. */
async function refusePurged(tx: Tx, documentId: string) {
  const purged = await documentPurgeOf(tx, documentId);
  if (purged)
    throw new AppError(
      "not_found",
      `the PDF and data of document ${documentId} were purged on ${purged.purgedAt.toISOString().slice(0, 10)} by retention rule ${purged.rule}`,
      "docId",
    );
}

export async function getDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const tx = ctx.database.db;
  authorize(actor, "case.read"); // the role before the lookup: no probing which documents exist
  const doc = await getDocumentMetadata(tx, documentId);
  if (!doc) throw notFound(`document ${documentId}`);
  const row = await caseOf(tx, actor, doc.caseId, documentId);
  const services = await listServices(tx, [doc.id]);
  return {
    ...documentView(doc, services),
    caseNumber: row.number,
    data: doc.data as Record<string, unknown>,
  };
}

export async function getDocumentPdf(ctx: AppContext, actor: Actor, documentId: string) {
  authorize(actor, "case.read");
  return writeWithAudit(
    ctx,
    actor,
    { action: "document.read", entity: "document", entityId: documentId, detail: { part: "pdf" } },
    async (tx) => {
      const doc = await getDocumentWithPdf(tx, documentId);
      if (!doc) throw notFound(`document ${documentId}`);
      const row = await caseOf(tx, actor, doc.caseId, documentId);
      await refusePurged(tx, documentId);
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
  authorize(actor, "case.read");
  const doc = await getDocumentWithPdf(tx, documentId);
  if (!doc) throw notFound(`document ${documentId}`);
  await caseOf(tx, actor, doc.caseId, documentId);
  await refusePurged(tx, documentId);
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
