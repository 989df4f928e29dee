/**
 * SQL for data integration: imports, source records, quarantine, link reviews, merges and
 * redirects. Bulk writes go as one statement over jsonb_to_recordset (a single parameter, the
 * same on PGlite and PostgreSQL), with ON CONFLICT DO NOTHING on the natural keys.
 */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { cases, persons } from "../schema.js";
import {
  importQuarantine,
  imports,
  linkReviews,
  personMerges,
  personRedirects,
  sourceRecords,
} from "../schema-integration.js";

export type ImportRow = typeof imports.$inferSelect;
export type SourceRecordRow = typeof sourceRecords.$inferSelect;
export type LinkReviewRow = typeof linkReviews.$inferSelect;
export type MergeRow = typeof personMerges.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

function rowsOf<T>(res: unknown): T[] {
  return ((res as { rows?: T[] }).rows ?? res) as T[];
}

export async function findImport(tx: Tx, source: string, fileHash: string) {
  const [row] = await tx
    .select()
    .from(imports)
    .where(and(eq(imports.source, source), eq(imports.fileHash, fileHash)));
  return row;
}

export async function getImport(tx: Tx, id: string) {
  const [row] = await tx.select().from(imports).where(eq(imports.id, id));
  return row;
}

/** Creates the import unless one for the same source and file exists; returns the one that is. */
export async function createImport(tx: Tx, row: typeof imports.$inferInsert): Promise<ImportRow> {
  await tx.insert(imports).values(row).onConflictDoNothing();
  return (await findImport(tx, row.source, row.fileHash)) as ImportRow;
}

export async function listImports(tx: Tx, limit: number) {
  return tx.select().from(imports).orderBy(desc(imports.startedAt)).limit(limit);
}

export interface StagedRecord {
  id: string;
  sourceId: string;
  contentHash: string;
  rowNumber: number;
  record: unknown;
  raw: unknown;
}

export interface StagedQuarantine {
  rowNumber: number;
  contentHash: string;
  field: string;
  reason: string;
  raw: unknown;
}

/** Inserts a batch's records; returns how many were new (the rest were there already). */
export async function insertSourceRecords(tx: Tx, importId: string, source: string, rows: StagedRecord[]) {
  if (rows.length === 0) return 0;
  const res = await tx.execute(sql`
    insert into source_records (id, import_id, source, source_id, content_hash, row_number, record, raw)
    select x.id, ${importId}::uuid, ${source}, x."sourceId", x."contentHash", x."rowNumber", x.record, x.raw
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id uuid, "sourceId" text, "contentHash" text, "rowNumber" int, record jsonb, raw jsonb)
    on conflict (source, source_id, content_hash) do nothing
    returning id`);
  return rowsOf<{ id: string }>(res).length;
}

export async function insertQuarantine(tx: Tx, importId: string, source: string, rows: StagedQuarantine[]) {
  if (rows.length === 0) return 0;
  const res = await tx.execute(sql`
    insert into import_quarantine (import_id, source, row_number, content_hash, field, reason, raw)
    select ${importId}::uuid, ${source}, x."rowNumber", x."contentHash", x.field, x.reason, x.raw
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x("rowNumber" int, "contentHash" text, field text, reason text, raw jsonb)
    on conflict (source, content_hash) do nothing
    returning id`);
  return rowsOf<{ id: number }>(res).length;
}

/**
 * Moves the import's offset from `from` to `to` and adds the batch's counts, only if the offset
 * is still `from` (another process resuming the same import makes this fail: no double rows).
 */
export async function advanceImport(
  tx: Tx,
  id: string,
  from: number,
  to: number,
  add: { accepted: number; duplicates: number; quarantined: number },
  at: Date,
): Promise<boolean> {
  const updated = await tx
    .update(imports)
    .set({
      offset: to,
      accepted: sql`${imports.accepted} + ${add.accepted}`,
      duplicates: sql`${imports.duplicates} + ${add.duplicates}`,
      quarantined: sql`${imports.quarantined} + ${add.quarantined}`,
      updatedAt: at,
    })
    .where(and(eq(imports.id, id), eq(imports.offset, from)))
    .returning({ id: imports.id });
  return updated.length === 1;
}

