/** SQL for oversight: counsel links, audit search and checkpoints, legal holds, retention, SSO state. */
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  notExists,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Tx } from "../db.js";
import { auditLog, caseEvents, cases, credentials, persons, users } from "../schema.js";
import { documentServices, documents } from "../schema-documents.js";
import {
  auditCheckpoints,
  caseTombstones,
  documentPurges,
  legalHolds,
  oidcLogins,
  ssoIdentities,
  userCounsel,
} from "../schema-oversight.js";

// --- counsel users -------------------------------------------------------------------------------

export async function counselIdsOfUser(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: userCounsel.counselId })
    .from(userCounsel)
    .where(eq(userCounsel.userId, userId));
  return rows.map((r) => r.id);
}

/** The counsel of record of a person (persons.counsel_id), if any. */
export async function counselOfPerson(tx: Tx, personId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: persons.counselId }).from(persons).where(eq(persons.id, personId));
  return row?.id ?? undefined;
}

export async function linkUserCounsel(tx: Tx, userId: string, counselId: string): Promise<void> {
  await tx.insert(userCounsel).values({ userId, counselId }).onConflictDoNothing();
}

// --- case projection (for beforeHash / afterHash) ---------------------------------------------------

export async function caseProjection(tx: Tx, idOrNumber: string): Promise<unknown | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
  const [row] = await tx
    .select({ state: cases.state, version: cases.version })
    .from(cases)
    .where(isUuid ? eq(cases.id, idOrNumber) : eq(cases.number, idOrNumber));
  return row;
}

// --- audit -----------------------------------------------------------------------------------------

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditSearch {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Newest first. `action` matches a prefix ("disclosure" finds "disclosure.read"). */
export async function searchAudit(tx: Tx, s: AuditSearch): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (s.actor) where.push(eq(auditLog.actor, s.actor));
  if (s.action) where.push(ilike(auditLog.action, `${s.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (s.entity) where.push(eq(auditLog.entity, s.entity));
  if (s.entityId) where.push(eq(auditLog.entityId, s.entityId));
  if (s.from) where.push(gte(auditLog.at, s.from));
  if (s.to) where.push(lte(auditLog.at, s.to));
  return tx
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(s.limit)
    .offset(s.offset);
}

/** The whole chain in seq order, a page at a time (verify walks it). */
export async function* auditPages(tx: Tx, pageSize = 5_000): AsyncGenerator<AuditRow[]> {
  let after = -1;
  for (;;) {
    const page = await tx
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${after}`)
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].seq;
  }
}

export async function auditHead(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export async function insertCheckpoint(tx: Tx, row: Omit<CheckpointRow, "id">): Promise<CheckpointRow> {
  const [saved] = await tx.insert(auditCheckpoints).values(row).returning();
  return saved;
}

export async function listCheckpoints(tx: Tx): Promise<CheckpointRow[]> {
  return tx.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
}

// --- legal holds -----------------------------------------------------------------------------------

export type HoldRow = typeof legalHolds.$inferSelect;

export async function insertHold(tx: Tx, row: typeof legalHolds.$inferInsert): Promise<void> {
  await tx.insert(legalHolds).values(row);
}

export async function activeHolds(tx: Tx, caseId?: string): Promise<HoldRow[]> {
  return tx
    .select()
    .from(legalHolds)
    .where(and(isNull(legalHolds.releasedAt), caseId ? eq(legalHolds.caseId, caseId) : undefined))
    .orderBy(asc(legalHolds.placedAt));
}

export async function releaseHolds(tx: Tx, caseId: string, by: string, at: Date): Promise<number> {
  const res = await tx
    .update(legalHolds)
    .set({ releasedAt: at, releasedBy: by })
    .where(and(eq(legalHolds.caseId, caseId), isNull(legalHolds.releasedAt)))
    .returning({ id: legalHolds.id });
  return res.length;
}

// --- retention -------------------------------------------------------------------------------------

export async function expiredCredentials(tx: Tx, kind: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(credentials)
    .where(and(eq(credentials.kind, kind), lt(credentials.expiresAt, now)));
  return row.n;
}

export async function deleteExpiredCredentials(tx: Tx, kind: string, now: Date): Promise<number> {
  const res = await tx
    .delete(credentials)
    .where(and(eq(credentials.kind, kind), lt(credentials.expiresAt, now)))
    .returning({ hash: credentials.hash });
  return res.length;
}

export async function deleteExpiredOidcLogins(tx: Tx, now: Date, dryRun: boolean): Promise<number> {
  if (dryRun) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(oidcLogins)
      .where(lt(oidcLogins.expiresAt, now));
    return row.n;
  }
  const res = await tx
    .delete(oidcLogins)
    .where(lt(oidcLogins.expiresAt, now))
    .returning({ s: oidcLogins.state });
  return res.length;
}

