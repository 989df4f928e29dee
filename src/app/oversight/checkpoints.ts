/**
 * Signed checkpoints of the audit chain's head. The chain's SHA-256 links are
 * unkeyed, so someone with write access to the database could rewrite the
 * whole log with fresh hashes, or cut its tail; a checkpoint signed with a key
 * the database does not hold makes both visible (chain-check.ts).
 *
 * Key: IMMOS_AUDIT_KEY (any string; HMAC-SHA256), else a random key generated
 * once into <data folder>/audit-checkpoint.key (mode 0600). Keep a copy of
 * the key and of exported checkpoints (`immos audit checkpoint --out`) off
 * the database host: a checkpoint the attacker can delete proves less.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "../../config.js";
import { sha256 } from "../../domain/audit-hash.js";
import {
  auditHead,
  type CheckpointRow,
  insertCheckpoint,
  listCheckpoints,
} from "../../store/repositories/oversight.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";

export const CHECKPOINT_ALGORITHM = "HMAC-SHA256";

let cachedKey: { key: Buffer; source: string } | undefined;

export function checkpointKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.IMMOS_AUDIT_KEY;
  if (fromEnv) return Buffer.from(fromEnv, "utf8");
  const file = join(loadConfig(env).dataDir, "audit-checkpoint.key");
  if (cachedKey?.source === file) return cachedKey.key;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  cachedKey = { key, source: file };
  return key;
}

export const keyId = (key: Buffer) => sha256(key.toString("base64")).slice(0, 12);

/** What is signed: seq, hash and time, in a fixed text form. */
export function checkpointMessage(c: { headSeq: number; headHash: string; at: string }): string {
  return `immos-audit-checkpoint:v1\n${c.headSeq}\n${c.headHash}\n${c.at}`;
}

export function signCheckpoint(c: { headSeq: number; headHash: string; at: string }, key: Buffer): string {
  return createHmac("sha256", key).update(checkpointMessage(c)).digest("hex");
}

export function checkpointSignatureValid(c: Omit<CheckpointRow, "id">, key: Buffer): boolean {
  if (c.algorithm !== CHECKPOINT_ALGORITHM || c.keyId !== keyId(key)) return false;
  const expected = Buffer.from(signCheckpoint(c, key), "hex");
  const given = Buffer.from(c.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Signs the current head into the checkpoints table (nothing when the log is empty). */
export async function createCheckpoint(
  ctx: AppContext,
  actor: Actor | "system",
): Promise<CheckpointRow | null> {
  if (actor !== "system") authorize(actor, "audit.read");
  const db = ctx.database.db;
  const head = await auditHead(db);
  if (!head) return null;
  const key = checkpointKey();
  const c = { headSeq: head.seq, headHash: head.hash, at: ctx.now().toISOString() };
  return insertCheckpoint(db, {
    ...c,
    algorithm: CHECKPOINT_ALGORITHM,
    keyId: keyId(key),
    signature: signCheckpoint(c, key),
  });
}

export async function checkpointsWithValidity(ctx: AppContext, extra: Omit<CheckpointRow, "id">[] = []) {
  const key = checkpointKey();
  const rows = [
    ...(await listCheckpoints(ctx.database.db)),
    ...extra.map((c, i) => ({ ...c, id: -(i + 1) })),
  ];
  return rows.map((r) => ({ ...r, signatureValid: checkpointSignatureValid(r, key) }));
}
