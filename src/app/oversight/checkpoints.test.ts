import { generateKeyPairSync } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CHECKPOINT_KEY_FILE,
  checkpointKey,
  checkpointProblem,
  checkpointSignatureHolds,
  publicKeyId,
  signCheckpoint,
} from "./checkpoints.js";

const head = { headSeq: 42, headHash: "a".repeat(64), at: "2026-11-27T15:00:00.000Z" };

describe("checkpoint keys", () => {
  it("generates an Ed25519 key once into the data folder, mode 0600, and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "immos-cpkey-"));
    const env = { IMMOS_DATA_DIR: dir };
    const first = checkpointKey(env);
    const file = join(dir, CHECKPOINT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("BEGIN PRIVATE KEY");
    expect(first.privateKey.asymmetricKeyType).toBe("ed25519");
    expect(first.publicKey).toContain("BEGIN PUBLIC KEY");
    // A second process (no cache) reads the same key from the file.
    const again = checkpointKey({ IMMOS_DATA_DIR: dir, IMMOS_CHECKPOINT_KEY: "" });
    expect(again.keyId).toBe(first.keyId);
  });

  it("refuses a key file others can read", () => {
    const dir = mkdtempSync(join(tmpdir(), "immos-cpkey-"));
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    writeFileSync(join(dir, CHECKPOINT_KEY_FILE), pem, { mode: 0o644 });
    chmodSync(join(dir, CHECKPOINT_KEY_FILE), 0o644); // whatever the umask
    expect(() => checkpointKey({ IMMOS_DATA_DIR: dir })).toThrow(/mode 0600/);
    chmodSync(join(dir, CHECKPOINT_KEY_FILE), 0o600);
    expect(checkpointKey({ IMMOS_DATA_DIR: dir }).privateKey.asymmetricKeyType).toBe("ed25519");
  });

  it("takes IMMOS_CHECKPOINT_KEY as a PEM, and refuses a key that is not Ed25519", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const key = checkpointKey({ IMMOS_CHECKPOINT_KEY: pem, IMMOS_DATA_DIR: "/nonexistent" });
    expect(key.publicKey).toBe(publicKey.export({ type: "spki", format: "pem" }).toString());
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(() => checkpointKey({ IMMOS_CHECKPOINT_KEY: rsa })).toThrow(/not an Ed25519 key/);
    expect(() => checkpointKey({ IMMOS_CHECKPOINT_KEY: "not a key" })).toThrow(/PEM/);
  });
});

describe("checkpoint signatures", () => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const key = checkpointKey({
    IMMOS_CHECKPOINT_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  });
  const signed = signCheckpoint(head, key);

  it("verify with the public key alone; any change to a signed field breaks them", () => {
    expect(signed.keyId).toBe(publicKeyId(signed.publicKey));
    expect(checkpointSignatureHolds(signed)).toBe(true);
    for (const change of [
      { headSeq: 43 },
      { headHash: "b".repeat(64) },
      { at: "2026-11-27T15:00:01.000Z" },
      { algorithm: "HMAC-SHA256" },
      { signature: Buffer.alloc(64).toString("base64") },
      { publicKey: "garbage" },
    ]) {
      expect(checkpointSignatureHolds({ ...signed, ...change }), JSON.stringify(change)).toBe(false);
    }
  });

  it("counts only when signed by a trusted key", () => {
    expect(checkpointProblem(signed, new Set([key.keyId]))).toBeNull();
    expect(checkpointProblem(signed, new Set(["someone-else"]))).toMatch(/does not trust/);
    const forger = generateKeyPairSync("ed25519")
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const forged = signCheckpoint(head, checkpointKey({ IMMOS_CHECKPOINT_KEY: forger }));
    expect(checkpointSignatureHolds(forged)).toBe(true);
    expect(checkpointProblem(forged, new Set([key.keyId]))).toMatch(/does not trust/);
    // The forger's public key swapped for the trusted one: the signature no longer holds.
    expect(
      checkpointProblem({ ...forged, publicKey: key.publicKey, keyId: key.keyId }, new Set([key.keyId])),
    ).toMatch(/invalid/);
  });
});
