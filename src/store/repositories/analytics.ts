/**
 * Reads for the dashboard and the integrity checks: a cheap fingerprint of
 * the data (to know when a cached snapshot is stale), facilities with their
 * capacity, counsel coordinates, the rules behind each review, and case-list
 * rows by id (the drill-down's records, scoped like the case list).
 */
import { and, asc, count, gt, inArray, max, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, counsel, facilities, persons, reviews, settings, tasks } from "../schema.js";
import { type CaseRow, listColumns } from "./cases.js";
import type { PersonRow } from "./persons.js";

/** Changes whenever a case, an event, a person, a review or a law setting changes. */
export async function dataFingerprint(tx: Tx): Promise<string> {
  const [[e], [c], [p], [r], [s]] = await Promise.all([
    tx.select({ n: count(), m: max(caseEvents.id) }).from(caseEvents),
    tx.select({ n: count(), m: sql<string>`max(${cases.updatedAt})::text` }).from(cases),
    tx.select({ n: count(), v: sql<string>`coalesce(sum(${persons.version}), 0)::text` }).from(persons),
    tx.select({ n: count(), d: sql<string>`count(${reviews.decidedAt})::text` }).from(reviews),
    tx
      .select({
        v: sql<string>`coalesce(md5(string_agg(${settings.value}::text, ',' order by ${settings.key})), '')`,
      })
      .from(settings)
      .where(sql`${settings.scope} = 'law'`),
  ]);
  return [e?.n, e?.m, c?.n, c?.m, p?.n, p?.v, r?.n, r?.d, s?.v].map(String).join("|");
}

export interface FacilityInfo {
  code: string;
  name: string;
  officeCode: string;
  lat: number;
  lon: number;
  capacity: number;
}

export async function facilitiesWithCapacity(tx: Tx): Promise<FacilityInfo[]> {
  return tx
    .select({
      code: facilities.code,
      name: facilities.name,
      officeCode: facilities.officeCode,
      lat: facilities.lat,
      lon: facilities.lon,
      capacity: sql<number>`(${facilities.bedsMale} + ${facilities.bedsFemale})::int`,
    })
    .from(facilities)
    .orderBy(asc(facilities.code));
}

export async function counselPlaces(tx: Tx) {
  return tx
    .select({ id: counsel.id, city: counsel.city, state: counsel.state, lat: counsel.lat, lon: counsel.lon })
    .from(counsel);
}

/** The rules whose REVIEW finding opened each review (from the verdict stored with it). */
export async function reviewRules(tx: Tx): Promise<Map<string, string[]>> {
  const rows = await tx.select({ id: reviews.id, verdict: reviews.verdict }).from(reviews);
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const findings = ((r.verdict as { findings?: { rule: string; outcome: string }[] })?.findings ?? [])
      .filter((f) => f.outcome === "REVIEW")
      .map((f) => f.rule);
    out.set(r.id, [...new Set(findings)].sort());
  }
  return out;
}

/**
 * Case-list rows (the same columns as the case list) for these ids, limited
 * to the offices the user may list: a drill-down never shows more than the
 * list would.
 */
export async function caseListRowsByIds(tx: Tx, ids: readonly string[], offices: string[] | null) {
  if (!ids.length) return [];
  const out: Awaited<ReturnType<typeof page>>[number][] = [];
  const page = (chunk: string[]) => {
    const where: SQL[] = [inArray(cases.id, chunk)];
    if (offices) where.push(inArray(cases.officeCode, offices.length ? offices : ["__none__"]));
    return tx
      .select(listColumns)
      .from(cases)
      .innerJoin(persons, sql`${persons.id} = ${cases.personId}`)
      .where(and(...where));
  };
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1000) out.push(...(await page(unique.slice(i, i + 1000))));
  return out;
}

/** Keys of deadline tasks someone marked done, per case (an acted-on deadline is not "no action"). */
export async function doneTaskKeys(tx: Tx, caseIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!caseIds.length) return out;
  const rows = await tx
    .select({ caseId: tasks.caseId, key: tasks.key })
    .from(tasks)
    .where(and(inArray(tasks.caseId, [...caseIds]), sql`${tasks.status} = 'done'`));
  for (const r of rows) {
    const set = out.get(r.caseId) ?? new Set<string>();
    set.add(r.key);
    out.set(r.caseId, set);
  }
  return out;
}

export interface CaseBatch {
  cases: CaseRow[];
  persons: Map<string, PersonRow>;
  events: Map<string, { seq: number; body: unknown }[]>;
}

/** The next page of whole cases after `afterId` (keyset order by id), with their persons and events. */
export async function loadCaseBatch(
  tx: Tx,
  offices: string[] | null,
  afterId: string | null,
  limit: number,
): Promise<CaseBatch> {
  const where: SQL[] = [];
  if (offices) where.push(inArray(cases.officeCode, offices.length ? offices : ["__none__"]));
  if (afterId) where.push(gt(cases.id, afterId));
  const page = await tx
    .select()
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(cases.id))
    .limit(limit);
  if (!page.length) return { cases: [], persons: new Map(), events: new Map() };
  const [personRows, eventRows] = await Promise.all([
    tx
      .select()
      .from(persons)
      .where(inArray(persons.id, [...new Set(page.map((c) => c.personId))])),
    tx
      .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, body: caseEvents.body })
      .from(caseEvents)
      .where(
        inArray(
          caseEvents.caseId,
          page.map((c) => c.id),
        ),
      )
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
  ]);
  const events = new Map<string, { seq: number; body: unknown }[]>();
  for (const e of eventRows) {
    const list = events.get(e.caseId) ?? [];
    list.push({ seq: e.seq, body: e.body });
    events.set(e.caseId, list);
  }
  return { cases: page, persons: new Map(personRows.map((p) => [p.id, p])), events };
}
