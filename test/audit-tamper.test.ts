/**
 * Tampering with the audit log, each way, is found by the logic behind
 * `immos audit verify` (POST /api/v1/audit/verify), which names the first
 * entry touched: edit, edit and re-hash, delete, insert, reorder, a cut-off
 * tail (against a signed checkpoint), a chain rewritten end to end with fresh
 * hashes, and a forged checkpoint (a bad Ed25519 signature, or a good one by
 * a key pair the verifier does not trust). Checkpoints exported off the
 * database are checked with the public key alone. Case writes carry
 * beforeHash/afterHash.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { desc, eq, gt, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkpointMessage, publicKeyId } from "../src/app/oversight/checkpoints.js";
import {
  type AuditEntryBody,
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  sha256,
} from "../src/domain/audit-hash.js";
import { auditLog, cases } from "../src/store/schema.js";
import { auditCheckpoints } from "../src/store/schema-oversight.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

// The server's signing key for this run (PKCS#8 PEM), so no key file is written into the repository.
const serverKey = generateKeyPairSync("ed25519");
process.env.IMMOS_CHECKPOINT_KEY = serverKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const serverPublicKey = serverKey.publicKey.export({ type: "spki", format: "pem" }).toString();

type Row = typeof auditLog.$inferSelect;
const bodyOf = (r: Row): AuditEntryBody => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  purpose: r.purpose,
  detail: r.detail,
});

describe.each(backends())("audit tampering (%s)", (backend) => {
  let t: TestApp;
  let pristine: Row[];
  const db = () => t.ctx.database.db;
  const verify = async () =>
    (await t.as("auditor")("POST", "/api/v1/audit/verify", { checkpoints: [] })).body;
  const rows = () => db().select().from(auditLog).orderBy(auditLog.seq);
  const checkpoint = async () => (await t.as("auditor")("POST", "/api/v1/audit/checkpoints")).body.checkpoint;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    const admin = t.as("admin");
    for (let i = 0; i < 4; i++) {
      const r = await admin("POST", "/api/v1/cases", {
        person: { givenName: `Tamper${i}`, familyName: "Test", citizenship: ["MX"], languages: ["es"] },
        case: { kind: "removal_240", officeCode: "HOU" },
        events: [{ on: "2026-01-05", type: "encounter", location: "jail" }],
      });
      expect(r.status).toBe(201);
      const note = await admin("POST", `/api/v1/cases/${r.body.caseId}/events`, {
        expectedVersion: r.body.version,
        event: { on: "2026-01-06", type: "case.note", text: `note ${i}` },
      });
      expect(note.status).toBe(201);
    }
    // Tokens are audited writes too: issue them before taking the reference copy.
    await t.token("auditor");
    await t.token("officer");
    pristine = await rows();
    expect(pristine.length).toBeGreaterThan(8);
  }, 120_000);

  afterEach(async () => {
    // Put the log back as it was, and forget checkpoints.
    await db().delete(auditCheckpoints);
    await db().delete(auditLog);
    await db().insert(auditLog).values(pristine);
  });
  afterAll(async () => t?.close());

  it("an untouched log verifies, and an auditor may run it but an officer may not", async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true, entries: pristine.length, finding: null });
    expect((await t.as("officer")("GET", "/api/v1/audit/verify")).status).toBe(403);
  });

  it("case writes carry the projection's hash before and after", async () => {
    const note = pristine.findLast((r) => r.action === "event.case.note")!;
    const d = note.detail as { beforeHash: string; afterHash: string };
    expect(d.beforeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.afterHash).not.toBe(d.beforeHash);
    const [c] = await db()
      .select({ state: cases.state, version: cases.version })
      .from(cases)
      .where(eq(cases.id, note.entityId!));
    expect(d.afterHash).toBe(sha256(canonicalJson(c)));
    const open = pristine.find((r) => r.action === "case.open")!;
    expect((open.detail as { beforeHash: string | null }).beforeHash).toBeNull();
  });

  it("finds an edited entry", async () => {
    const k = pristine[4].seq;
    await db().update(auditLog).set({ actor: "mallory" }).where(eq(auditLog.seq, k));
    expect((await verify()).finding).toMatchObject({ seq: k, problem: "edited" });
  });

  it("finds an edited entry whose hash was recomputed to hide the edit", async () => {
    const target = pristine[3];
    const forged = { ...bodyOf(target), detail: { forged: true } };
    await db()
      .update(auditLog)
      .set({ detail: forged.detail, hash: chainHash(target.prevHash, forged) })
      .where(eq(auditLog.seq, target.seq));
    expect((await verify()).finding).toMatchObject({ seq: target.seq, problem: "edited" });
  });

  it("finds a deleted entry", async () => {
    const k = pristine[5].seq;
    await db().delete(auditLog).where(eq(auditLog.seq, k));
    expect((await verify()).finding).toMatchObject({ seq: k, problem: "deleted" });
  });

  it("finds an inserted entry, even one properly linked to its predecessor", async () => {
    const after = pristine[2];
    // Make room: shift later entries up by one (as an attacker would), then insert.
    await db()
      .update(auditLog)
      .set({ seq: sql`${auditLog.seq} + 100000` })
      .where(gt(auditLog.seq, after.seq));
    await db()
      .update(auditLog)
      .set({ seq: sql`${auditLog.seq} - 99999` })
      .where(gt(auditLog.seq, 100000));
    const body: AuditEntryBody = {
      seq: after.seq + 1,
      at: after.at,
      actor: "mallory",
      action: "case.open",
      entity: "case",
      entityId: null,
      purpose: null,
      detail: {},
    };
    await db()
      .insert(auditLog)
      .values({ ...body, prevHash: after.hash, hash: chainHash(after.hash, body) });
    expect((await verify()).finding).toMatchObject({ seq: after.seq + 1, problem: "inserted" });
  });

  it("finds reordered entries", async () => {
    const [a, b] = [pristine[6].seq, pristine[7].seq];
    await db().update(auditLog).set({ seq: -1 }).where(eq(auditLog.seq, a));
    await db().update(auditLog).set({ seq: a }).where(eq(auditLog.seq, b));
    await db().update(auditLog).set({ seq: b }).where(eq(auditLog.seq, -1));
    expect((await verify()).finding).toMatchObject({ seq: a, problem: "reordered" });
  });

  it("finds a cut-off tail against the latest signed checkpoint", async () => {
    const cp = await checkpoint();
    expect(cp.headSeq).toBe(pristine.at(-1)!.seq);
    const keep = pristine.at(-3)!.seq;
    await db().delete(auditLog).where(gt(auditLog.seq, keep));
    // Without the checkpoint the shorter chain would look whole.
    const r = await verify();
    expect(r.finding).toMatchObject({ seq: keep + 1, problem: "truncated" });
    expect(r.ok).toBe(false);
  });

  it("finds a chain rewritten end to end with fresh hashes", async () => {
    await checkpoint();
    // Re-hash the whole chain after editing entry 2: every link holds, only the checkpoint disagrees.
    let prev = GENESIS_HASH;
    for (const r of pristine) {
      const body = r.seq === pristine[1].seq ? { ...bodyOf(r), actor: "mallory" } : bodyOf(r);
      const hash = chainHash(prev, body);
      await db()
        .update(auditLog)
        .set({ actor: body.actor, prevHash: prev, hash })
        .where(eq(auditLog.seq, r.seq));
      prev = hash;
    }
    const r = await verify();
    expect(r.finding).toMatchObject({ seq: pristine.at(-1)!.seq, problem: "rewritten" });
  });

  it("finds a forged checkpoint, and compares with checkpoints kept outside the database", async () => {
    const cp = await checkpoint();
    await db()
      .update(auditCheckpoints)
      .set({ headSeq: cp.headSeq + 5 })
      .where(eq(auditCheckpoints.id, cp.id));
    expect((await verify()).finding).toMatchObject({ problem: "bad_checkpoint" });
    // Attacker deletes the checkpoints table and the tail: an exported copy still catches it.
    await db().delete(auditCheckpoints);
    const [last] = await db().select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    await db().delete(auditLog).where(eq(auditLog.seq, last.seq));
    expect((await verify()).ok).toBe(true);
    const { id: _id, ...exported } = cp;
    const r = await t.as("auditor")("POST", "/api/v1/audit/verify", { checkpoints: [exported] });
    expect(r.body.finding).toMatchObject({ seq: last.seq, problem: "truncated" });
  });

  it("signs checkpoints with Ed25519 and exports the public key; the signature covers every field", async () => {
    const cp = await checkpoint();
    expect(cp).toMatchObject({
      algorithm: "Ed25519",
      publicKey: serverPublicKey,
      keyId: publicKeyId(serverPublicKey),
    });
    const { id: _id, ...exported } = cp;
    // Anyone holding only the public key can check it.
    const ok = await t.as("auditor")("POST", "/api/v1/audit/verify", {
      checkpoints: [exported],
      publicKeys: [serverPublicKey],
    });
    expect(ok.body).toMatchObject({ ok: true, checkpoints: 2 });
    for (const change of [
      { headHash: "0".repeat(64) },
      { at: "2020-01-01T00:00:00.000Z" },
      { headSeq: cp.headSeq - 1 },
      { keyId: "0123456789abcdef" },
    ]) {
      await db().delete(auditCheckpoints);
      const r = await t.as("auditor")("POST", "/api/v1/audit/verify", {
        checkpoints: [{ ...exported, ...change }],
      });
      expect(r.body.finding, JSON.stringify(change)).toMatchObject({ problem: "bad_checkpoint" });
    }
  });

  it("finds a forged signature on a stored checkpoint", async () => {
    const cp = await checkpoint();
    const bytes = Buffer.from(cp.signature, "base64");
    bytes[0] ^= 0xff;
    await db()
      .update(auditCheckpoints)
      .set({ signature: bytes.toString("base64") })
      .where(eq(auditCheckpoints.id, cp.id));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.finding).toMatchObject({ seq: cp.headSeq, problem: "bad_checkpoint" });
    expect(r.finding.message).toContain("signature is invalid");
  });

  it("finds a checkpoint forged with the attacker's own key pair, validly signed", async () => {
    // Cut the tail, then forge a checkpoint of the shortened chain with a fresh key pair, so the
    // shortened chain looks vouched for.
    const keep = pristine.at(-3)!;
    const real = await checkpoint();
    await db().delete(auditCheckpoints);
    await db().delete(auditLog).where(gt(auditLog.seq, keep.seq));
    const mallory = generateKeyPairSync("ed25519");
    const publicKey = mallory.publicKey.export({ type: "spki", format: "pem" }).toString();
    const body = {
      headSeq: keep.seq,
      headHash: keep.hash,
      at: new Date().toISOString(),
      algorithm: "Ed25519",
      keyId: publicKeyId(publicKey),
      publicKey,
    };
    const signature = sign(null, Buffer.from(checkpointMessage(body)), mallory.privateKey).toString("base64");
    await db()
      .insert(auditCheckpoints)
      .values({ ...body, signature });
    const r = await verify();
    expect(r.finding).toMatchObject({ seq: keep.seq, problem: "bad_checkpoint" });
    expect(r.finding.message).toContain("does not trust");
    // Trusting the forger's key is the verifier's mistake to make; with the real key the cut shows.
    const { id: _id, ...exported } = real;
    const pinned = await t.as("auditor")("POST", "/api/v1/audit/verify", {
      checkpoints: [exported],
      publicKeys: [serverPublicKey],
    });
    expect(pinned.body.finding).toMatchObject({ problem: "bad_checkpoint" });
    await db().delete(auditCheckpoints);
    const cut = await t.as("auditor")("POST", "/api/v1/audit/verify", {
      checkpoints: [exported],
      publicKeys: [serverPublicKey],
    });
    expect(cut.body.finding).toMatchObject({ seq: keep.seq + 1, problem: "truncated" });
  });

  it("an exported checkpoint checked with another public key does not count", async () => {
    const { id: _id, ...exported } = await checkpoint();
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    const r = await t.as("auditor")("POST", "/api/v1/audit/verify", {
      checkpoints: [exported],
      publicKeys: [other],
    });
    expect(r.body.finding).toMatchObject({ problem: "bad_checkpoint" });
    const junk = await t.as("auditor")("POST", "/api/v1/audit/verify", {
      checkpoints: [],
      publicKeys: ["nope"],
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error.field).toBe("publicKeys");
  });
});
