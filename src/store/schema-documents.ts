/**
 * Legal documents and their provenance (docs/documents.md, "Stored documents").
 *
 * A document row is never updated: it holds what was printed (form, template
 * version, language, the exact data and its hash), the PDF bytes and their
 * sha256, who generated it and when. Re-rendering `data` with
 * `template_version` gives the same bytes. Service of a document is recorded
 * in `document_services`, one row per recipient. Bulk generation is a job
 * whose items are fixed when it is created; unique (job_id, case_id) and a
 * conditional claim of each item keep a resumed job from printing twice.
 */
import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases, users } from "./schema.js";

/**
 * PDF bytes: PGlite and node-postgres both return bytea as a Buffer/Uint8Array. They are written as
 * hex text decoded by the database: PGlite's own bytea parameter encoder builds the hex one byte at a
 * time (27 ms of CPU for a 45 KB NTA, against 5.6 ms this way), the cost of a bulk job's insert.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) =>
    sql`decode(${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}, 'hex')`,
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * A bulk generation: a selection of cases fixed at creation, processed in
 * `position` order by the in-process job loop (src/app/documents/bulk-jobs.ts).
 */
export const documentJobs = pgTable(
  "document_jobs",
  {
    id: uuid("id").primaryKey(),
    form: text("form").notNull(),
    lang: text("lang"),
    /** Form details applied to every item ({ nta: { charges } } ...). */
    details: jsonb("details").notNull().default({}),
    /** How the cases were chosen ({ officeCode, stage } or { caseIds }), for the record. */
    selection: jsonb("selection").notNull(),
    /** The requesting user as authorised at creation; every item is re-authorised with it. */
    actor: jsonb("actor").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    status: text("status").notNull(), // queued | running | done | cancelled
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("document_jobs_status_idx").on(t.status, t.createdAt)],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    form: text("form").notNull(),
    templateVersion: text("template_version").notNull(),
    lang: text("lang").notNull(),
    /** The exact field values printed (translations included): renderFromData's input. */
    data: jsonb("data").notNull(),
    /** sha256 of the canonical JSON of `data`. */
    dataHash: text("data_hash").notNull(),
    pdf: bytea("pdf").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    pdfBytes: integer("pdf_bytes").notNull(),
    warnings: jsonb("warnings").notNull().default([]),
    generatedBy: uuid("generated_by").references(() => users.id),
    generatedByName: text("generated_by_name").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    jobId: uuid("job_id").references(() => documentJobs.id),
  },
  (t) => [
    index("documents_case_idx").on(t.caseId, t.generatedAt),
    // A job prints at most one document per case (NULL job ids never collide).
    uniqueIndex("documents_job_case_idx").on(t.jobId, t.caseId),
  ],
);

/** One row per recipient of a service; rows recorded together share `set_id`. */
export const documentServices = pgTable(
  "document_services",
  {
    id: uuid("id").primaryKey(),
    setId: uuid("set_id").notNull(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    servedTo: text("served_to").notNull(), // person | custodian | counsel
    recipientName: text("recipient_name"),
    method: text("method").notNull(), // personal | mail | electronic
    servedOn: text("served_on").notNull(), // YYYY-MM-DD
    servedAt: text("served_at"), // HH:MM
    lang: text("lang").notNull(),
    servedBy: uuid("served_by").references(() => users.id),
    servedByName: text("served_by_name").notNull(),
    /** The nta.served event this service appended to the case history, if any. */
    eventSeq: integer("event_seq"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("document_services_document_idx").on(t.documentId)],
);

export const documentJobItems = pgTable(
  "document_job_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => documentJobs.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    position: integer("position").notNull(),
    status: text("status").notNull(), // pending | done | refused | failed
    documentId: uuid("document_id").references(() => documents.id),
    /** Why an item was not printed: { code, message, details }. */
    error: jsonb("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("document_job_items_job_case_idx").on(t.jobId, t.caseId),
    index("document_job_items_job_position_idx").on(t.jobId, t.position),
  ],
);
