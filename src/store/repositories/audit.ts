import { asc, desc, sql } from "drizzle-orm";
import { type AuditEntryBody, chainHash, GENESIS_HASH } from "../../domain/audit-hash.js";
import type { Tx } from "../db.js";
import { auditLog } from "../schema.js";

/** A fixed advisory-lock key so that appends to the chain are serialised across connections. */
const AUDIT_LOCK = 7_311_001;

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  purpose?: string | null;
  detail?: unknown;
  at: string;
}

/** Appends one entry; call inside the transaction of the change it records. */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const body: AuditEntryBody = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    purpose: input.purpose ?? null,
    detail: input.detail ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...body, prevHash, hash: chainHash(prevHash, body) });
}

export async function readAudit(tx: Tx, fromSeq = 0, limit = 10_000) {
  return tx
    .select()
    .from(auditLog)
    .where(sql`${auditLog.seq} > ${fromSeq}`)
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}
