/**
 * Pure audit-chain checks, finer than `verifyChain`: they name the first
 * entry that was edited, deleted, inserted or reordered, and compare the
 * chain with signed checkpoints so that a cut-off tail, or a chain rewritten
 * end to end with fresh hashes, is found too.
 */
import { type AuditEntryBody, chainHash, GENESIS_HASH } from "../../domain/audit-hash.js";

export type StoredEntry = AuditEntryBody & { prevHash: string; hash: string };

export type Problem =
  | "edited" // the entry's content no longer gives its hash
  | "deleted" // an entry is missing before this one
  | "inserted" // this entry was not in the chain
  | "reordered" // entries are out of their chained order
  | "truncated" // the chain ends before a checkpoint's head
  | "rewritten" // the entry at a checkpoint's head has a different hash
  | "bad_checkpoint"; // a checkpoint's signature does not verify

export interface Finding {
  seq: number;
  problem: Problem;
  message: string;
}

export interface CheckpointLike {
  id: number;
  headSeq: number;
  headHash: string;
  signatureValid: boolean;
  /** Why the checkpoint does not count (bad signature, untrusted key), when it does not. */
  problem?: string | null;
}

function body(e: StoredEntry): AuditEntryBody {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    purpose: e.purpose,
    detail: e.detail,
  };
}

/**
 * Walks the chain in seq order and names the first entry that does not hold.
 * A broken link at entry k is explained by its neighbours: a link that skips
 * the previous entry means that one was inserted; a link to an entry stored
 * later means entries were reordered; a seq gap is a deletion; an entry that
 * is internally consistent but not linked to means the one before it was
 * edited and re-hashed; otherwise the entry itself was edited.
 */
export function checkChain(entries: readonly StoredEntry[]): Finding | null {
  const indexOfHash = new Map<string, number>();
  const indexOfPrev = new Map<string, number>();
  entries.forEach((e, i) => {
    indexOfHash.set(e.hash, i);
    indexOfPrev.set(e.prevHash, i);
  });
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const prev = i > 0 ? entries[i - 1] : undefined;
    const prevSeq = prev?.seq ?? 0;
    if (e.seq <= prevSeq) return found(e.seq, "reordered", `entry ${e.seq} is stored after entry ${prevSeq}`);
    const ownOk = chainHash(e.prevHash, body(e)) === e.hash;
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    if (e.prevHash === expectedPrev) {
      if (!ownOk)
        return found(e.seq, "edited", `entry ${e.seq} was edited (its hash does not match its content)`);
      if (e.seq !== prevSeq + 1) return found(prevSeq + 1, "deleted", `entry ${prevSeq + 1} is missing`);
      continue;
    }
    if (prev && i >= 2 && e.prevHash === entries[i - 2].hash) {
      return found(prev.seq, "inserted", `entry ${prev.seq} was inserted: entry ${e.seq} links past it`);
    }
    if (prev && i === 1 && e.prevHash === GENESIS_HASH) {
      return found(prev.seq, "inserted", `entry ${prev.seq} was inserted before the first entry`);
    }
    const linkedLater = (indexOfHash.get(e.prevHash) ?? -1) > i;
    const followedElsewhere = indexOfPrev.has(e.hash) && indexOfPrev.get(e.hash) !== i + 1;
    if (linkedLater || followedElsewhere) {
      return found(e.seq, "reordered", `entry ${e.seq} is out of its chained order`);
    }
    if (e.seq > prevSeq + 1) {
      const last = e.seq - 1;
      return found(
        prevSeq + 1,
        "deleted",
        `entry ${prevSeq + 1}${last > prevSeq + 1 ? ` to ${last}` : ""} was deleted`,
      );
    }
    if (ownOk && prev) {
      return found(
        prev.seq,
        "edited",
        `entry ${prev.seq} was edited and re-hashed: entry ${e.seq} no longer links to it`,
      );
    }
    return found(e.seq, "edited", `entry ${e.seq} was edited or replaced`);
  }
  return null;
}

function found(seq: number, problem: Problem, message: string): Finding {
  return { seq, problem, message };
}

/**
 * Compares the chain with signed checkpoints, earliest first: a checkpoint
 * beyond the chain's end means the tail was cut; a different hash at a
 * checkpoint's seq means the chain was rewritten (re-hashed) at or before it.
 */
export function checkCheckpoints(
  entries: readonly StoredEntry[],
  checkpoints: readonly CheckpointLike[],
): Finding | null {
  const lastSeq = entries.at(-1)?.seq ?? 0;
  const hashAt = new Map(entries.map((e) => [e.seq, e.hash]));
  for (const cp of [...checkpoints].sort((a, b) => a.headSeq - b.headSeq || a.id - b.id)) {
    // Checkpoints brought from outside the database carry negative ids (their place in the file).
    const name = cp.id < 0 ? `exported checkpoint ${-cp.id}` : `checkpoint ${cp.id}`;
    if (!cp.signatureValid) {
      const why = cp.problem ?? "its signature is invalid";
      return found(cp.headSeq, "bad_checkpoint", `${name} does not count: ${why}`);
    }
    if (cp.headSeq > lastSeq) {
      return found(
        lastSeq + 1,
        "truncated",
        `the chain ends at entry ${lastSeq} but ${name} saw it reach entry ${cp.headSeq}`,
      );
    }
    if (hashAt.get(cp.headSeq) !== cp.headHash) {
      return found(
        cp.headSeq,
        "rewritten",
        `entry ${cp.headSeq} differs from ${name}: the chain was rewritten at or before it`,
      );
    }
  }
  return null;
}
