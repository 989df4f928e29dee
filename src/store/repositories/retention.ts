/** SQL for retention (docs/oversight.md §5): expired credentials, purgeable cases and document PDFs, tombstones. */
import { and, asc, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, credentials, persons } from "../schema.js";
import { documentServices, documents } from "../schema-documents.js";
import { caseTombstones, documentPurges, legalHolds, oidcLogins } from "../schema-oversight.js";
import { activeHolds } from "./oversight.js";

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