export async function updateImport(tx: Tx, id: string, set: Partial<typeof imports.$inferInsert>) {
  await tx.update(imports).set(set).where(eq(imports.id, id));
}

export async function quarantineOf(tx: Tx, importId: string, limit: number) {
  return tx
    .select()
    .from(importQuarantine)
    .where(eq(importQuarantine.importId, importId))
    .orderBy(importQuarantine.rowNumber)
    .limit(limit);
}

// --- linkage universe -------------------------------------------------------------------------

/** Persons that are not merged away. */
export async function activePersons(tx: Tx) {
  return tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      aliases: persons.aliases,
      birthDate: persons.birthDate,
      aNumber: persons.aNumber,
      citizenship: persons.citizenship,
      facts: persons.facts,
      createdAt: persons.createdAt,
    })
    .from(persons)
    .leftJoin(personRedirects, eq(personRedirects.fromId, persons.id))
    .where(isNull(personRedirects.fromId));
}

export async function linkedSourceRecords(tx: Tx) {
  return tx
    .select({
      id: sourceRecords.id,
      source: sourceRecords.source,
      personId: sourceRecords.personId,
      record: sourceRecords.record,
    })
    .from(sourceRecords)
    .where(sql`${sourceRecords.personId} is not null`);
}

export async function pendingSourceRecords(tx: Tx, importId: string) {
  return tx
    .select({
      id: sourceRecords.id,
      source: sourceRecords.source,
      record: sourceRecords.record,
      rowNumber: sourceRecords.rowNumber,
    })
    .from(sourceRecords)
    .where(and(eq(sourceRecords.importId, importId), isNull(sourceRecords.personId)))
    .orderBy(sourceRecords.rowNumber);
}

export async function insertPersons(tx: Tx, rows: (typeof persons.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(persons).values(rows.slice(i, i + 500));
}

export async function takenANumbers(tx: Tx, aNumbers: string[]): Promise<Set<string>> {
  if (aNumbers.length === 0) return new Set();
  // One jsonb parameter, not one parameter per number (an import may hold hundreds of thousands).
  const res = await tx.execute(sql`
    select a_number as a from persons
    where a_number in (select jsonb_array_elements_text(${JSON.stringify(aNumbers)}::jsonb))`);
  return new Set(rowsOf<{ a: string }>(res).map((r) => r.a));
}

/** Links records to persons (only records still unlinked: a re-run does not relink). */
export async function linkSourceRecords(
  tx: Tx,
  links: { id: string; personId: string; probability: number | null }[],
  at: Date,
) {
  if (links.length === 0) return 0;
  const res = await tx.execute(sql`
    update source_records s set person_id = x."personId", link_probability = x.probability, linked_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as x(id uuid, "personId" uuid, probability float8)
    where s.id = x.id and s.person_id is null
    returning s.id`);
  return rowsOf<{ id: string }>(res).length;
}

export async function insertLinkReviews(tx: Tx, rows: (typeof linkReviews.$inferInsert)[]) {
  let n = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await tx
      .insert(linkReviews)
      .values(rows.slice(i, i + 200))
      .onConflictDoNothing()
      .returning({ id: linkReviews.id });
    n += inserted.length;
  }
  return n;
}

export async function listLinkReviews(tx: Tx, status: string, limit: number, offset: number) {
  return tx
    .select()
    .from(linkReviews)
    .where(eq(linkReviews.status, status))
    .orderBy(desc(linkReviews.probability), linkReviews.createdAt)
    .limit(limit)
    .offset(offset);
}

export async function getLinkReview(tx: Tx, id: string) {
  const [row] = await tx.select().from(linkReviews).where(eq(linkReviews.id, id));
  return row;
}

export async function updateLinkReview(tx: Tx, id: string, set: Partial<typeof linkReviews.$inferInsert>) {
  await tx.update(linkReviews).set(set).where(eq(linkReviews.id, id));
}

// --- persons, merges, redirects ---------------------------------------------------------------

export async function lockPerson(tx: Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id)).for("update");
  return row;
}

