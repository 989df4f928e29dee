/**
 * What every use case receives: the database, a clock (the only place the
 * time of day enters; the law engine gets the date from here), and a logger.
 */
import type { Logger } from "pino";
import type { Database, Tx } from "../store/db.js";
import { type AuditInput, appendAudit } from "../store/repositories/audit.js";
import type { Actor } from "./access.js";
import { projectionHash, withProjectionHashes } from "./oversight/projection-hash.js";

export interface AppContext {
  database: Database;
  now: () => Date;
  log?: Logger;
}

/** Today's calendar date (UTC) as YYYY-MM-DD. */
export function today(ctx: AppContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/**
 * Runs a write in one transaction with its audit entry: the change and the
 * record of it land together or not at all.
 */
export async function writeWithAudit<T>(
  ctx: AppContext,
  actor: Actor | "system",
  audit: Omit<AuditInput, "actor" | "at">,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.database.db.transaction(async (tx) => {
    // Case writes carry the hash of the projection before and after (docs/oversight.md).
    const caseWrite = audit.entity === "case" && !!audit.entityId;
    const beforeHash = caseWrite ? await projectionHash(tx, audit.entityId) : null;
    const result = await work(tx);
    const afterHash = caseWrite ? await projectionHash(tx, audit.entityId) : null;
    await appendAudit(tx, {
      ...audit,
      detail: caseWrite ? withProjectionHashes(audit.detail, beforeHash, afterHash) : audit.detail,
      actor: actor === "system" ? "system" : actor.username,
      purpose: audit.purpose ?? (actor === "system" ? null : (actor.purpose ?? null)),
      at: ctx.now().toISOString(),
    });
    return result;
  });
}
