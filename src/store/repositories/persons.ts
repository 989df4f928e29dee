import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db.js";
import { persons } from "../schema.js";

export type PersonRow = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;

export async function insertPerson(tx: Tx, p: NewPerson): Promise<void> {
  await tx.insert(persons).values(p);
}

export async function getPerson(tx: Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersonByANumber(tx: Tx, aNumber: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.aNumber, aNumber));
  return row;
}

export async function countPersons(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(persons);
  return row.n;
}