export async function getPersonRow(tx: Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function writePerson(tx: Tx, id: string, set: Partial<typeof persons.$inferInsert>) {
  await tx.update(persons).set(set).where(eq(persons.id, id));
}

export async function redirectOf(tx: Tx, id: string) {
  const [row] = await tx.select().from(personRedirects).where(eq(personRedirects.fromId, id));
  return row;
}

export async function casesOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      id: cases.id,
      number: cases.number,
      officeCode: cases.officeCode,
      stage: cases.stage,
      kind: cases.kind,
    })
    .from(cases)
    .where(eq(cases.personId, personId))
    .orderBy(cases.number);
}

export async function moveCases(tx: Tx, from: string, to: string, only?: string[]): Promise<string[]> {
  if (only && only.length === 0) return [];
  const moved = await tx
    .update(cases)
    .set({ personId: to })
    .where(and(eq(cases.personId, from), only ? inArray(cases.id, only) : undefined))
    .returning({ id: cases.id });
  return moved.map((c) => c.id);
}

export async function moveSourceRecords(
  tx: Tx,
  from: string,
  to: string,
  only?: string[],
): Promise<string[]> {
  if (only && only.length === 0) return [];
  const moved = await tx
    .update(sourceRecords)
    .set({ personId: to })
    .where(and(eq(sourceRecords.personId, from), only ? inArray(sourceRecords.id, only) : undefined))
    .returning({ id: sourceRecords.id });
  return moved.map((r) => r.id);
}

export async function sourceRecordsOf(tx: Tx, personId: string) {
  return tx
    .select({
      id: sourceRecords.id,
      source: sourceRecords.source,
      sourceId: sourceRecords.sourceId,
      importId: sourceRecords.importId,
      record: sourceRecords.record,
      linkProbability: sourceRecords.linkProbability,
    })
    .from(sourceRecords)
    .where(eq(sourceRecords.personId, personId))
    .orderBy(sourceRecords.source, sourceRecords.sourceId);
}

export async function insertMerge(tx: Tx, row: typeof personMerges.$inferInsert) {
  await tx.insert(personMerges).values(row);
}

export async function insertRedirect(tx: Tx, row: typeof personRedirects.$inferInsert) {
  await tx.insert(personRedirects).values(row);
}

export async function deleteRedirect(tx: Tx, fromId: string) {
  await tx.delete(personRedirects).where(eq(personRedirects.fromId, fromId));
}

/** The merge that currently redirects `mergedId` (not split). */
export async function activeMergeOf(tx: Tx, mergedId: string): Promise<MergeRow | undefined> {
  const [row] = await tx
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.mergedId, mergedId), isNull(personMerges.splitAt)));
  return row;
}

export async function markSplit(tx: Tx, mergeId: string, by: string | null, at: Date) {
  await tx.update(personMerges).set({ splitBy: by, splitAt: at }).where(eq(personMerges.id, mergeId));
}

export async function mergesOf(tx: Tx, personId: string) {
  return tx
    .select({
      id: personMerges.id,
      survivorId: personMerges.survivorId,
      mergedId: personMerges.mergedId,
      mergedAt: personMerges.mergedAt,
      splitAt: personMerges.splitAt,
      reason: personMerges.reason,
    })
    .from(personMerges)
    .where(sql`${personMerges.survivorId} = ${personId} or ${personMerges.mergedId} = ${personId}`)
    .orderBy(personMerges.mergedAt);
}

/** Of these source records, the ones still unlinked (a linking batch creates persons only for them). */
export async function unlinkedSourceRecordIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await tx.execute(sql`
    select id from source_records
    where person_id is null and id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`);
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}

/** An import's reviews per status (pending ones are the queue; deferred ones wait beyond its cap). */
export async function reviewCountsOf(tx: Tx, importId: string): Promise<Record<string, number>> {
  const res = await tx.execute(sql`
    select status, count(*)::int as n from link_reviews where import_id = ${importId}::uuid group by status`);
  return Object.fromEntries(rowsOf<{ status: string; n: number }>(res).map((r) => [r.status, r.n]));
}
