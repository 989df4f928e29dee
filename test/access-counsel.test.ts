/**
 * Counsel of record, end to end on both backends: the `counsel` user reads the
 * cases they represent — the case, its documents (metadata, PDF, verify), its
 * movements and the verdict an action would get — and nothing else. Another
 * case, even in the same office, answers exactly as a missing one does; every
 * write is refused before anything is looked up; the confidential parts of a
 * client's case follow the same rule as for an officer (a stated purpose).
 * The generated matrix (test/access-matrix.test.ts) covers the GET routes;
 * this file covers the records under a case and the probing answers.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkCounselUser } from "../src/app/oversight/counsel-users.js";
import { counsel, users } from "../src/store/schema.js";
import { userCounsel } from "../src/store/schema-oversight.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const TODAY = "2026-11-27";
const MISSING = "00000000-0000-4000-8000-00000000beef";
const PURPOSE = "Preparing the client's merits hearing";

const ntaDetails = {
  nta: {
    charges: [
      {
        section: "212(a)(6)(A)(i)",
        description: "an alien present in the United States without being admitted or paroled",
      },
    ],
    hearing: { date: "2027-01-12", time: "09:30", place: "Houston Immigration Court, Houston, TX" },
  },
};

/** A final order to El Salvador, ready for a removal flight. */
const ordered = [
  { on: "2026-06-01", type: "order.issued", by: "IJ", kind: "removal", delivery: "oral", countries: ["SV"] },
  { on: "2026-06-01", type: "appeal.waived", knowing: true },
  { on: "2026-09-01", type: "travel_document.issued", country: "SV", validUntil: "2030-01-01" },
  {
    on: "2026-11-10",
    type: "removal_notice.served",
    country: "SV",
    language: "es",
    servedTo: ["person"],
    method: "personal",
  },
  { on: "2026-11-10", type: "fear.inquired", country: "SV", expressed: false },
  { on: "2026-11-20", type: "medical.clearance", fit: true },
];

