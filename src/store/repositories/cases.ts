import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { CaseState } from "../../domain/case-state.js";
import type { Tx } from "../db.js";
import { caseEvents, cases, persons } from "../schema.js";

export type CaseRow = typeof cases.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;

export async function insertCase(tx: Tx, row: typeof cases.$inferInsert): Promise<void> {
  await tx.insert(cases).values(row);
}

export async function getCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id));
  return row;
}

export async function getCaseByNumber(tx: Tx, number: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.number, number));
  return row;
}

export async function listEvents(tx: Tx, caseId: string): Promise<EventRow[]> {
  return tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

export async function insertEvents(tx: Tx, rows: (typeof caseEvents.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(caseEvents).values(rows);
}

/**
 * Writes the new projection only if the case is still at the version the
 * writer read: the optimistic check that keeps two officers from overwriting
 * each other. Returns false on a stale write.
 */
export async function updateProjection(
  tx: Tx,
  id: string,
  expectedVersion: number,
  state: CaseState,
  updatedAt: Date,
): Promise<boolean> {
  const res = await tx
    .update(cases)
    .set({
      stage: state.stage,
      state,
      facilityCode: state.facilityCode,
      lastEventOn: state.lastEventOn,
      eventCount: state.eventCount,
      version: expectedVersion + 1,
      updatedAt,
    })
    .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
    .returning({ id: cases.id });
  return res.length === 1;
}

export interface CaseSearch {
  offices?: string[] | null;
  query?: string;
  aNumber?: string;
  stage?: string;
  /** Counsel users: only persons whose counsel of record is one of these (src/app/access.ts). */
  counselIds?: string[];
  limit: number;
  offset: number;
}

const NO_COUNSEL = "00000000-0000-0000-0000-000000000000";

export const listColumns = {
  id: cases.id,
  number: cases.number,
  stage: cases.stage,
  kind: cases.kind,
  officeCode: cases.officeCode,
  courtCode: cases.courtCode,
  facilityCode: cases.facilityCode,
  lastEventOn: cases.lastEventOn,
  version: cases.version,
  personId: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  aNumber: persons.aNumber,
  birthDate: persons.birthDate,
  citizenship: persons.citizenship,
};

/**
 * Case list with search. A name query matches any name or alias, in any
 * script, accents removed, by trigram similarity (pg_trgm), best first.
 */
export async function searchCases(tx: Tx, s: CaseSearch) {
  const where: SQL[] = [];
  if (s.offices) where.push(inArray(cases.officeCode, s.offices.length ? s.offices : ["__none__"]));
  if (s.stage) where.push(eq(cases.stage, s.stage));
  if (s.aNumber) where.push(eq(persons.aNumber, s.aNumber));
  if (s.counselIds) where.push(inArray(persons.counselId, s.counselIds.length ? s.counselIds : [NO_COUNSEL]));
  let score: SQL | undefined;
  if (s.query) {
    where.push(sql`(${s.query} <% ${persons.searchNames} or ${persons.searchNames} like ${`%${s.query}%`})`);
    score = sql`word_similarity(${s.query}, ${persons.searchNames})`;
  }
  const q = tx
    .select({ ...listColumns, score: score ? sql<number>`${score}` : sql<number>`1` })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(score ? [desc(score), asc(cases.number)] : [desc(cases.updatedAt), asc(cases.number)]))
    .limit(s.limit)
    .offset(s.offset);
  return q;
}

export async function countCases(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases);
  return row.n;
}
