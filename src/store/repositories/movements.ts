/**
 * Movements, manifest entries and gate alerts (schema-movements.ts), and the
 * batch loading a manifest-wide gate needs: every person's case row, person
 * row and history in three queries, whatever the size of the manifest.
 *
 * Locking (docs/removal-logistics.md, "No interleaving"): every writer locks
 * case rows before movement rows. An event append locks its case by updating
 * it, then the movements holding the person; a gate locks the manifest's
 * cases (FOR SHARE, in id order), then the movement (FOR UPDATE).
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, persons, users } from "../schema.js";
import { manifestEntries, movementAlerts, movements } from "../schema-movements.js";

export type MovementRow = typeof movements.$inferSelect;
export type EntryRow = typeof manifestEntries.$inferSelect;
export type AlertRow = typeof movementAlerts.$inferSelect;
export type CaseRowM = typeof cases.$inferSelect;
export type PersonRowM = typeof persons.$inferSelect;

/** Movements whose manifest can still change or be re-checked. */
export const liveMovementStatuses = ["open", "locked", "boarded"] as const;
/** Entries that still stand on a manifest (a person who may yet travel). */
export const activeEntryStatuses = ["listed", "boarded"] as const;

export async function insertMovement(tx: Tx, row: typeof movements.$inferInsert): Promise<void> {
  await tx.insert(movements).values(row);
}

export async function getMovement(tx: Tx, idOrNumber: string): Promise<MovementRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
  const [row] = await tx
    .select()
    .from(movements)
    .where(isUuid ? eq(movements.id, idOrNumber) : eq(movements.number, idOrNumber));
  return row;
}

/** The movement row, locked against every other gate and event re-check until the transaction ends. */
export async function lockMovement(tx: Tx, id: string): Promise<MovementRow | undefined> {
  const [row] = await tx.select().from(movements).where(eq(movements.id, id)).for("update");
  return row;
}

export async function lockMovements(tx: Tx, ids: string[]): Promise<MovementRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(movements)
    .where(inArray(movements.id, ids))
    .orderBy(asc(movements.id))
    .for("update");
}

export async function updateMovement(
  tx: Tx,
  id: string,
  set: Partial<typeof movements.$inferInsert>,
): Promise<void> {
  await tx.update(movements).set(set).where(eq(movements.id, id));
}

export async function listMovements(tx: Tx, offices: string[] | null, status?: string) {
  const where: SQL[] = [];
  if (offices) where.push(inArray(movements.officeCode, offices.length ? offices : ["__none__"]));
  if (status) where.push(eq(movements.status, status));
  const counts = sql<number>`(select count(*)::int from ${manifestEntries} e where e.movement_id = ${movements.id} and e.status in ('listed','boarded','departed'))`;
  const struck = sql<number>`(select count(*)::int from ${manifestEntries} e where e.movement_id = ${movements.id} and e.status = 'struck')`;
  return tx
    .select({ movement: movements, onManifest: counts, struck, officerName: users.displayName })
    .from(movements)
    .innerJoin(users, eq(users.id, movements.officerInCharge))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(movements.departOn), asc(movements.number))
    .limit(500);
}

export async function insertEntry(tx: Tx, row: typeof manifestEntries.$inferInsert): Promise<void> {
  await tx.insert(manifestEntries).values(row);
}

export async function getEntry(tx: Tx, movementId: string, caseId: string): Promise<EntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(manifestEntries)
    .where(and(eq(manifestEntries.movementId, movementId), eq(manifestEntries.caseId, caseId)));
  return row;
}

export async function listEntries(tx: Tx, movementId: string): Promise<EntryRow[]> {
  return tx
    .select()
    .from(manifestEntries)
    .where(eq(manifestEntries.movementId, movementId))
    .orderBy(asc(manifestEntries.addedAt), asc(manifestEntries.id));
}

