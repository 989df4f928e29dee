/**
 * Oversight tables (docs/oversight.md): who counsel users act as, signed
 * checkpoints of the audit chain's head, legal holds, tombstones of purged
 * cases and records of purged document PDFs, and the short-lived state of
 * single sign-on logins.
 */
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { cases, counsel, users } from "./schema.js";
import { documents } from "./schema-documents.js";

/** A counsel user acts for these counsel records (persons.counsel_id): counsel see only their clients' cases. */
export const userCounsel = pgTable(
  "user_counsel",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    counselId: uuid("counsel_id")
      .notNull()
      .references(() => counsel.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.counselId] })],
);

/**
 * The audit chain's head, signed with Ed25519 at a moment: a later verify that
 * finds fewer entries, or a different hash at this seq, proves the tail was
 * cut or rewritten. The public key travels with each checkpoint so anyone can
 * check the signature; which keys to trust is the verifier's choice.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  headSeq: bigint("head_seq", { mode: "number" }).notNull(),
  headHash: text("head_hash").notNull(),
  at: text("at").notNull(),
  algorithm: text("algorithm").notNull(),
  keyId: text("key_id").notNull(),
  signature: text("signature").notNull(),
  /** The signer's Ed25519 public key, SPKI PEM. */
  publicKey: text("public_key").notNull(),
});

/** A case under a legal hold is never purged, whatever the retention rules say. */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reason: text("reason").notNull(),
    placedBy: text("placed_by").notNull(),
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull(),
    releasedBy: text("released_by"),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [index("legal_holds_case_idx").on(t.caseId)],
);

/** What is left of a case whose history retention purged: enough to prove it existed and what was deleted. */
export const caseTombstones = pgTable("case_tombstones", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  number: text("number").notNull(),
  officeCode: text("office_code").notNull(),
  closedOn: text("closed_on"),
  rule: text("rule").notNull(),
  events: integer("events").notNull(),
  /** SHA-256 over the canonical JSON of the purged history. */
  historyHash: text("history_hash").notNull(),
  purgedBy: text("purged_by").notNull(),
  purgedAt: timestamp("purged_at", { withTimezone: true }).notNull(),
});

/**
 * A document whose PDF bytes and printed data retention deleted (the row stays
 * with its hashes, emptied): when, by which rule, and what the bytes were.
 */
export const documentPurges = pgTable("document_purges", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id),
  /** Retention rule under which the PDF and data were purged (documents:Ny, or closedCases:Ny with its case). */
  rule: text("rule").notNull(),
  /** SHA-256 of the deleted PDF bytes. */
  pdfSha256: text("pdf_sha256").notNull(),
  /** Size of the deleted PDF in bytes. */
  pdfBytes: integer("pdf_bytes").notNull(),
  /** SHA-256 of the canonical JSON of the deleted printed data. */
  dataHash: text("data_hash").notNull(),
  /** Who ran the purge. */
  purgedBy: text("purged_by").notNull(),
  /** When the PDF and data were purged. */
  purgedAt: timestamp("purged_at", { withTimezone: true }).notNull(),
});

/** One pending OpenID Connect login: its state, nonce and PKCE verifier, for a few minutes. */
export const oidcLogins = pgTable("oidc_logins", {
  state: text("state").primaryKey(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Which local user an identity at an OpenID provider (issuer + subject) is; set on first sign-in. */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] })],
);
