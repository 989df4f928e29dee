/**
 * Legal documents: generate for a case, list, metadata, PDF, reproducibility
 * check, service records, and bulk jobs. The job loop starts with the server
 * (resuming unfinished jobs) and stops with it.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { createDocumentJob, createJobInput, getDocumentJob } from "../../app/documents/bulk-render.js";
import { getDocument, getDocumentPdf, verifyDocument } from "../../app/documents/get-document.js";
import { documentJobRunner } from "../../app/documents/job-runner.js";
import { documentView, listDocuments } from "../../app/documents/list-documents.js";
import { recordService, recordServiceInput } from "../../app/documents/record-service.js";
import { renderCaseDocument, renderDocumentInput } from "../../app/documents/render-case-document.js";
import { requireActor } from "../auth.js";

const caseParams = z.object({ id: z.string().min(1).describe("case id (UUID) or case number") });
const docParams = z.object({ docId: z.uuid().describe("document id") });
const jobParams = z.object({ jobId: z.uuid().describe("document job id") });

const service = z.object({
  id: z.string(),
  setId: z.string(),
  servedTo: z.string(),
  recipientName: z.string().nullable(),
  method: z.string(),
  on: z.string(),
  at: z.string().nullable(),
  lang: z.string(),
  servedBy: z.string(),
  eventSeq: z.number().nullable(),
  recordedAt: z.string(),
});

export const documentMetadata = z.object({
  id: z.string(),
  caseId: z.string(),
  form: z.string(),
  templateVersion: z.string(),
  lang: z.string(),
  dataHash: z.string().describe("sha256 of the canonical JSON of the data printed"),
  pdfSha256: z.string(),
  pdfBytes: z.number(),
  warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  generatedBy: z.string(),
  generatedAt: z.string(),
  jobId: z.string().nullable(),
  services: z.array(service),
});

const jobView = z.object({
  id: z.string(),
  form: z.string(),
  lang: z.string().nullable(),
  status: z.string(),
  selection: z.record(z.string(), z.unknown()),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  progress: z.number().describe("processed / total, 0..1"),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  items: z.array(
    z.object({
      position: z.number(),
      caseId: z.string(),
      caseNumber: z.string(),
      status: z.string(),
      documentId: z.string().nullable(),
      error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

export const documentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const runner = documentJobRunner(ctx);
    app.addHook("onReady", async () => runner.start());
    app.addHook("onClose", async () => runner.stop());

    const tags = ["documents"];
    app.post(
      "/cases/:id/documents",
      {
        schema: {
          tags,
          summary: "Generate a document for a case (stored with its provenance)",
          params: caseParams,
          body: renderDocumentInput,
          response: { 201: documentMetadata },
        },
      },
      async (req, reply) => {
        const doc = await renderCaseDocument(ctx, requireActor(req), req.params.id, req.body);
        return reply.status(201).send(documentView(doc, []));
      },
    );

    app.get(
      "/cases/:id/documents",
      {
        schema: {
          tags,
          summary: "A case's documents, newest first",
          params: caseParams,
          response: {
            200: z.object({ caseId: z.string(), number: z.string(), items: z.array(documentMetadata) }),
          },
        },
      },
      async (req) => listDocuments(ctx, requireActor(req), req.params.id),
    );

    app.get(
      "/documents/:docId",
      {
        schema: {
          tags,
          summary: "A document's metadata and the exact data printed",
          params: docParams,
          response: {
            200: documentMetadata.extend({ caseNumber: z.string(), data: z.record(z.string(), z.unknown()) }),
          },
        },
      },
      async (req) => getDocument(ctx, requireActor(req), req.params.docId),
    );

    app.get(
      "/documents/:docId/pdf",
      {
        schema: {
          tags,
          summary: "The PDF as stored (application/pdf); each download is audited",
          params: docParams,
          produces: ["application/pdf"],
        },
      },
      async (req, reply) => {
        const r = await getDocumentPdf(ctx, requireActor(req), req.params.docId);
        return (
          reply
            .type("application/pdf")
            .header("content-disposition", `inline; filename="${r.filename}"`)
            .header("x-content-sha256", r.sha256)
            .header("cache-control", "private, no-store")
            // The app's CSP (object-src 'none') would keep the browser's PDF viewer from showing it in the preview.
            .header("content-security-policy", "default-src 'none'; frame-ancestors 'self'")
            .send(Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength))
        );
      },
    );

    app.get(
      "/documents/:docId/verify",
      {
        schema: {
          tags,
          summary: "Re-render the stored data with the stored template version and compare the bytes",
          params: docParams,
          response: {
            200: z.object({
              documentId: z.string(),
              templateVersion: z.string(),
              dataHashMatches: z.boolean(),
              storedBytesMatchHash: z.boolean(),
              storedSha256: z.string(),
              renderedSha256: z.string(),
              reproducible: z.boolean(),
            }),
          },
        },
      },
      async (req) => verifyDocument(ctx, requireActor(req), req.params.docId),
    );

    app.post(
      "/documents/:docId/service",
      {
        schema: {
          tags,
          summary:
            "Record service of a document (an NTA also appends nta.served; DP-03: counsel of record must be served)",
          params: docParams,
          body: recordServiceInput,
          response: {
            201: z.object({
              documentId: z.string(),
              setId: z.string(),
              services: z.array(service),
              eventSeq: z.number().nullable(),
              version: z.number(),
              verdict: z.unknown(),
            }),
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await recordService(ctx, requireActor(req), req.params.docId, req.body)),
    );

    app.post(
      "/document-jobs",
      {
        schema: {
          tags,
          summary: "Generate a form for a selection of cases, as a background job",
          body: createJobInput,
          response: { 202: jobView },
        },
      },
      async (req, reply) => reply.status(202).send(await createDocumentJob(ctx, requireActor(req), req.body)),
    );

    app.get(
      "/document-jobs/:jobId",
      {
        schema: {
          tags,
          summary: "A bulk job's status, progress and per-case results",
          params: jobParams,
          response: { 200: jobView },
        },
      },
      async (req) => getDocumentJob(ctx, requireActor(req), req.params.jobId),
    );
  };
