/**
 * beforeHash / afterHash for case writes: SHA-256 of the canonical JSON of the
 * case projection (state and version) before and after the write, taken in
 * the write's own transaction, so the audit entry pins what the change did.
 */
import { canonicalJson, sha256 } from "../../domain/audit-hash.js";
import type { Tx } from "../../store/db.js";
import { caseProjection } from "../../store/repositories/oversight.js";

export async function projectionHash(tx: Tx, caseRef: string | null | undefined): Promise<string | null> {
  if (!caseRef) return null;
  const row = await caseProjection(tx, caseRef);
  return row === undefined ? null : sha256(canonicalJson(row));
}

/** Adds the hashes to an audit detail (objects only; other details are wrapped). */
export function withProjectionHashes(detail: unknown, beforeHash: string | null, afterHash: string | null) {
  const base =
    detail && typeof detail === "object" && !Array.isArray(detail)
      ? (detail as object)
      : { value: detail ?? null };
  return { ...base, beforeHash, afterHash };
}
