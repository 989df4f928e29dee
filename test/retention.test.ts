/**
 * Retention: the purge deletes what the rules say (expired sessions and
 * tokens; closed cases N years after their last event, leaving a tombstone),
 * records that it did in the audit log, and never touches a case under a
 * legal hold. A dry run changes nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, sha256 } from "../src/domain/audit-hash.js";
import { auditLog, caseEvents, cases, credentials, persons } from "../src/store/schema.js";
import { caseTombstones } from "../src/store/schema-oversight.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

describe.each(backends())("retention (%s)", (backend) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const db = () => t.ctx.database.db;

  const open = async (name: string, events: object[]) => {
    const r = await t.as("admin")("POST", "/api/v1/cases", {
      person: { givenName: name, familyName: "Retention", citizenship: ["MX"], languages: ["es"] },
      case: { kind: "removal_240", officeCode: "HOU" },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[name] = r.body.caseId;
  };
  const removed = (on: string) => [
    { on: "2015-01-05", type: "encounter", location: "jail" },
    { on, type: "order.issued", by: "IJ", kind: "removal", countries: ["MX"] },
    { on, type: "departure.verified", country: "MX" },
  ];

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    await open("Old", removed("2016-03-01"));
    await open("Held", removed("2016-04-01"));
    await open("Recent", removed("2025-06-01"));
    await open("Open", [{ on: "2015-01-05", type: "encounter", location: "jail" }]);
    // An expired session and a live one.
    const [u] = await db().select().from(credentials).limit(1);
    await t.token("officer");
    await db()
      .insert(credentials)
      .values({
        hash: "expired-session-hash",
        userId: u?.userId ?? (await db().select().from(credentials).limit(1))[0].userId,
        kind: "session",
        expiresAt: new Date("2026-01-01T00:00:00Z"),
      });
  }, 120_000);
  afterAll(async () => t?.close());

  it("keeps closed cases for ever unless a rule says otherwise", async () => {
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: true });
    expect(r.status).toBe(200);
    expect(r.body.cases).toEqual([]);
    expect(r.body.sessions).toBe(1);
  });

  it("only admins set rules and purge; supervisors and auditors may place holds", async () => {
    expect((await t.as("officer")("POST", "/api/v1/retention/purge", { dryRun: true })).status).toBe(403);
    expect((await t.as("auditor")("PUT", "/api/v1/retention/policy", {})).status).toBe(403);
    const held = await t.as("supervisor")("POST", `/api/v1/cases/${ids.Held}/legal-hold`, {
      reason: "FOIA litigation",
    });
    expect(held.status).toBe(201);
    expect(
      (await t.as("officer")("POST", `/api/v1/cases/${ids.Old}/legal-hold`, { reason: "x-reason" })).status,
    ).toBe(403);
  });

  it("a dry run lists what a 7-year rule would purge, skipping held and recent cases, and changes nothing", async () => {
    const set = await t.as("admin")("PUT", "/api/v1/retention/policy", {
      closedCases: { years: 7, stages: ["removed", "terminated"] },
    });
    expect(set.status).toBe(200);
    const before = await db().select().from(caseEvents).where(eq(caseEvents.caseId, ids.Old));
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: true });
    expect(r.body.cases.map((c: { number: string }) => c.number)).toHaveLength(1);
    expect(r.body.cases[0].events).toBe(before.length);
    expect(await db().select().from(caseEvents).where(eq(caseEvents.caseId, ids.Old))).toHaveLength(
      before.length,
    );
  });

  it("purges: deletes the events, blanks the person, leaves a tombstone, audits it; the held case is untouched", async () => {
    const history = await db()
      .select({ seq: caseEvents.seq, body: caseEvents.body })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, ids.Old))
      .orderBy(caseEvents.seq);
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false });
    expect(r.status).toBe(200);
    expect(r.body.cases).toHaveLength(1);
    expect(r.body.sessions).toBe(1);
    expect(await db().select().from(caseEvents).where(eq(caseEvents.caseId, ids.Old))).toHaveLength(0);
    const [stone] = await db().select().from(caseTombstones).where(eq(caseTombstones.caseId, ids.Old));
    expect(stone).toMatchObject({ events: history.length, historyHash: sha256(canonicalJson(history)) });
    const [c] = await db().select().from(cases).where(eq(cases.id, ids.Old));
    const [p] = await db().select().from(persons).where(eq(persons.id, c.personId));
    expect(p.givenName).toBe("[purged]");
    expect(await db().select().from(caseEvents).where(eq(caseEvents.caseId, ids.Held))).toHaveLength(3);
    expect(await db().select().from(caseEvents).where(eq(caseEvents.caseId, ids.Recent))).toHaveLength(3);
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "retention.purge_case"));
    expect(audit.map((a) => a.entityId)).toEqual([ids.Old]);
    expect(
      await db().select().from(credentials).where(eq(credentials.hash, "expired-session-hash")),
    ).toHaveLength(0);
    // Nothing left to do on a second run; the audit chain still verifies.
    expect((await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false })).body.cases).toEqual(
      [],
    );
    expect((await t.as("auditor")("GET", "/api/v1/audit/verify")).body.ok).toBe(true);
  });

  it("releasing the hold makes the case purgeable", async () => {
    expect((await t.as("supervisor")("DELETE", `/api/v1/cases/${ids.Held}/legal-hold`)).status).toBe(200);
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: true });
    expect(r.body.cases.map((c: { number: string }) => c.number)).toHaveLength(1);
  });
});
