/**
 * Detention queries: who is held where (from the cases' projections), custody
 * events for the population over time, placement proposals and counsel
 * notices (src/store/schema-detention.ts).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, counsel, courts, persons } from "../schema.js";
import { counselNotices, placementProposals, placementRecommendations } from "../schema-detention.js";

export type ProposalRow = typeof placementProposals.$inferSelect;
export type RecommendationRow = typeof placementRecommendations.$inferSelect;
export type NoticeRow = typeof counselNotices.$inferSelect;

const detained = sql`${cases.state}->>'custody' = 'detained'`;

/** Other cases of the same person whose projection says detained (the one-place check). */
export async function detainedOtherCases(tx: Tx, personId: string, exceptCaseId: string) {
  return tx
    .select({ number: cases.number, facilityCode: cases.facilityCode })
    .from(cases)
    .where(and(eq(cases.personId, personId), ne(cases.id, exceptCaseId), detained));
}

/**
 * Occupancy: distinct persons held per facility, by sex and recorded security
 * level (null when no level is recorded).
 */
export async function occupancyCounts(tx: Tx) {
  const level = sql<string | null>`${persons.facts}->'detention'->>'level'`;
  return tx
    .select({
      facilityCode: cases.facilityCode,
      sex: persons.sex,
      level,
      people: sql<number>`count(distinct ${persons.id})::int`,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(detained, isNotNull(cases.facilityCode)))
    .groupBy(cases.facilityCode, persons.sex, level);
}

export interface DetaineeFilter {
  /** Held at one of these facilities. */
  facilities?: string[];
  /** Cases of this office held without an assigned facility (new arrivals). */
  unassignedOffice?: string;
  /** These cases, whatever their custody. */
  caseIds?: string[];
}

/** Detained people with what placement needs: sex, facts, counsel and court coordinates. */
export async function detainees(tx: Tx, f: DetaineeFilter) {
  const where: SQL[] = [];
  if (f.facilities)
    where.push(
      and(detained, inArray(cases.facilityCode, f.facilities.length ? f.facilities : ["__none__"]))!,
    );
  if (f.unassignedOffice)
    where.push(and(detained, isNull(cases.facilityCode), eq(cases.officeCode, f.unassignedOffice))!);
  if (f.caseIds)
    where.push(inArray(cases.id, f.caseIds.length ? f.caseIds : ["00000000-0000-0000-0000-000000000000"]));
  if (!where.length) return [];
  return tx
    .select({
      caseId: cases.id,
      number: cases.number,
      officeCode: cases.officeCode,
      stage: cases.stage,
      state: cases.state,
      facilityCode: cases.facilityCode,
      version: cases.version,
      personId: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      sex: persons.sex,
      facts: persons.facts,
      counselId: persons.counselId,
      counselName: counsel.name,
      counselCity: counsel.city,
      counselLat: counsel.lat,
      counselLon: counsel.lon,
      courtCode: cases.courtCode,
      courtCity: courts.city,
      courtLat: courts.lat,
      courtLon: courts.lon,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(counsel, eq(counsel.id, persons.counselId))
    .leftJoin(courts, eq(courts.code, cases.courtCode))
    .where(sql.join(where, sql` or `))
    .orderBy(asc(cases.number));
}
export type DetaineeRow = Awaited<ReturnType<typeof detainees>>[number];

/** Every event that moves a person into, between or out of custody, for the population series. */
export async function custodyEvents(tx: Tx) {
  return tx
    .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, body: caseEvents.body })
    .from(caseEvents)
    .where(
      inArray(caseEvents.type, [
        "custody.booked",
        "custody.transferred",
        "custody.released",
        "departure.verified",
        "event.superseded",
      ]),
    )
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

export async function insertProposal(
  tx: Tx,
  proposal: typeof placementProposals.$inferInsert,
  items: (typeof placementRecommendations.$inferInsert)[],
): Promise<void> {
  await tx.insert(placementProposals).values(proposal);
  for (let i = 0; i < items.length; i += 500)
    await tx.insert(placementRecommendations).values(items.slice(i, i + 500));
}

export async function getProposal(tx: Tx, id: string) {
  const [proposal] = await tx.select().from(placementProposals).where(eq(placementProposals.id, id));
  if (!proposal) return undefined;
  const items = await tx
    .select()
    .from(placementRecommendations)
    .where(eq(placementRecommendations.proposalId, id))
    .orderBy(asc(placementRecommendations.caseNumber));
  return { proposal, items };
}

export async function listProposals(tx: Tx, offices: string[] | null, limit: number) {
  return tx
    .select()
    .from(placementProposals)
    .where(
      offices ? inArray(placementProposals.officeCode, offices.length ? offices : ["__none__"]) : undefined,
    )
    .orderBy(desc(placementProposals.createdAt))
    .limit(limit);
}

export async function getRecommendation(tx: Tx, proposalId: string, caseId: string) {
  const [row] = await tx
    .select()
    .from(placementRecommendations)
    .where(
      and(eq(placementRecommendations.proposalId, proposalId), eq(placementRecommendations.caseId, caseId)),
    );
  return row;
}

export async function updateRecommendation(
  tx: Tx,
  proposalId: string,
  caseId: string,
  set: Partial<typeof placementRecommendations.$inferInsert>,
): Promise<void> {
  await tx
    .update(placementRecommendations)
    .set(set)
    .where(
      and(eq(placementRecommendations.proposalId, proposalId), eq(placementRecommendations.caseId, caseId)),
    );
}

/** Inserts a notice unless one exists for that transfer; returns the stored row. */
export async function ensureNotice(tx: Tx, row: typeof counselNotices.$inferInsert): Promise<NoticeRow> {
  await tx.insert(counselNotices).values(row).onConflictDoNothing();
  const [stored] = await tx
    .select()
    .from(counselNotices)
    .where(and(eq(counselNotices.caseId, row.caseId), eq(counselNotices.transferSeq, row.transferSeq)));
  return stored;
}

export async function markNoticeSent(
  tx: Tx,
  id: string,
  set: { notifiedSeq: number; notifiedOn: string; method: string; text: string },
): Promise<void> {
  await tx.update(counselNotices).set(set).where(eq(counselNotices.id, id));
}

export async function noticesOfCase(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(counselNotices)
    .where(eq(counselNotices.caseId, caseId))
    .orderBy(asc(counselNotices.transferSeq));
}

/**
 * Transfers of represented people (counsel of record on the person, or an
 * appearance in the history) since a date, with each case's counsel.notified
 * events, for the overdue-notice sweep.
 */
export async function recentTransfers(tx: Tx, offices: string[] | null, since: string) {
  const where: SQL[] = [eq(caseEvents.type, "custody.transferred"), sql`${caseEvents.on} >= ${since}`];
  if (offices) where.push(inArray(cases.officeCode, offices.length ? offices : ["__none__"]));
  const transfers = await tx
    .select({
      caseId: cases.id,
      number: cases.number,
      officeCode: cases.officeCode,
      counselId: persons.counselId,
      represented: sql<boolean>`coalesce((${persons.facts}->>'represented')::boolean, false)`,
      seq: caseEvents.seq,
      body: caseEvents.body,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(...where))
    .orderBy(asc(caseEvents.on), asc(cases.number));
  const ids = [...new Set(transfers.map((t) => t.caseId))];
  const related = ids.length
    ? await tx
        .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, body: caseEvents.body })
        .from(caseEvents)
        .where(
          and(
            inArray(caseEvents.caseId, ids),
            inArray(caseEvents.type, [
              "counsel.notified",
              "counsel.appeared",
              "counsel.withdrawn",
              "event.superseded",
            ]),
          ),
        )
        .orderBy(asc(caseEvents.seq))
    : [];
  return { transfers, related };
}

/** Sets top-level keys of a person's facts (null removes one); bumps the person's version. */
export async function mergePersonFacts(
  tx: Tx,
  personId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null));
  const remove = Object.keys(patch).filter((k) => patch[k] === null);
  let facts = sql`(${persons.facts} || ${JSON.stringify(set)}::jsonb)`;
  for (const key of remove) facts = sql`(${facts} - ${key}::text)`;
  await tx
    .update(persons)
    .set({ facts, version: sql`${persons.version} + 1` })
    .where(eq(persons.id, personId));
}
