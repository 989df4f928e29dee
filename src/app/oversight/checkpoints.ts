/**
 * Signed checkpoints of the audit chain's head. The chain's SHA-256 links are
 * unkeyed, so someone with write access to the database could rewrite the
 * whole log with fresh hashes, or cut its tail; a checkpoint signed with a key
 * the database does not hold makes both visible (chain-check.ts).
 *
 * Ed25519 (node:crypto). The private key is IMMOS_CHECKPOINT_KEY (a PKCS#8
 * PEM), else one generated once into <data folder>/audit-checkpoint-ed25519.pem
 * (mode 0600; a looser mode is refused). Each checkpoint carries the public
 * key (SPKI PEM) and its id, so anyone can check a signature without the
 * secret; *which* keys to trust is the verifier's choice: by default the
 * server's own, or the public keys the verifier brings (`immos audit verify
 * --public-key`), in which case the secret is not read at all. A checkpoint
 * signed by any other key — a forger's own key pair — does not count.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "../../config.js";
import { sha256 } from "../../domain/audit-hash.js";
import { AppError } from "../../domain/errors.js";
import {
  auditHead,
  type CheckpointRow,
  insertCheckpoint,
  listCheckpoints,
} from "../../store/repositories/oversight.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";

export const CHECKPOINT_ALGORITHM = "Ed25519";
export const CHECKPOINT_KEY_FILE = "audit-checkpoint-ed25519.pem";

export interface CheckpointKey {
  privateKey: KeyObject;
  /** SPKI PEM: exported with every checkpoint. */
  publicKey: string;
  keyId: string;
}

/** A checkpoint as exported (JSON lines) and as stored, without the row id. */
export type SignedCheckpoint = Omit<CheckpointRow, "id">;

const cache = new Map<string, CheckpointKey>();

function fromPrivatePem(pem: string, source: string): CheckpointKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AppError("unavailable", `the checkpoint key in ${source} is not a private key in PEM form`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new AppError("unavailable", `the checkpoint key in ${source} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/** The signing key: IMMOS_CHECKPOINT_KEY, else the data folder's key file (generated on first use). */
export function checkpointKey(env: NodeJS.ProcessEnv = process.env): CheckpointKey {
  const fromEnv = env.IMMOS_CHECKPOINT_KEY;
  const file = join(loadConfig(env).dataDir, CHECKPOINT_KEY_FILE);
  const cacheKey = fromEnv ? `env:${fromEnv}` : `file:${file}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let key: CheckpointKey;
  if (fromEnv) key = fromPrivatePem(fromEnv, "IMMOS_CHECKPOINT_KEY");
  else {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync("ed25519");
      const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
      try {
        writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
      } catch (err) {
        // Another process created it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
    }
    if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0)
      throw new AppError(
        "unavailable",
        `${file} is readable by others: the checkpoint key must be mode 0600 (chmod 600 ${file})`,
      );
    key = fromPrivatePem(readFileSync(file, "utf8"), file);
  }
  cache.set(cacheKey, key);
  return key;
}

/** A public key's id: the first 16 hex digits of the SHA-256 of its DER (SPKI) bytes. */
export function publicKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return sha256(der.toString("base64")).slice(0, 16);
}

/** What is signed: seq, hash, time and the key id, in a fixed text form. */
export function checkpointMessage(c: {
  headSeq: number;
  headHash: string;
  at: string;
  keyId: string;
}): string {
  return `immos-audit-checkpoint:v2\n${c.headSeq}\n${c.headHash}\n${c.at}\n${c.keyId}`;
}

export function signCheckpoint(c: { headSeq: number; headHash: string; at: string }, key: CheckpointKey) {
  const body = { ...c, algorithm: CHECKPOINT_ALGORITHM, keyId: key.keyId, publicKey: key.publicKey };
  const signature = sign(null, Buffer.from(checkpointMessage(body)), key.privateKey).toString("base64");
  return { ...body, signature } satisfies SignedCheckpoint;
}

/** Does the signature hold for the public key the checkpoint carries? Needs no secret. */
export function checkpointSignatureHolds(c: SignedCheckpoint): boolean {
  if (c.algorithm !== CHECKPOINT_ALGORITHM) return false;
  try {
    const publicKey = createPublicKey(c.publicKey);
    if (publicKey.asymmetricKeyType !== "ed25519" || publicKeyId(c.publicKey) !== c.keyId) return false;
    return verify(null, Buffer.from(checkpointMessage(c)), publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}

/** Why a checkpoint does not count, or null when it does: a good signature by a trusted key. */
export function checkpointProblem(c: SignedCheckpoint, trustedKeyIds: ReadonlySet<string>): string | null {
  if (!checkpointSignatureHolds(c)) return "its signature is invalid";
  if (!trustedKeyIds.has(c.keyId))
    return `it is signed by key ${c.keyId}, which this verifier does not trust`;
  return null;
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
  const c = { headSeq: head.seq, headHash: head.hash, at: ctx.now().toISOString() };
  return insertCheckpoint(db, signCheckpoint(c, checkpointKey()));
}

/**
 * The stored checkpoints and `extra` ones (kept elsewhere), each with whether
 * it counts. Trusted: the public keys given, or else the server's own key.
 */
export async function checkpointsWithValidity(
  ctx: AppContext,
  extra: SignedCheckpoint[] = [],
  trustedPublicKeys: string[] = [],
) {
  const trusted = new Set<string>();
  for (const pem of trustedPublicKeys) {
    try {
      trusted.add(publicKeyId(pem));
    } catch {
      throw new AppError(
        "invalid_input",
        "a trusted public key is not a public key in PEM form",
        "publicKeys",
      );
    }
  }
  const rows = [
    ...(await listCheckpoints(ctx.database.db)),
    ...extra.map((c, i) => ({ ...c, id: -(i + 1) })),
  ];
  // The server's own key only when there is something to check (no key file is made for nothing).
  if (!trusted.size && rows.length) trusted.add(checkpointKey().keyId);
  return rows.map((r) => {
    const problem = checkpointProblem(r, trusted);
    return { ...r, signatureValid: problem === null, problem };
  });
}