describe.each(backends())("counsel of record (%s)", (backend) => {
  let t: TestApp;
  let n = 0;
  /** client: represented by the counsel user; conf: also theirs, with an asylum claim; stranger: same office, other counsel; far: another office. */
  const c: Record<"client" | "conf" | "stranger" | "far", { caseId: string; number: string }> = {} as never;
  const docs: Record<"client" | "stranger", string> = {} as never;
  let movement: string;

  const raw = async (who: string, method: string, url: string, body?: object, purpose?: string) => {
    const res = await t.app.inject({
      method: method as "GET",
      url,
      headers: {
        authorization: `Bearer ${await t.token(who)}`,
        ...(purpose ? { "x-purpose": purpose } : {}),
      },
      ...(body ? { payload: body } : {}),
    });
    return { status: res.statusCode, text: res.body, json: () => JSON.parse(res.body) };
  };
  const asCounsel = (method: string, url: string, body?: object, purpose?: string) =>
    raw("counsel", method, url, body, purpose);

  const open = async (office: string, counselId: string | null, events: object[]) => {
    n += 1;
    const r = await t.as("admin")("POST", "/api/v1/cases", {
      person: {
        givenName: `Client${n}`,
        familyName: "Counsel",
        aNumber: `A301-555-${String(100 + n).padStart(3, "0")}`,
        birthDate: "1990-01-01",
        birthCountry: "SV",
        citizenship: ["SV"],
        languages: ["es"],
        sex: "M",
        facts: {
          represented: !!counselId,
          address: { line1: "12 Elm St", city: "Houston", state: "TX", postalCode: "77002" },
        },
        ...(counselId ? { counselId } : {}),
      },
      case: { kind: "removal_240", officeCode: office },
      events: [{ on: "2019-05-02", type: "entry", manner: "ewi" }, ...events],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { caseId: r.body.caseId as string, number: r.body.number as string };
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: TODAY });
    const db = t.ctx.database.db;
    const [user] = await db.select().from(users).where(eq(users.username, "counsel"));
    const linked = await db.select().from(userCounsel).where(eq(userCounsel.userId, user.id));
    const all = await db.select({ id: counsel.id }).from(counsel).limit(5);
    const mine = linked[0]?.counselId ?? all[0].id;
    if (!linked.length) await linkCounselUser(t.ctx, "system", "counsel", mine);
    const theirs = all.find((x) => x.id !== mine && !linked.some((l) => l.counselId === x.id))!.id;

    c.client = await open("HOU", mine, ordered);
    c.conf = await open("HOU", mine, [
      { on: "2026-06-01", type: "order.issued", by: "IJ", kind: "removal", countries: ["SV"] },
      { on: "2026-11-21", type: "fear.claimed", country: "SV" },
      { on: "2026-11-21", type: "application.filed", form: "I-589", pending: true },
    ]);
    c.stranger = await open("HOU", theirs, ordered);
    c.far = await open("LOS", null, ordered);

    for (const k of ["client", "stranger"] as const) {
      // NTAs are signed by a supervisor (NTA-08).
      const d = await t.as("supervisor")("POST", `/api/v1/cases/${c[k].caseId}/documents`, {
        form: "I-862",
        details: ntaDetails,
      });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      docs[k] = d.body.id;
    }

    const facilities = await t.as("officer")("GET", "/api/v1/facilities");
    const facility = facilities.body.items.find((f: { officeCode: string }) => f.officeCode === "HOU").code;
    const m = await t.as("officer")("POST", "/api/v1/movements", {
      kind: "flight",
      country: "SV",
      departOn: TODAY,
      departAt: "10:00",
      tz: "America/Chicago",
      stagingFacilityCode: facility,
      seats: 4,
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    movement = m.body.id;
    for (const k of ["client", "stranger"] as const) {
      const r = await t.as("officer")("POST", `/api/v1/movements/${movement}/manifest`, {
        caseId: c[k].caseId,
        role: "primary",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  }, 180_000);
  afterAll(async () => t?.close());

  it("reads the client's documents: list, metadata, PDF and reproducibility check", async () => {
    const list = await asCounsel("GET", `/api/v1/cases/${c.client.caseId}/documents`);
    expect(list.status, list.text).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([docs.client]);
    const meta = await asCounsel("GET", `/api/v1/documents/${docs.client}`);
    expect(meta.status).toBe(200);
    expect(meta.json().caseNumber).toBe(c.client.number);
    const pdf = await asCounsel("GET", `/api/v1/documents/${docs.client}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith("%PDF")).toBe(true);
    const verify = await asCounsel("GET", `/api/v1/documents/${docs.client}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.json().reproducible).toBe(true);
  });

  it("a document of another case answers exactly as a missing document", async () => {
    for (const part of ["", "/pdf", "/verify"]) {
      const other = await asCounsel("GET", `/api/v1/documents/${docs.stranger}${part}`);
      const missing = await asCounsel("GET", `/api/v1/documents/${MISSING}${part}`);
      expect(other.status, part).toBe(404);
      expect(other.json().error.code).toBe(missing.json().error.code);
      expect(other.text.replace(docs.stranger, "ID")).toBe(missing.text.replace(MISSING, "ID"));
      // The officer of the office still reads it: the refusal is counsel's alone.
      expect((await raw("officer", "GET", `/api/v1/documents/${docs.stranger}${part}`)).status).toBe(200);
    }
  });

  it("reads the client's movements, but not the manifest (it lists other people)", async () => {
    const r = await asCounsel("GET", `/api/v1/cases/${c.client.caseId}/movements`);
    expect(r.status, r.text).toBe(200);
    expect(r.json().entries.map((e: { movement: { id: string } }) => e.movement.id)).toEqual([movement]);
    expect(r.text).not.toContain(c.stranger.number);
    expect((await asCounsel("GET", `/api/v1/movements/${movement}`)).status).toBe(404);
    const list = await asCounsel("GET", "/api/v1/movements");
    expect(list.text).not.toContain(c.stranger.number);
  });

  it("reads the verdict an action would get, and the deadlines, of the client's case", async () => {
    const action = { type: "removal.execute", on: TODAY, country: "SV" };
    const r = await asCounsel("POST", `/api/v1/cases/${c.client.caseId}/actions/evaluate`, { action });
    expect(r.status, r.text).toBe(200);
    const officer = await raw("officer", "POST", `/api/v1/cases/${c.client.caseId}/actions/evaluate`, {
      action,
    });
    expect(r.json().verdict).toEqual(officer.json().verdict);
    expect((await asCounsel("GET", `/api/v1/cases/${c.client.caseId}/deadlines`)).status).toBe(200);
  });

  it.each([
    ["stranger", "GET", "/documents"],
    ["stranger", "GET", "/movements"],
    ["stranger", "GET", "/deadlines"],
    ["stranger", "POST", "/actions/evaluate"],
    ["stranger", "GET", ""],
    ["far", "GET", "/documents"],
    ["far", "GET", "/movements"],
    ["far", "POST", "/actions/evaluate"],
  ] as const)("another case (%s) %s %s answers as a missing case", async (which, method, part) => {
    const body =
      method === "POST" ? { action: { type: "removal.execute", on: TODAY, country: "SV" } } : undefined;
    const other = await asCounsel(method, `/api/v1/cases/${c[which].caseId}${part}`, body);
    const missing = await asCounsel(method, `/api/v1/cases/${MISSING}${part}`, body);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.json().error.code).toBe("not_found");
    expect(other.text.replace(c[which].caseId, "ID")).toBe(missing.text.replace(MISSING, "ID"));
  });

  it("never writes: every write is refused, the same for the client's, another and a missing case", async () => {
    const version = (await asCounsel("GET", `/api/v1/cases/${c.client.caseId}`)).json().case.version;
    const writes = (id: string): [string, string, object][] => [
      [
        "POST",
        `/api/v1/cases/${id}/actions`,
        { expectedVersion: version, action: { type: "removal.execute", on: TODAY, country: "SV" } },
      ],
      [
        "POST",
        `/api/v1/cases/${id}/events`,
        { expectedVersion: version, event: { on: TODAY, type: "case.note", text: "x" } },
      ],
      ["POST", `/api/v1/cases/${id}/documents`, { form: "I-862", details: ntaDetails }],
      ["POST", `/api/v1/movements/${movement}/manifest`, { caseId: id, role: "primary" }],
      ["POST", `/api/v1/movements/${movement}/strike`, { caseId: id, reason: "counsel says so" }],
    ];
    for (const id of [c.client.caseId, c.stranger.caseId, MISSING]) {
      for (const [method, url, body] of writes(id)) {
        const r = await asCounsel(method, url, body);
        expect(r.status, `${method} ${url}: ${r.text}`).toBe(403);
      }
    }
    // Nothing was written to the client's case.
    expect((await asCounsel("GET", `/api/v1/cases/${c.client.caseId}`)).json().case.version).toBe(version);
  });

  it("sees the confidential parts of a client's verdict only with a stated purpose, like an officer", async () => {
    const url = `/api/v1/cases/${c.conf.caseId}/actions/evaluate`;
    const body = { action: { type: "removal.execute", on: TODAY, country: "SV" } };
    for (const who of ["counsel", "officer"]) {
      const hidden = await raw(who, "POST", url, body);
      expect(hidden.status, hidden.text).toBe(200);
      expect(hidden.text).not.toContain("I-589");
      expect(hidden.text).not.toMatch(/"PROT-/);
      const shown = await raw(who, "POST", url, body, PURPOSE);
      expect(shown.status).toBe(200);
      expect(shown.text).toMatch(/"PROT-/);
    }
    // Without need to know (admin), a purpose changes nothing.
    const admin = await raw("admin", "POST", url, body, PURPOSE);
    expect(admin.text).not.toMatch(/"PROT-/);
  });

  it("no list, export, search or board shows counsel another case", async () => {
    const others = [c.stranger, c.far];
    const urls = [
      "/api/v1/cases?limit=200",
      `/api/v1/cases?q=${encodeURIComponent("Counsel")}`,
      "/api/v1/exports/cases",
      "/api/v1/checks",
      "/api/v1/analytics/drilldown",
      "/api/v1/reviews",
      "/api/v1/queues/mine",
      "/api/v1/queues/HOU",
      "/api/v1/movements",
      "/api/v1/movements/alerts",
      "/api/v1/detention/board",
      "/api/v1/detention/proposals",
    ];
    for (const url of urls) {
      const r = await asCounsel("GET", url);
      expect(r.status, `${url}: ${r.text}`).toBeLessThan(500);
      for (const o of others) {
        expect(r.text.includes(o.number), `${url} shows ${o.number}`).toBe(false);
        expect(r.text.includes(o.caseId), `${url} shows ${o.caseId}`).toBe(false);
      }
    }
  });

  it("the case list holds the client's cases only", async () => {
    const r = await asCounsel("GET", "/api/v1/cases?limit=200");
    const ids = r.json().items.map((i: { id: string }) => i.id);
    expect(ids.sort()).toEqual([c.client.caseId, c.conf.caseId].sort());
  });
});
