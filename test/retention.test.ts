/**
 * Retention: the purge deletes what the rules say (expired sessions and
 * tokens; closed cases N years after their last event, leaving a tombstone),
 * records that it did in the audit log, and never touches a case under a
 * legal hold. A dry run changes nothing. Document PDFs: see the second suite.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, sha256 } from "../src/domain/audit-hash.js";
import { auditLog, caseEvents, cases, credentials, persons } from "../src/store/schema.js";
import { documents } from "../src/store/schema-documents.js";
import { caseTombstones, documentPurges } from "../src/store/schema-oversight.js";
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

/**
 * Document PDFs: the documents rule deletes the PDF bytes and printed data of
 * documents of closed cases N years after they were generated; a purged case
 * takes its documents with it; a case under a legal hold keeps them. Each
 * purge is an audit entry and a purge record with the deleted bytes' hashes.
 */
describe.each(backends())("retention of document PDFs (%s)", (backend) => {
  let t: TestApp;
  let n = 0;
  const db = () => t.ctx.database.db;
  const cases_: Record<string, { caseId: string; number: string }> = {};
  const docs: Record<string, string> = {};

  const nta = {
    form: "I-862",
    details: {
      nta: {
        charges: [
          {
            section: "212(a)(6)(A)(i)",
            description: "an alien present in the United States without being admitted or paroled",
          },
        ],
        hearing: { date: "2016-01-12", time: "09:30", place: "Houston Immigration Court, Houston, TX" },
      },
    },
  };

  /** A case (open at first), with an NTA generated for it on `generatedOn`; `closeOn` terminates it. */
  const caseWithNta = async (name: string, generatedOn: string, closeOn?: string) => {
    n += 1;
    const r = await t.as("officer")("POST", "/api/v1/cases", {
      person: {
        givenName: name,
        familyName: "Documents",
        aNumber: `A401-555-${String(100 + n).padStart(3, "0")}`,
        birthDate: "1985-03-02",
        birthCountry: "HN",
        citizenship: ["HN"],
        languages: ["es"],
        sex: "F",
        facts: { address: { line1: "9 Oak St", city: "Houston", state: "TX", postalCode: "77002" } },
      },
      case: { kind: "removal_240", officeCode: "HOU" },
      events: [
        { on: "2014-05-02", type: "entry", manner: "ewi" },
        { on: "2015-01-05", type: "encounter", location: "traffic_stop" },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    cases_[name] = { caseId: r.body.caseId, number: r.body.number };
    docs[name] = await addNta(name, generatedOn);
    if (closeOn) {
      const e = await t.as("officer")("POST", `/api/v1/cases/${r.body.caseId}/events`, {
        expectedVersion: r.body.version,
        event: { on: closeOn, type: "order.issued", by: "IJ", kind: "termination" },
      });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
    }
  };
  /** Generates an NTA now and dates it `on` (as if printed then). */
  const addNta = async (name: string, on: string) => {
    // NTAs are signed by a supervisor (NTA-08).
    const d = await t.as("supervisor")("POST", `/api/v1/cases/${cases_[name].caseId}/documents`, nta);
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    await db()
      .update(documents)
      .set({ generatedAt: new Date(`${on}T12:00:00Z`) })
      .where(eq(documents.id, d.body.id));
    return d.body.id as string;
  };
  const pdf = (id: string) => t.as("officer")("GET", `/api/v1/documents/${id}/verify`);
  const stored = async (id: string) => (await db().select().from(documents).where(eq(documents.id, id)))[0];

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    await caseWithNta("Closed", "2016-01-10", "2016-03-01");
    docs.ClosedRecent = await addNta("Closed", "2025-06-01");
    await caseWithNta("Held", "2016-01-10", "2016-03-01");
    await caseWithNta("Open", "2016-01-10");
    const held = await t.as("supervisor")("POST", `/api/v1/cases/${cases_.Held.caseId}/legal-hold`, {
      reason: "litigation about the 2016 NTA",
    });
    expect(held.status).toBe(201);
  }, 180_000);
  afterAll(async () => t?.close());

  it("keeps documents for ever unless a rule says otherwise", async () => {
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false });
    expect(r.body.documents).toEqual([]);
    for (const id of Object.values(docs)) expect((await pdf(id)).body.reproducible).toBe(true);
  });

  it("a dry run lists the old document of the closed case only, and changes nothing", async () => {
    const set = await t.as("admin")("PUT", "/api/v1/retention/policy", { documents: { years: 5 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: true });
    expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual([docs.Closed]);
    expect(r.body.documents[0]).toMatchObject({ caseNumber: cases_.Closed.number, form: "I-862" });
    expect((await stored(docs.Closed)).pdf.byteLength).toBeGreaterThan(1000);
  });

  it("purges the PDF and data, records it (audit, purge record), keeps held, recent and open-case documents", async () => {
    const before = await stored(docs.Closed);
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false });
    expect(r.status).toBe(200);
    expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual([docs.Closed]);

    const after = await stored(docs.Closed);
    expect(after.pdf.byteLength).toBe(0);
    expect(after.data).toEqual({});
    // The hashes stay: proof of what was printed, not the print.
    expect(after).toMatchObject({ pdfSha256: before.pdfSha256, dataHash: before.dataHash });
    const [record] = await db()
      .select()
      .from(documentPurges)
      .where(eq(documentPurges.documentId, docs.Closed));
    expect(record).toMatchObject({
      caseId: cases_.Closed.caseId,
      rule: "documents:5y",
      pdfSha256: before.pdfSha256,
      pdfBytes: before.pdf.byteLength,
      dataHash: before.dataHash,
      purgedBy: "admin",
    });
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "retention.purge_document"));
    expect(audit.map((a) => [a.entity, a.entityId])).toEqual([["document", docs.Closed]]);

    // Reading it back says it was purged; nothing of it is served.
    const gone = await t.as("officer")("GET", `/api/v1/documents/${docs.Closed}/pdf`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain("purged");
    expect((await pdf(docs.Closed)).status).toBe(404);
    const meta = await t.as("officer")("GET", `/api/v1/documents/${docs.Closed}`);
    expect(meta.body.data).toEqual({});
    expect(JSON.stringify(meta.body)).not.toContain("Oak St");

    // Untouched: the held case's, the recent one, the open case's; and the closed case's history.
    for (const k of ["Held", "ClosedRecent", "Open"])
      expect((await pdf(docs[k])).body.reproducible, k).toBe(true);
    expect(
      await db().select().from(caseEvents).where(eq(caseEvents.caseId, cases_.Closed.caseId)),
    ).toHaveLength(3);
    expect(await db().select().from(documentPurges)).toHaveLength(1);

    // A second run has nothing left to do; the audit chain still verifies.
    expect(
      (await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false })).body.documents,
    ).toEqual([]);
    expect((await t.as("auditor")("GET", "/api/v1/audit/verify")).body.ok).toBe(true);
  });

  it("releasing the hold lets the held case's old document go", async () => {
    expect(
      (await t.as("supervisor")("DELETE", `/api/v1/cases/${cases_.Held.caseId}/legal-hold`)).status,
    ).toBe(200);
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false });
    expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual([docs.Held]);
    expect((await stored(docs.Held)).pdf.byteLength).toBe(0);
  });

  it("a purged case takes its remaining documents with it, in the same transaction and audit entry", async () => {
    const set = await t.as("admin")("PUT", "/api/v1/retention/policy", {
      documents: { years: 5 },
      closedCases: { years: 7, stages: ["terminated"] },
    });
    expect(set.status).toBe(200);
    const dry = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: true });
    expect(dry.body.cases.find((c: { number: string }) => c.number === cases_.Closed.number)).toMatchObject({
      documents: 1,
    });
    const r = await t.as("admin")("POST", "/api/v1/retention/purge", { dryRun: false });
    expect(r.body.cases.map((c: { number: string }) => c.number).sort()).toEqual(
      [cases_.Closed.number, cases_.Held.number].sort(),
    );
    const recent = await stored(docs.ClosedRecent);
    expect(recent.pdf.byteLength).toBe(0);
    const [record] = await db()
      .select()
      .from(documentPurges)
      .where(eq(documentPurges.documentId, docs.ClosedRecent));
    expect(record.rule).toBe("closedCases:7y");
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "retention.purge_case"), eq(auditLog.entityId, cases_.Closed.caseId)));
    expect((entry.detail as { documents: string[] }).documents).toEqual([docs.ClosedRecent]);
    // The open case keeps everything.
    expect((await pdf(docs.Open)).body.reproducible).toBe(true);
  });
});
