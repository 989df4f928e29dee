/**
 * Data integration (docs/import.md): files imported from named source systems, their rows as
 * source records linked to persons, rows that failed validation (quarantine), the review queue
 * of uncertain links, and person merges with the redirects that keep a merged person's id alive.
 *
 * A source record is keyed by (source, source id, content hash): importing the same row twice
 * changes nothing, a changed row is a new version. An import is keyed by (source, file hash):
 * running the same file again resumes it, or answers that it is done.
 */
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { persons, users } from "./schema.js";

export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey(),
    source: text("source").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the whole file: the same file from the same source is the same import. */
    fileHash: text("file_hash").notNull(),
    format: text("format").notNull(), // csv | jsonl
    mapping: jsonb("mapping").notNull(),
    status: text("status").notNull(), // loading | linking | done | failed
    /** Data rows consumed so far (recorded or quarantined), written in each batch's transaction. */
    offset: integer("offset").notNull().default(0),
    totalRows: integer("total_rows"),
    accepted: integer("accepted").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    quarantined: integer("quarantined").notNull().default(0),
    linked: integer("linked").notNull().default(0),
    createdPersons: integer("created_persons").notNull().default(0),
    reviews: integer("reviews").notNull().default(0),
    /** Link thresholds used: { upper, lower }. */
    options: jsonb("options").notNull().default({}),
    error: text("error"),
    startedBy: uuid("started_by").references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("imports_source_file_idx").on(t.source, t.fileHash)],
);

export const sourceRecords = pgTable(
  "source_records",
  {
    id: uuid("id").primaryKey(),
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id),
    source: text("source").notNull(),
    sourceId: text("source_id").notNull(),
    contentHash: text("content_hash").notNull(),
    rowNumber: integer("row_number").notNull(),
    /** The validated, normalised fields (ImportedPerson in src/app/integration/rows.ts). */
    record: jsonb("record").notNull(),
    raw: jsonb("raw").notNull(),
    personId: uuid("person_id").references(() => persons.id),
    linkProbability: doublePrecision("link_probability"),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("source_records_key_idx").on(t.source, t.sourceId, t.contentHash),
    index("source_records_person_idx").on(t.personId),
    index("source_records_import_idx").on(t.importId),
  ],
);

export const importQuarantine = pgTable(
  "import_quarantine",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id),
    source: text("source").notNull(),
    rowNumber: integer("row_number").notNull(),
    contentHash: text("content_hash").notNull(),
    /** The first field at fault; `reason` names every problem found. */
    field: text("field").notNull(),
    reason: text("reason").notNull(),
    raw: jsonb("raw").notNull(),
  },
  (t) => [
    uniqueIndex("import_quarantine_key_idx").on(t.source, t.contentHash),
    index("import_quarantine_import_idx").on(t.importId),
  ],
);

/** Pairs of persons the model could not decide (between the thresholds): a person decides. */
export const linkReviews = pgTable(
  "link_reviews",
  {
    id: uuid("id").primaryKey(),
    /** The two person ids, sorted and joined: one review per pair, ever. */
    pairKey: text("pair_key").notNull(),
    personA: uuid("person_a")
      .notNull()
      .references(() => persons.id),
    personB: uuid("person_b")
      .notNull()
      .references(() => persons.id),
    importId: uuid("import_id").references(() => imports.id),
    probability: doublePrecision("probability").notNull(),
    /** { priorBits, weight, contributions: [{ comparison, level, bits }] }. */
    explanation: jsonb("explanation").notNull(),
    /** The two records compared, as shown side by side: [{ label, fields }, { label, fields }]. */
    records: jsonb("records").notNull(),
    status: text("status").notNull(), // pending | accepted | rejected
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    mergeId: uuid("merge_id"),
  },
  (t) => [
    uniqueIndex("link_reviews_pair_idx").on(t.pairKey),
    index("link_reviews_status_idx").on(t.status, t.createdAt),
  ],
);

/** A merge, with what a split needs to undo it exactly. */
export const personMerges = pgTable(
  "person_merges",
  {
    id: uuid("id").primaryKey(),
    survivorId: uuid("survivor_id")
      .notNull()
      .references(() => persons.id),
    mergedId: uuid("merged_id")
      .notNull()
      .references(() => persons.id),
    /** Both person rows as they were before the merge. */
    survivorBefore: jsonb("survivor_before").notNull(),
    mergedBefore: jsonb("merged_before").notNull(),
    /** The survivor's version right after the merge: a split restores only if nothing changed since. */
    survivorVersionAfter: integer("survivor_version_after").notNull(),
    movedCases: uuid("moved_cases").array().notNull(),
    movedRecords: uuid("moved_records").array().notNull(),
    reviewId: uuid("review_id"),
    reason: text("reason"),
    mergedBy: uuid("merged_by").references(() => users.id),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull(),
    splitBy: uuid("split_by").references(() => users.id),
    splitAt: timestamp("split_at", { withTimezone: true }),
  },
  (t) => [
    index("person_merges_merged_idx").on(t.mergedId),
    index("person_merges_survivor_idx").on(t.survivorId),
  ],
);

/** A merged person's id answers with the survivor: GET /persons/:id follows these. */
export const personRedirects = pgTable("person_redirects", {
  fromId: uuid("from_id")
    .primaryKey()
    .references(() => persons.id),
  toId: uuid("to_id")
    .notNull()
    .references(() => persons.id),
  mergeId: uuid("merge_id")
    .notNull()
    .references(() => personMerges.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
