import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db.js";
import { reviews } from "../schema.js";

export type ReviewRow = typeof reviews.$inferSelect;

export async function insertReview(tx: Tx, row: typeof reviews.$inferInsert): Promise<void> {
  await tx.insert(reviews).values(row);
}

export async function getReview(tx: Tx, id: string): Promise<ReviewRow | undefined> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.id, id));
  return row;
}

/** Moves a review from one status to another; false if it was no longer in `from` (someone else acted). */
export async function transitionReview(
  tx: Tx,
  id: string,
  from: string,
  set: Partial<typeof reviews.$inferInsert>,
): Promise<boolean> {
  const res = await tx
    .update(reviews)
    .set(set)
    .where(and(eq(reviews.id, id), eq(reviews.status, from)))
    .returning({ id: reviews.id });
  return res.length === 1;
}

export async function listReviews(tx: Tx, offices: string[] | null, status: string, limit = 200) {
  const where = [eq(reviews.status, status)];
  if (offices) where.push(inArray(reviews.officeCode, offices.length ? offices : ["__none__"]));
  return tx
    .select()
    .from(reviews)
    .where(and(...where))
    .orderBy(asc(reviews.requestedAt))
    .limit(limit);
}
