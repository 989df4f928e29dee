/**
 * The audit log's hash chain: each entry's hash is SHA-256 over the previous
 * entry's hash and the entry's canonical JSON (keys sorted, no spaces), so an
 * edit, deletion, insertion or reordering breaks every later link.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface AuditEntryBody {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  purpose: string | null;
  detail: unknown;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function chainHash(prevHash: string, entry: AuditEntryBody): string {
  return sha256(`${prevHash}\n${canonicalJson(entry)}`);
}

export interface ChainBreak {
  seq: number;
  problem: "edited" | "inserted_or_deleted" | "reordered";
}

/** Walks entries in seq order; returns the first entry whose link does not hold. */
export function verifyChain(
  entries: (AuditEntryBody & { prevHash: string; hash: string })[],
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  for (const e of entries) {
    if (e.seq <= lastSeq) return { seq: e.seq, problem: "reordered" };
    if (e.prevHash !== prev) return { seq: e.seq, problem: "inserted_or_deleted" };
    const body: AuditEntryBody = {
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      purpose: e.purpose,
      detail: e.detail,
    };
    if (chainHash(e.prevHash, body) !== e.hash) return { seq: e.seq, problem: "edited" };
    prev = e.hash;
    lastSeq = e.seq;
  }
  return null;
}
