import { and, eq } from "drizzle-orm";
import type { Tx } from "../db.js";
import { settings } from "../schema.js";

export async function getSetting<T>(tx: Tx, scope: string, key: string): Promise<T | undefined> {
  const [row] = await tx
    .select()
    .from(settings)
    .where(and(eq(settings.scope, scope), eq(settings.key, key)));
  return row?.value as T | undefined;
}

export async function putSetting(tx: Tx, scope: string, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ scope, key, value })
    .onConflictDoUpdate({ target: [settings.scope, settings.key], set: { value } });
}
