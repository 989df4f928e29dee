/** SQL for oversight: counsel links, audit search and checkpoints, legal holds, SSO state (retention: ./retention.ts). */
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { auditLog, cases, persons, users } from "../schema.js";
import { auditCheckpoints, legalHolds, oidcLogins, ssoIdentities, userCounsel } from "../schema-oversight.js";

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
