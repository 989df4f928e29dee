import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { counsel, courts, facilities, offices } from "../schema.js";

export type OfficeRow = typeof offices.$inferSelect;
export type CourtRow = typeof courts.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;
export type CounselRow = typeof counsel.$inferSelect;

export async function insertReference(
  tx: Tx,
  data: {
    offices: OfficeRow[];
    courts: CourtRow[];
    facilities: FacilityRow[];
    counsel: CounselRow[];
  },
): Promise<void> {
  const chunks = <T>(rows: T[], n = 500) =>
    Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));
  for (const c of chunks(data.offices)) await tx.insert(offices).values(c).onConflictDoNothing();
  for (const c of chunks(data.courts)) await tx.insert(courts).values(c).onConflictDoNothing();
  for (const c of chunks(data.facilities)) await tx.insert(facilities).values(c).onConflictDoNothing();
  for (const c of chunks(data.counsel)) await tx.insert(counsel).values(c).onConflictDoNothing();
}

export const listOffices = (tx: Tx) => tx.select().from(offices).orderBy(asc(offices.code));
export const listCourts = (tx: Tx) => tx.select().from(courts).orderBy(asc(courts.code));
export const listFacilities = (tx: Tx) => tx.select().from(facilities).orderBy(asc(facilities.code));

export async function getOffice(tx: Tx, code: string) {
  const [row] = await tx.select().from(offices).where(eq(offices.code, code));
  return row;
}
export async function getCourt(tx: Tx, code: string) {
  const [row] = await tx.select().from(courts).where(eq(courts.code, code));
  return row;
}
export async function getFacility(tx: Tx, code: string) {
  const [row] = await tx.select().from(facilities).where(eq(facilities.code, code));
  return row;
}
export async function getCounsel(tx: Tx, id: string) {
  const [row] = await tx.select().from(counsel).where(eq(counsel.id, id));
  return row;
}
export async function countOffices(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(offices);
  return row.n;
}