/** Closed cases whose last event is before `before`, not on hold and not already purged. */
export async function purgeableCases(tx: Tx, stages: readonly string[], before: string, limit: number) {
  return tx
    .select({
      id: cases.id,
      number: cases.number,
      officeCode: cases.officeCode,
      personId: cases.personId,
      stage: cases.stage,
      lastEventOn: cases.lastEventOn,
    })
    .from(cases)
    .where(
      and(
        inArray(cases.stage, [...stages]),
        lt(cases.lastEventOn, before),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(legalHolds)
            .where(and(eq(legalHolds.caseId, cases.id), isNull(legalHolds.releasedAt))),
        ),
        notExists(tx.select({ one: sql`1` }).from(caseTombstones).where(eq(caseTombstones.caseId, cases.id))),
      ),
    )
    .orderBy(asc(cases.lastEventOn), asc(cases.number))
    .limit(limit);
}

export async function caseEventBodies(tx: Tx, caseId: string) {
  return tx
    .select({ seq: caseEvents.seq, body: caseEvents.body })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
}

/**
 * Purges one case's history: deletes its events, blanks the projection and
 * leaves a tombstone. Refuses (returns false) if a hold appeared meanwhile.
 */
export async function purgeCaseHistory(
  tx: Tx,
  c: { id: string; number: string; officeCode: string; stage: string; lastEventOn: string | null },
  tombstone: { rule: string; events: number; historyHash: string; purgedBy: string; purgedAt: Date },
): Promise<boolean> {
  if ((await activeHolds(tx, c.id)).length) return false;
  await tx.delete(caseEvents).where(eq(caseEvents.caseId, c.id));
  await tx
    .update(cases)
    .set({
      state: { stage: c.stage, purged: true, flags: [], eventCount: 0, lastEventOn: c.lastEventOn },
      eventCount: 0,
      version: sql`${cases.version} + 1`,
      updatedAt: tombstone.purgedAt,
    })
    .where(eq(cases.id, c.id));
  await tx.insert(caseTombstones).values({
    caseId: c.id,
    number: c.number,
    officeCode: c.officeCode,
    closedOn: c.lastEventOn,
    ...tombstone,
  });
  return true;
}

/** Blanks a person's identifying data when none of their cases keeps history. */
export async function blankPersonIfAllPurged(tx: Tx, personId: string): Promise<boolean> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(
        eq(cases.personId, personId),
        notExists(tx.select({ one: sql`1` }).from(caseTombstones).where(eq(caseTombstones.caseId, cases.id))),
      ),
    );
  if (open.n > 0) return false;
  await tx
    .update(persons)
    .set({
      givenName: "[purged]",
      familyName: "[purged]",
      aliases: [],
      searchNames: "",
      birthDate: null,
      sex: null,
      birthCountry: null,
      facts: {},
      languages: [],
    })
    .where(eq(persons.id, personId));
  return true;
}

// --- retention of document PDFs ------------------------------------------------------------------------

const heldCase = (tx: Tx) =>
  tx
    .select({ one: sql`1` })
    .from(legalHolds)
    .where(and(eq(legalHolds.caseId, documents.caseId), isNull(legalHolds.releasedAt)));
const purgedDocument = (tx: Tx) =>
  tx.select({ one: sql`1` }).from(documentPurges).where(eq(documentPurges.documentId, documents.id));

