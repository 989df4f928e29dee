/** Multi-row inserts for seeding and imports: one statement per chunk, inside the caller's transaction. */
import type { Tx } from "../db.js";
import { caseEvents, cases, persons } from "../schema.js";

export interface BulkBatch {
  persons: (typeof persons.$inferInsert)[];
  cases: (typeof cases.$inferInsert)[];
  events: (typeof caseEvents.$inferInsert)[];
}

export async function insertBatch(tx: Tx, b: BulkBatch, chunk = 400): Promise<void> {
  for (let i = 0; i < b.persons.length; i += chunk)
    await tx.insert(persons).values(b.persons.slice(i, i + chunk));
  for (let i = 0; i < b.cases.length; i += chunk) await tx.insert(cases).values(b.cases.slice(i, i + chunk));
  for (let i = 0; i < b.events.length; i += chunk)
    await tx.insert(caseEvents).values(b.events.slice(i, i + chunk));
}