/** What a gate needs of an entry: not the stored verdicts (a 300-person manifest holds megabytes of them). */
export type GateEntry = Pick<
  EntryRow,
  "id" | "caseId" | "role" | "status" | "acknowledged" | "addedAt" | "reviewApproval"
>;

export async function listGateEntries(tx: Tx, movementId: string): Promise<GateEntry[]> {
  return tx
    .select({
      id: manifestEntries.id,
      caseId: manifestEntries.caseId,
      role: manifestEntries.role,
      status: manifestEntries.status,
      acknowledged: manifestEntries.acknowledged,
      addedAt: manifestEntries.addedAt,
      reviewApproval: manifestEntries.reviewApproval,
    })
    .from(manifestEntries)
    .where(eq(manifestEntries.movementId, movementId))
    .orderBy(asc(manifestEntries.addedAt), asc(manifestEntries.id));
}

/** Entries with the person's name and case number, for the manifest view. */
export async function listEntriesWithPeople(tx: Tx, movementId: string) {
  return tx
    .select({
      entry: manifestEntries,
      caseNumber: cases.number,
      officeCode: cases.officeCode,
      givenName: persons.givenName,
      familyName: persons.familyName,
      aNumber: persons.aNumber,
    })
    .from(manifestEntries)
    .innerJoin(cases, eq(cases.id, manifestEntries.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(manifestEntries.movementId, movementId))
    .orderBy(asc(manifestEntries.addedAt), asc(manifestEntries.id));
}

export async function updateEntry(
  tx: Tx,
  id: string,
  set: Partial<typeof manifestEntries.$inferInsert>,
): Promise<void> {
  await tx.update(manifestEntries).set(set).where(eq(manifestEntries.id, id));
}

export async function updateEntries(
  tx: Tx,
  ids: string[],
  set: Partial<typeof manifestEntries.$inferInsert>,
): Promise<void> {
  if (ids.length) await tx.update(manifestEntries).set(set).where(inArray(manifestEntries.id, ids));
}

/** Active entries of a person on live movements: what an event on the case must re-check. */
export async function liveEntriesOfCase(tx: Tx, caseId: string) {
  return tx
    .select({ entry: manifestEntries, movement: movements })
    .from(manifestEntries)
    .innerJoin(movements, eq(movements.id, manifestEntries.movementId))
    .where(
      and(
        eq(manifestEntries.caseId, caseId),
        inArray(manifestEntries.status, [...activeEntryStatuses]),
        inArray(movements.status, [...liveMovementStatuses]),
      ),
    );
}

/** Every entry of a person, newest first (where the person stands, on the case page). */
export async function entriesOfCase(tx: Tx, caseId: string) {
  return tx
    .select({ entry: manifestEntries, movement: movements })
    .from(manifestEntries)
    .innerJoin(movements, eq(movements.id, manifestEntries.movementId))
    .where(eq(manifestEntries.caseId, caseId))
    .orderBy(desc(manifestEntries.addedAt));
}

export async function insertAlerts(tx: Tx, rows: (typeof movementAlerts.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(movementAlerts).values(rows.slice(i, i + 500));
}

export async function listAlerts(
  tx: Tx,
  filter: { movementId?: string; officerId?: string; open?: boolean },
) {
  const where: SQL[] = [];
  if (filter.movementId) where.push(eq(movementAlerts.movementId, filter.movementId));
  if (filter.officerId) where.push(eq(movementAlerts.officerId, filter.officerId));
  if (filter.open) where.push(isNull(movementAlerts.acknowledgedAt));
  return tx
    .select({ alert: movementAlerts, caseNumber: cases.number, movementNumber: movements.number })
    .from(movementAlerts)
    .innerJoin(cases, eq(cases.id, movementAlerts.caseId))
    .innerJoin(movements, eq(movements.id, movementAlerts.movementId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(movementAlerts.createdAt))
    .limit(500);
}

export async function acknowledgeAlert(
  tx: Tx,
  id: string,
  by: string,
  at: Date,
): Promise<AlertRow | undefined> {
  const [row] = await tx
    .update(movementAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(movementAlerts.id, id), isNull(movementAlerts.acknowledgedAt)))
    .returning();
  return row;
}

/**
 * Locks the case rows FOR SHARE in id order: an event append (which updates
 * the case row) waits until the gate commits, and the gate waits for an
 * append already in flight, so the gate always reads the latest history.
 */
export async function lockCasesForShare(tx: Tx, caseIds: string[]): Promise<CaseRowM[]> {
  if (!caseIds.length) return [];
  const sorted = [...new Set(caseIds)].sort();
  return tx.select().from(cases).where(inArray(cases.id, sorted)).orderBy(asc(cases.id)).for("share");
}

/** One stored event, as much of it as the law engine needs. */
export interface GateEventRow {
  seq: number;
  body: unknown;
}

/**
 * Persons and histories for many cases at once. The events come back as one
 * JSON array per case (aggregated by the database): thousands of small rows
 * cost far more to ship and decode, on PGlite above all, than 300 arrays.
 */
export async function loadPeopleAndEvents(tx: Tx, rows: CaseRowM[]) {
  const events = new Map<string, GateEventRow[]>();
  if (!rows.length) return { persons: new Map<string, PersonRowM>(), events };
  const personRows = await tx
    .select()
    .from(persons)
    .where(inArray(persons.id, [...new Set(rows.map((r) => r.personId))]));
  const ids = sql.join(
    rows.map((r) => sql`${r.id}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    select case_id, json_agg(json_build_array(seq, body) order by seq) as events
      from ${caseEvents}
     where case_id in (${ids})
     group by case_id`);
  const aggregated = (result as unknown as { rows: { case_id: string; events: unknown }[] }).rows;
  for (const r of aggregated) {
    const list = (typeof r.events === "string" ? JSON.parse(r.events) : r.events) as [number, unknown][];
    events.set(
      r.case_id,
      list.map(([seq, body]) => ({ seq, body })),
    );
  }
  return { persons: new Map(personRows.map((p) => [p.id, p])), events };
}

/**
 * Candidates for a movement: cases in the given offices whose projection
 * shows an order naming the country, not yet removed, not already on it.
 */
export async function candidateCases(tx: Tx, country: string, offices: string[] | null, movementId: string) {
  const where: SQL[] = [
    sql`${cases.state}->'order'->'countries' ? ${country}`,
    sql`${cases.stage} <> 'removed'`,
    sql`not exists (select 1 from ${manifestEntries} e where e.case_id = ${cases.id} and e.movement_id = ${movementId})`,
  ];
  if (offices) where.push(inArray(cases.officeCode, offices.length ? offices : ["__none__"]));
  return tx
    .select({
      caseId: cases.id,
      caseNumber: cases.number,
      stage: cases.stage,
      officeCode: cases.officeCode,
      givenName: persons.givenName,
      familyName: persons.familyName,
      aNumber: persons.aNumber,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(...where))
    .orderBy(asc(persons.familyName), asc(persons.givenName))
    .limit(1000);
}

/** The latest gate's verdict for many entries in one statement (a 300-person manifest is one round trip). */
export async function recordChecks(
  tx: Tx,
  checks: { id: string; outcome: string; verdict: unknown }[],
  gate: string,
  at: Date,
): Promise<void> {
  for (let i = 0; i < checks.length; i += 500) {
    const chunk = JSON.stringify(checks.slice(i, i + 500));
    await tx.execute(sql`
      update ${manifestEntries} as e
         set last_gate = ${gate}, last_outcome = v.outcome, last_verdict = v.verdict,
             last_checked_at = ${at.toISOString()}::timestamptz
        from jsonb_to_recordset(${chunk}::jsonb) as v(id uuid, outcome text, verdict jsonb)
       where e.id = v.id`);
  }
}

/** The case row, locked for an append (the departure verification appends to it). */
export async function lockCaseForUpdate(tx: Tx, caseId: string): Promise<CaseRowM | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  return row;
}
