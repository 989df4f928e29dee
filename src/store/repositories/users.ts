import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Tx } from "../db.js";
import { credentials, users } from "../schema.js";

export type UserRow = typeof users.$inferSelect;

export async function insertUser(tx: Tx, row: typeof users.$inferInsert): Promise<void> {
  await tx.insert(users).values(row);
}

export async function getUserByName(tx: Tx, username: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.username, username));
  return row;
}

export async function getUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx.select().from(users).orderBy(users.username);
}

export async function insertCredential(tx: Tx, row: typeof credentials.$inferInsert): Promise<void> {
  await tx.insert(credentials).values(row);
}

export async function deleteCredential(tx: Tx, hash: string): Promise<void> {
  await tx.delete(credentials).where(eq(credentials.hash, hash));
}

/** The active user behind a credential hash that has not expired. */
export async function userByCredential(tx: Tx, hash: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await tx
    .select({ user: users })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.userId))
    .where(
      and(
        eq(credentials.hash, hash),
        eq(users.active, true),
        or(isNull(credentials.expiresAt), gt(credentials.expiresAt, now)),
      ),
    );
  return row?.user;
}
