/**
 * The foundation end to end through the HTTP API, on PGlite and PostgreSQL:
 * open a case, append events, a stale write conflicts, bad input is refused
 * naming the field with nothing written, search finds names in any script.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../src/domain/audit-hash.js";
import { readAudit } from "../src/store/repositories/audit.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

describe.each(backends())("foundation on %s", (backend) => {
  let t: TestApp;
  let office: string;
  let otherOffice: string;
  let officer: ReturnType<TestApp["as"]>;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    officer = t.as("officer");
    const me = await officer("GET", "/api/v1/me");
    office = me.body.offices[0];
    const offices = await officer("GET", "/api/v1/offices");
    otherOffice = offices.body.items
      .map((o: { code: string }) => o.code)
      .find((c: string) => !me.body.offices.includes(c));
  });
  afterAll(() => t?.close());

  const open = (over: Record<string, unknown> = {}, officeCode = office) =>
    officer("POST", "/api/v1/cases", {
      person: { givenName: "Ana", familyName: "Test", citizenship: ["HN"], languages: ["es"], ...over },
      case: { kind: "removal_240", officeCode },
      events: [{ on: "2026-01-05", type: "encounter", location: "jail" }],
    });

  it("opens a case and appends events with an optimistic version check", async () => {
    const r = await open({ aNumber: "A 123-456-789", birthDate: "1990-03" });
    expect(r.status).toBe(201);
    expect(r.body.version).toBe(1);
    const add = (version: number, event: object) =>
      officer("POST", `/api/v1/cases/${r.body.number}/events`, { expectedVersion: version, event });
    const nta = await add(1, {
      on: "2026-01-06",
      type: "nta.served",
      hearing: { date: "2026-03-02", time: "09:00", place: "Houston" },
      servedTo: "person",
      method: "personal",
    });
    expect(nta.status).toBe(201);
    expect(nta.body.state.stage).toBe("charged");
    const stale = await add(1, { on: "2026-01-07", type: "hearing.missed" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe("expectedVersion");
    const view = await officer("GET", `/api/v1/cases/${r.body.caseId}`);
    expect(view.body.person.aNumber).toBe("A123456789");
    expect(view.body.history.map((h: { event: { type: string } }) => h.event.type)).toEqual([
      "encounter",
      "nta.served",
    ]);
    expect(view.body.case.version).toBe(2);
  });

  it("a correction supersedes an event without editing it", async () => {
    const r = await open();
    const v1 = await officer("POST", `/api/v1/cases/${r.body.caseId}/events`, {
      expectedVersion: 1,
      event: { on: "2026-02-01", type: "custody.released", via: "bond" },
    });
    expect(v1.status).toBe(201);
    const fix = await officer("POST", `/api/v1/cases/${r.body.caseId}/events`, {
      expectedVersion: 2,
      event: {
        on: "2026-02-02",
        type: "event.superseded",
        supersedes: 2,
        reason: "entered on the wrong case",
      },
    });
    expect(fix.status).toBe(201);
    const h = await officer("GET", `/api/v1/cases/${r.body.caseId}/history`);
    expect(h.body.events).toHaveLength(3);
    expect(h.body.events[1].superseded).toBe(true);
    expect(h.body.events[1].event.via).toBe("bond");
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const r = await open();
    const id = r.body.caseId;
    const before = await officer("GET", `/api/v1/cases/${id}`);
    const cases = [
      { body: "{not json", field: "body" },
      { body: { expectedVersion: 1, event: { on: "2026-02-01", type: "teleport" } }, field: "event.type" },
      {
        body: { expectedVersion: 1, event: { on: "2026-02-30x", type: "hearing.missed" } },
        field: "event.on",
      },
      {
        body: { expectedVersion: 1, event: { on: "2025-12-01", type: "hearing.missed" } },
        field: "event.on",
      },
      {
        body: { expectedVersion: 1, event: { on: "2026-02-01", type: "custody.released", via: "teleport" } },
        field: "event.via",
      },
      {
        body: { expectedVersion: 1, event: { on: "2027-02-01", type: "hearing.missed" } },
        field: "event.on",
      },
    ];
    for (const c of cases) {
      const res = await officer("POST", `/api/v1/cases/${id}/events`, c.body);
      expect(res.status, JSON.stringify(c.body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(c.field);
    }
    const badA = await open({ aNumber: "A12" });
    expect(badA.status).toBe(400);
    expect(badA.body.error.field).toBe("person.aNumber");
    const after = await officer("GET", `/api/v1/cases/${id}`);
    expect(after.body.case.version).toBe(before.body.case.version);
    expect(after.body.history).toHaveLength(before.body.history.length);
  });

  it("finds names in Arabic script and with diacritics typed without them", async () => {
    await open({
      givenName: "Mohammed",
      familyName: "Al-Ahmad",
      aliases: [{ given: "محمد", family: "الأحمد", script: "Arab", kind: "native" }],
    });
    await open({ givenName: "José", familyName: "Núñez" });
    const arabic = await officer("GET", `/api/v1/cases?q=${encodeURIComponent("محمد الأحمد")}`);
    expect(arabic.body.items.map((i: { familyName: string }) => i.familyName)).toContain("Al-Ahmad");
    const plain = await officer("GET", `/api/v1/cases?q=${encodeURIComponent("jose nunez")}`);
    expect(plain.body.items[0].familyName).toBe("Núñez");
    const typo = await officer("GET", `/api/v1/cases?q=${encodeURIComponent("Jose Nunes")}`);
    expect(typo.body.items.map((i: { familyName: string }) => i.familyName)).toContain("Núñez");
    const byA = await open({ givenName: "Li", familyName: "Wei", aNumber: "A98765432" });
    expect(byA.status).toBe(201);
    const a = await officer("GET", "/api/v1/cases?q=A098765432");
    expect(a.body.items).toHaveLength(1);
  });

  it("one access check: another office's case is refused, unauthenticated is 401", async () => {
    const admin = t.as("admin");
    const r = await admin("POST", "/api/v1/cases", {
      person: { givenName: "Other", familyName: "Office" },
      case: { kind: "removal_240", officeCode: otherOffice },
    });
    expect(r.status).toBe(201);
    expect((await officer("GET", `/api/v1/cases/${r.body.caseId}`)).status).toBe(403);
    const list = await officer("GET", "/api/v1/cases?q=other%20office");
    expect(list.body.items).toHaveLength(0);
    const anon = await t.app.inject({ method: "GET", url: "/api/v1/cases" });
    expect(anon.statusCode).toBe(401);
    expect((await t.as("analyst")("GET", "/api/v1/cases")).status).toBe(403);
  });

  it("every write is in the audit chain, which verifies", async () => {
    const rows = await readAudit(t.ctx.database.db);
    expect(rows.length).toBeGreaterThan(5);
    expect(verifyChain(rows)).toBeNull();
    const edited = rows.map((r, i) => (i === 2 ? { ...r, actor: "someone-else" } : r));
    expect(verifyChain(edited)).toEqual({ seq: rows[2].seq, problem: "edited" });
  });

  it("serves OpenAPI 3.1 and health", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(doc.json().openapi).toBe("3.1.0");
    expect(Object.keys(doc.json().paths)).toContain("/api/v1/cases/{id}/events");
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.json().database.status).toBe("up");
  });
});
