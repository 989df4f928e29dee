/**
 * `immos audit verify`: recomputes the whole chain, names the first entry
 * that was edited, deleted, inserted or reordered, and compares the chain
 * with every signed checkpoint (a cut-off tail, or a chain re-hashed end to
 * end); a checkpoint whose Ed25519 signature fails, or that a key the
 * verifier does not trust signed, is itself a finding (forged). Reads the whole log into memory: about 200 bytes per entry.
 */
import { auditPages } from "../../store/repositories/oversight.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";
import { checkChain, checkCheckpoints, type Finding, type StoredEntry } from "./chain-check.js";
import { checkpointsWithValidity, type SignedCheckpoint } from "./checkpoints.js";

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  checkpoints: number;
  latestCheckpoint: { headSeq: number; at: string } | null;
  finding: Finding | null;
  millis: number;
}

export async function verifyAudit(
  ctx: AppContext,
  actor: Actor | "system",
  opts: {
    /** Checkpoints kept outside the database (exported JSON lines). */
    extraCheckpoints?: SignedCheckpoint[];
    /** Public keys (SPKI PEM) to trust instead of the server's own: verifies without the secret. */
    publicKeys?: string[];
  } = {},
): Promise<VerifyResult> {
  if (actor !== "system") authorize(actor, "audit.read");
  const started = performance.now();
  const entries: StoredEntry[] = [];
  for await (const page of auditPages(ctx.database.db)) entries.push(...(page as StoredEntry[]));
  const checkpoints = await checkpointsWithValidity(ctx, opts.extraCheckpoints, opts.publicKeys);
  const chain = checkChain(entries);
  const cps = checkCheckpoints(entries, checkpoints);
  // Report whichever problem comes first in the chain.
  const finding = chain && cps ? (cps.seq < chain.seq ? cps : chain) : (chain ?? cps);
  const last = entries.at(-1);
  const latest = [...checkpoints].sort((a, b) => b.headSeq - a.headSeq)[0];
  return {
    ok: !finding,
    entries: entries.length,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    checkpoints: checkpoints.length,
    latestCheckpoint: latest ? { headSeq: latest.headSeq, at: latest.at } : null,
    finding,
    millis: Math.round(performance.now() - started),
  };
}