/** Documents generated before `before` whose case is in a closed stage, not on hold and not yet purged. */
export async function purgeableDocuments(tx: Tx, stages: readonly string[], before: Date, limit: number) {
  return tx
    .select({
      id: documents.id,
      caseId: documents.caseId,
      caseNumber: cases.number,
      form: documents.form,
      generatedAt: documents.generatedAt,
    })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .where(
      and(
        inArray(cases.stage, [...stages]),
        lt(documents.generatedAt, before),
        notExists(heldCase(tx)),
        notExists(purgedDocument(tx)),
      ),
    )
    .orderBy(asc(documents.generatedAt), asc(documents.id))
    .limit(limit);
}

/**
 * Deletes a document's PDF bytes and printed data (the row stays, emptied, with
 * its hashes; recipients' names on its service records are blanked) and
 * records the purge. Refuses (returns false) if the case is under a hold or
 * the document is already purged.
 */
export async function purgeDocument(
  tx: Tx,
  documentId: string,
  by: { rule: string; purgedBy: string; purgedAt: Date },
): Promise<boolean> {
  const [doc] = await tx
    .select({
      caseId: documents.caseId,
      pdfSha256: documents.pdfSha256,
      pdfBytes: documents.pdfBytes,
      dataHash: documents.dataHash,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), notExists(purgedDocument(tx))));
  if (!doc || (await activeHolds(tx, doc.caseId)).length) return false;
  await tx
    .update(documents)
    .set({ pdf: new Uint8Array(0), data: {} })
    .where(eq(documents.id, documentId));
  await tx
    .update(documentServices)
    .set({ recipientName: null })
    .where(eq(documentServices.documentId, documentId));
  await tx.insert(documentPurges).values({ documentId, ...doc, ...by });
  return true;
}

/** Ids of a case's documents not yet purged (a purged case takes its documents with it). */
export async function unpurgedDocumentsOfCase(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), notExists(purgedDocument(tx))));
  return rows.map((r) => r.id);
}

export type DocumentPurgeRow = typeof documentPurges.$inferSelect;

export async function documentPurgeOf(tx: Tx, documentId: string): Promise<DocumentPurgeRow | undefined> {
  const [row] = await tx.select().from(documentPurges).where(eq(documentPurges.documentId, documentId));
  return row;
}

export async function tombstoneOf(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(caseTombstones).where(eq(caseTombstones.caseId, caseId));
  return row;
}

// --- search: does a query match only through a protected alias? ----------------------------------------

/** Same test as searchCases' name match, applied to the names a reader may see. */
export async function namesMatch(tx: Tx, query: string, names: string): Promise<boolean> {
  const res = await tx.execute(sql`select (${query} <% ${names} or ${names} like ${`%${query}%`}) as ok`);
  // node-postgres and PGlite both answer { rows }; be lenient about the wrapper.
  const rows = ((res as unknown as { rows?: { ok: boolean }[] }).rows ?? res) as unknown as { ok: boolean }[];
  return !!rows[0]?.ok;
}

// --- users for single sign-on -------------------------------------------------------------------------

export async function updateUserAccess(
  tx: Tx,
  userId: string,
  role: string,
  offices: string[],
  displayName: string,
) {
  await tx.update(users).set({ role, offices, displayName }).where(eq(users.id, userId));
}

export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export async function insertOidcLogin(tx: Tx, row: OidcLoginRow): Promise<void> {
  await tx.insert(oidcLogins).values(row);
}

/** Takes (reads and deletes) a pending login: each state is usable once. */
export async function takeOidcLogin(tx: Tx, state: string): Promise<OidcLoginRow | undefined> {
  const [row] = await tx.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row;
}

/** Names and aliases of some persons (search redaction reads them). */
export async function personNames(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      aliases: persons.aliases,
    })
    .from(persons)
    .where(inArray(persons.id, ids));
}

export async function userIdOfIdentity(tx: Tx, issuer: string, subject: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ userId: ssoIdentities.userId })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, subject)));
  return row?.userId;
}

export async function insertIdentity(tx: Tx, row: typeof ssoIdentities.$inferInsert): Promise<void> {
  await tx.insert(ssoIdentities).values(row);
}
