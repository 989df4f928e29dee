/**
 * Generates a document for a stored case and keeps its provenance: form,
 * template version, language, the exact data printed and its hash, the PDF
 * and its sha256, who generated it and when. The write and its audit entry
 * land together (writeWithAudit); a refusal by the documents library stores
 * nothing and comes back as document_incomplete or document_refused.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { detailsSchema } from "../../documents/context.js";
import { DocumentRefusedError, type FormId, formIds, renderDocument } from "../../documents/index.js";
import { language } from "../../domain/events.js";
import type { Tx } from "../../store/db.js";
import type { CaseRow } from "../../store/repositories/cases.js";
import {
  type DocumentMetadata,
  getDocumentMetadata,
  insertDocument,
} from "../../store/repositories/documents.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { buildDocumentContext } from "./build-document-context.js";
import { issuingViolation } from "./issuing-authority.js";
import { asAppError } from "./refusals.js";

export const formInput = z.enum(formIds as [FormId, ...FormId[]]);

export const renderDocumentInput = z.object({
  form: formInput,
  /** Language of the notice parts; defaults to the person's first language. */
  lang: language.optional(),
  /** Form facts that are not in the case history (the NTA's charges and hearing, ...). */
  details: detailsSchema.optional(),
});
export type RenderDocumentInput = z.input<typeof renderDocumentInput>;

/** Renders and stores one document in the caller's transaction; throws AppError on refusal. */
export async function renderAndStore(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  row: CaseRow,
  input: z.infer<typeof renderDocumentInput>,
  ids: { documentId: string; jobId?: string },
): Promise<DocumentMetadata> {
  authorize(actor, "case.write", { officeCode: row.officeCode });
  // NTA-08: the user generating an NTA or a warrant is the officer named as signing it.
  const unauthorised = await issuingViolation(tx, input.form, actor, today(ctx));
  const context = await buildDocumentContext(tx, row, {
    actor,
    issuedOn: today(ctx),
    details: input.details,
  });
  let doc: ReturnType<typeof renderDocument>;
  try {
    doc = renderDocument({ form: input.form, context, lang: input.lang });
  } catch (err) {
    throw asAppError(err, unauthorised);
  }
  if (unauthorised) throw asAppError(new DocumentRefusedError(doc.form, [unauthorised]));
  await insertDocument(tx, {
    id: ids.documentId,
    caseId: row.id,
    form: doc.form,
    templateVersion: doc.templateVersion,
    lang: doc.lang,
    data: doc.data,
    dataHash: doc.dataHash,
    pdf: doc.pdf,
    pdfSha256: doc.sha256,
    pdfBytes: doc.pdf.byteLength,
    warnings: doc.warnings,
    generatedBy: actor.id,
    generatedByName: actor.username,
    generatedAt: ctx.now(),
    jobId: ids.jobId ?? null,
  });
  const stored = await getDocumentMetadata(tx, ids.documentId);
  if (!stored) throw new Error("document vanished after insert");
  return stored;
}

export async function renderCaseDocument(
  ctx: AppContext,
  actor: Actor,
  caseRef: string,
  raw: RenderDocumentInput,
) {
  const input = renderDocumentInput.parse(raw);
  // The role before the lookup: a role that may not write (counsel) cannot probe which cases exist.
  authorize(actor, "case.write");
  const documentId = randomUUID();
  return writeWithAudit(
    ctx,
    actor,
    {
      action: "document.render",
      entity: "document",
      entityId: documentId,
      detail: { case: caseRef, form: input.form },
    },
    async (tx) => {
      const row = await findCase(tx, caseRef);
      return renderAndStore(tx, ctx, actor, row, input, { documentId });
    },
  );
}
