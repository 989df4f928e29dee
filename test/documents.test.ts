/**
 * Legal documents end to end through the HTTP API, on PGlite and PostgreSQL:
 * an NTA generated for a stored case reads back (pdftotext) with the name,
 * A-number and hearing; the stored data re-renders to the same bytes; the
 * library's refusals come back naming every missing field or the rule;
 * service is recorded (DP-03: counsel of record must be served) and appends
 * nta.served; a bulk job stopped mid-way resumes without printing twice.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentJobRunner } from "../src/app/documents/job-runner.js";
import { sha256 } from "../src/documents/canonical.js";
import { type DocumentData, type FormId, renderFromData } from "../src/documents/index.js";
import { pdfText } from "../src/documents/pdf-text.js";
import { counsel } from "../src/store/schema.js";
import { documents } from "../src/store/schema-documents.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const hearing = {
  date: "2027-01-12",
  time: "09:30",
  place: "Houston Immigration Court, 600 Jefferson St, Houston, TX",
};
const ntaDetails = {
  nta: {
    charges: [
      {
        section: "212(a)(6)(A)(i)",
        description: "an alien present in the United States without being admitted or paroled",
      },
    ],
    hearing,
  },
};
const address = { line1: "1457 Alder Court, Apt 3", city: "Pasadena", state: "TX", postalCode: "77506" };

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(backends())("documents on %s", (backend) => {
  let t: TestApp;
  let office: string;
  let officer: ReturnType<TestApp["as"]>;
  /** NTAs are signed by a supervisor: an officer may not issue one (NTA-08). */
  let supervisor: ReturnType<TestApp["as"]>;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    officer = t.as("officer");
    supervisor = t.as("supervisor");
    office = (await officer("GET", "/api/v1/me")).body.offices[0];
  });
  afterAll(() => t?.close());

  /** A case with what an NTA needs from the person (address), history up to the charge. */
  const open = async (person: Record<string, unknown> = {}) => {
    seq += 1;
    const r = await officer("POST", "/api/v1/cases", {
      person: {
        givenName: "Ana María",
        familyName: `Quintero-${seq}`,
        aNumber: `A201-555-${String(100 + seq).padStart(3, "0")}`,
        birthDate: "1991-07-14",
        birthCountry: "HN",
        citizenship: ["HN"],
        languages: ["es"],
        sex: "F",
        facts: { address },
        ...person,
      },
      case: { kind: "removal_240", officeCode: office },
      events: [
        { on: "2019-05-02", type: "entry", manner: "ewi" },
        { on: "2026-11-20", type: "encounter", location: "traffic_stop" },
      ],
    });
    expect(r.status).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };

  const pdfOf = async (docId: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/documents/${docId}/pdf`,
      headers: { authorization: `Bearer ${await t.token("officer")}` },
    });
    return {
      status: res.statusCode,
      type: res.headers["content-type"],
      bytes: new Uint8Array(res.rawPayload),
    };
  };

  it("generates an NTA for a stored case; the PDF reads back with name, A-number and hearing", async () => {
    const c = await open({
      aliases: [
        { given: "Ana", family: "Quintero" },
        { given: "Rosa", family: "Escondida", kind: "protected" },
      ],
    });
    const r = await supervisor("POST", `/api/v1/cases/${c.number}/documents`, {
      form: "I-862",
      details: ntaDetails,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      form: "I-862",
      templateVersion: "v1",
      lang: "es",
      generatedBy: "supervisor",
    });
    const pdf = await pdfOf(r.body.id);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(sha256(pdf.bytes)).toBe(r.body.pdfSha256);
    const text = pdfText(pdf.bytes);
    expect(text).toContain(`QUINTERO-${seq}, Ana María`);
    expect(text).toContain(`A201-555-${100 + seq}`);
    expect(text).toContain(hearing.date);
    expect(text).toContain(hearing.time);
    expect(text).toContain("600 Jefferson St");
    expect(text).toContain(c.number);
    expect(text).toContain("Ana Quintero");
    expect(text).not.toContain("Escondida"); // a name from a confidential filing never prints
    const list = await officer("GET", `/api/v1/cases/${c.caseId}/documents`);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([r.body.id]);
  });

  it("stores the exact data: re-rendering it with the stored template version gives the same bytes", async () => {
    const c = await open();
    const r = await supervisor("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "I-862",
      lang: "fr",
      details: ntaDetails,
    });
    expect(r.status).toBe(201);
    const verify = await officer("GET", `/api/v1/documents/${r.body.id}/verify`);
    expect(verify.body).toMatchObject({
      reproducible: true,
      dataHashMatches: true,
      storedBytesMatchHash: true,
    });
    const meta = await officer("GET", `/api/v1/documents/${r.body.id}`);
    expect(meta.body.data.lang).toBe("fr");
    const again = renderFromData(
      meta.body.form as FormId,
      meta.body.templateVersion,
      meta.body.data as DocumentData,
      meta.body.lang,
    );
    const stored = await pdfOf(r.body.id);
    expect(Buffer.from(again.pdf).equals(Buffer.from(stored.bytes))).toBe(true);
    expect(again.dataHash).toBe(meta.body.dataHash);
  });

  it("refuses incomplete documents listing every missing field, and law refusals citing the rule", async () => {
    const c = await open({ facts: {}, birthDate: undefined });
    const incomplete = await supervisor("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "I-862",
      details: { nta: { hearing } },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe("document_incomplete");
    expect(incomplete.body.error.details.missing).toEqual(["person.birthDate", "person.address", "charges"]);
    // No hearing at all: NTA-01 refuses, and the refusal still lists every missing field.
    const bare = await supervisor("POST", `/api/v1/cases/${c.caseId}/documents`, { form: "I-862" });
    expect(bare.body.error.code).toBe("document_refused");
    expect(bare.body.error.details.rules).toEqual(["NTA-01"]);
    expect(bare.body.error.details.missing).toEqual(
      expect.arrayContaining(["person.address", "charges", "hearing.date", "hearing.time", "hearing.place"]),
    );
    const tbd = await supervisor("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "I-862",
      details: { nta: { ...ntaDetails.nta, hearing: { date: "TBD", time: "TBD", place: "TBD" } } },
    });
    expect(tbd.status).toBe(422);
    expect(tbd.body.error.code).toBe("document_refused");
    expect(tbd.body.error.details.rules).toEqual(["NTA-01"]);
    const detainer = await officer("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "I-247A",
      details: { i247a: { agency: { name: "County Jail", address }, basis: "proceedings_pending" } },
    });
    expect(detainer.body.error.details.rules).toContain("ARR-04");
    const consulate = await officer("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "TRAVEL-DOC-REQUEST",
      details: {
        travelDocument: {
          country: "HN",
          consulate: { name: "Consulate of Honduras", address },
          remarks: "asylum application pending",
        },
      },
    });
    expect(consulate.body.error.code).toBe("document_refused");
    expect(consulate.body.error.details.rules).toContain("CONF-01");
    const list = await officer("GET", `/api/v1/cases/${c.caseId}/documents`);
    expect(list.body.items).toEqual([]);
    const other = await t.as("counsel")("POST", `/api/v1/cases/${c.caseId}/documents`, { form: "I-826" });
    expect(other.status).toBe(403);
  });

  it("records service; an NTA served without counsel of record is blocked (DP-03); service appends nta.served", async () => {
    const [lawyer] = await t.ctx.database.db.select().from(counsel).limit(1);
    const c = await open({ counselId: lawyer.id });
    const doc = await supervisor("POST", `/api/v1/cases/${c.caseId}/documents`, {
      form: "I-862",
      details: ntaDetails,
    });
    expect(doc.status).toBe(201);
    const serve = (body: Record<string, unknown>) =>
      officer("POST", `/api/v1/documents/${doc.body.id}/service`, { on: "2026-11-27", at: "10:15", ...body });
    const personOnly = await serve({
      expectedVersion: c.version,
      recipients: [{ to: "person", method: "personal" }],
    });
    expect(personOnly.status).toBe(422);
    expect(personOnly.body.error.code).toBe("blocked_by_law");
    expect(personOnly.body.error.details.rules).toContain("DP-03");
    const noVersion = await serve({
      recipients: [
        { to: "person", method: "personal" },
        { to: "counsel", method: "mail" },
      ],
    });
    expect(noVersion.body.error.field).toBe("expectedVersion");
    const notUnderstood = await serve({
      expectedVersion: c.version,
      lang: "en",
      recipients: [
        { to: "person", method: "personal" },
        { to: "counsel", method: "mail" },
      ],
    });
    expect(notUnderstood.body.error.code).toBe("acknowledgement_required");
    expect(notUnderstood.body.error.message).toContain("NTA-06");
    const both = await serve({
      expectedVersion: c.version,
      lang: "es",
      recipients: [
        { to: "person", method: "personal" },
        { to: "counsel", method: "mail", name: lawyer.name },
      ],
    });
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    expect(both.body.services.map((s: { servedTo: string }) => s.servedTo)).toEqual(["person", "counsel"]);
    expect(both.body.version).toBe(c.version + 1);
    const view = await officer("GET", `/api/v1/cases/${c.caseId}`);
    const served = view.body.history.at(-1).event;
    expect(served).toMatchObject({
      type: "nta.served",
      servedTo: "person",
      method: "personal",
      copyToCounsel: true,
      language: "es",
      documentId: doc.body.id,
      hearing,
    });
    expect(view.body.case.stage).toBe("charged");
    const again = await serve({
      expectedVersion: c.version,
      recipients: [
        { to: "person", method: "personal" },
        { to: "counsel", method: "mail" },
      ],
    });
    expect(again.status).toBe(409);
    const listed = await officer("GET", `/api/v1/documents/${doc.body.id}`);
    expect(listed.body.services).toHaveLength(2);
    expect(listed.body.services[0]).toMatchObject({
      on: "2026-11-27",
      at: "10:15",
      lang: "es",
      servedBy: "officer",
    });
    // A notice of rights is not an NTA: its service is recorded without touching the history.
    const i826 = await officer("POST", `/api/v1/cases/${c.caseId}/documents`, { form: "I-826" });
    const s826 = await officer("POST", `/api/v1/documents/${i826.body.id}/service`, {
      on: "2026-11-27",
      recipients: [{ to: "person", method: "personal" }],
    });
    expect(s826.status).toBe(201);
    expect(s826.body.eventSeq).toBeNull();
  });

  it("a bulk job stopped mid-way resumes without duplicates and records refusals per case", async () => {
    const cases = [await open(), await open(), await open({ facts: {} }), await open(), await open()];
    const runner = documentJobRunner(t.ctx);
    const stopAt = 2;
    const off = runner.onItem((e) => {
      if (e.processed === stopAt) void runner.stop();
    });
    const created = await supervisor("POST", "/api/v1/document-jobs", {
      form: "I-862",
      details: ntaDetails,
      selection: { caseIds: cases.map((c) => c.number) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const jobId = created.body.id;
    expect(created.body.total).toBe(5);
    await until(
      async () => runner.active,
      (active) => !active,
    );
    off();
    const halfway = await officer("GET", `/api/v1/document-jobs/${jobId}`);
    expect(halfway.body.status).toBe("running");
    expect(halfway.body.done + halfway.body.failed).toBe(stopAt);
    expect(halfway.body.items.filter((i: { status: string }) => i.status === "pending")).toHaveLength(3);

    runner.start(); // as on a server restart: unfinished jobs are resumed
    const done = await until(
      async () => (await officer("GET", `/api/v1/document-jobs/${jobId}`)).body,
      (j) => j.status === "done",
    );
    expect(done.progress).toBe(1);
    expect(done.done).toBe(4);
    expect(done.failed).toBe(1);
    // A list of cases is processed in the order given.
    expect(done.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual(cases.map((c) => c.number));
    const refused = done.items.find((i: { status: string }) => i.status === "refused");
    expect(refused.caseNumber).toBe(cases[2].number);
    expect(refused.error.details.missing).toContain("person.address");
    const printed = await t.ctx.database.db
      .select({ caseId: documents.caseId })
      .from(documents)
      .where(and(eq(documents.jobId, jobId), isNotNull(documents.jobId)));
    expect(printed).toHaveLength(4);
    expect(new Set(printed.map((p) => p.caseId)).size).toBe(4);

    const byOffice = await officer("POST", "/api/v1/document-jobs", {
      form: "I-826",
      selection: { officeCode: office, stage: "intake" },
    });
    expect(byOffice.status).toBe(202);
    const finished = await until(
      async () => (await officer("GET", `/api/v1/document-jobs/${byOffice.body.id}`)).body,
      (j) => j.status === "done",
    );
    expect(finished.total).toBeGreaterThanOrEqual(cases.length);
    const outside = await officer("POST", "/api/v1/document-jobs", {
      form: "I-826",
      selection: { officeCode: "ZZZ-not-mine" },
    });
    expect(outside.status).toBe(403);
  });

  it("documents the endpoints in the OpenAPI description", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = Object.keys(JSON.parse(res.body).paths);
    for (const p of [
      "/api/v1/cases/{id}/documents",
      "/api/v1/documents/{docId}",
      "/api/v1/documents/{docId}/pdf",
      "/api/v1/documents/{docId}/service",
      "/api/v1/document-jobs",
      "/api/v1/document-jobs/{jobId}",
    ]) {
      expect(paths).toContain(p);
    }
  });
});
