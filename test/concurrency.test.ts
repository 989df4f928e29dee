/**
 * Concurrent writers on one case (POST /api/v1/cases/:id/events with expectedVersion): every write
 * either lands or is refused with a conflict that writes nothing; none is lost or doubled. On
 * PostgreSQL the writers really race on a pool of 20 connections; on PGlite (one connection) the
 * transactions queue, and the same guarantees hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHistory } from "../src/app/load-case.js";
import { canonicalJson, verifyChain } from "../src/domain/audit-hash.js";
import { projectCase } from "../src/domain/case-state.js";
import { readAudit } from "../src/store/repositories/audit.js";
import { getCase } from "../src/store/repositories/cases.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const TODAY = "2026-11-27";
const WRITERS = 50;

describe.each(backends())("concurrent writers on one case (%s)", (backend) => {
  let t: TestApp;
  let caseId: string;
  let initialEvents: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: TODAY });
    const r = await t.as("officer")("POST", "/api/v1/cases", {
      person: { givenName: "Race", familyName: "Condition", citizenship: ["MX"], languages: ["es"] },
      case: { kind: "removal_240", officeCode: "HOU" },
      events: [{ type: "case.note", on: "2026-01-05", text: "opened" }],
    });
    expect(r.status).toBe(201);
    caseId = r.body.caseId;
    initialEvents = 1;
  });
  afterAll(() => t?.close());

  const post = (who: string, version: number, text: string) =>
    t.as(who)("POST", `/api/v1/cases/${caseId}/events`, {
      expectedVersion: version,
      event: { type: "case.note", on: TODAY, text },
    });

  async function checkCase(expectedEvents: number) {
    const db = t.ctx.database.db;
    const row = await getCase(db, caseId);
    const history = await loadHistory(db, caseId);
    expect(history.length).toBe(expectedEvents);
    expect(history.map((h) => h.seq)).toEqual(Array.from({ length: expectedEvents }, (_, i) => i + 1));
    expect(row?.version).toBe(expectedEvents);
    expect(canonicalJson(row?.state)).toBe(canonicalJson(projectCase(history)));
    return history;
  }

  it("50 writers with the same expectedVersion: exactly one lands, 49 get a conflict naming the field", async () => {
    const before = (await t.as("officer")("GET", `/api/v1/cases/${caseId}/history`)).body.version as number;
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => post(i % 2 ? "officer" : "supervisor", before, `once ${i}`)),
    );
    const landed = answers.filter((a) => a.status === 201);
    const conflicts = answers.filter((a) => a.status === 409);
    expect(landed.length).toBe(1);
    expect(conflicts.length).toBe(WRITERS - 1);
    for (const c of conflicts) {
      expect(c.body.error.code).toBe("conflict");
      expect(c.body.error.field).toBe("expectedVersion");
    }
    initialEvents += 1;
    await checkCase(initialEvents);
  });

  it("50 writers retrying on conflict: every acknowledged write is there exactly once, none lost", async () => {
    let conflicts = 0;
    const writer = async (i: number): Promise<string> => {
      const who = i % 2 ? "officer" : "supervisor";
      for (let attempt = 0; ; attempt++) {
        const read = await t.as(who)("GET", `/api/v1/cases/${caseId}/history`);
        const r = await post(who, read.body.version, `writer ${i}`);
        if (r.status === 201) return `writer ${i}`;
        expect(r.status).toBe(409); // anything but a conflict is a failure
        expect(r.body.error.field).toBe("expectedVersion");
        conflicts++;
        if (attempt > 500) throw new Error(`writer ${i} starved`);
        // Jittered exponential backoff, as a client should: fewer wasted rounds than a tight retry.
        await new Promise((res) => setTimeout(res, Math.random() * Math.min(400, 10 * 2 ** attempt)));
      }
    };
    const acknowledged = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    console.log(`${backend}: ${WRITERS} writes landed after ${conflicts} conflicts`);
    const history = await checkCase(initialEvents + WRITERS);
    const texts = history.map((h) => (h.event as { text?: string }).text);
    for (const text of acknowledged) expect(texts.filter((x) => x === text)).toHaveLength(1);
    // Contention was real on a pool; on one connection it may not be.
    if (backend === "postgres") expect(conflicts).toBeGreaterThan(0);
    const audit = await readAudit(t.ctx.database.db, 0, 100_000);
    expect(verifyChain(audit)).toBeNull();
    const writes = audit.filter((a) => a.entityId === caseId && a.action === "event.case.note");
    expect(writes.length).toBe(WRITERS + 1); // no audit entry for a refused write
  }, 120_000);
});
