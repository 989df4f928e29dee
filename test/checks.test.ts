/**
 * Integrity checks on PGlite and PostgreSQL: each kind of problem, made on
 * purpose, is found and linked to its case; a clean case gives no finding; a
 * user sees findings only for cases they may list. And the history tree puts
 * corrections under what they correct and decisions under their requests.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyTree } from "../src/app/checks/history-tree.js";
import { projectCase } from "../src/domain/case-state.js";
import type { CaseEvent } from "../src/domain/events.js";
import { insertCase, insertEvents } from "../src/store/repositories/cases.js";
import { cases } from "../src/store/schema.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

type Call = ReturnType<TestApp["as"]>;
interface Finding {
  check: string;
  caseId: string;
  caseNumber: string;
  path: string;
  message: string;
}

describe.each(backends())("integrity checks on %s", (backend) => {
  let t: TestApp;
  let officer: Call;
  let admin: Call;
  let office: string;
  let otherOffice: string;
  const made: Record<string, { caseId: string; number: string }> = {};

  const open = async (name: string, events: object[], officeCode = office, as: Call = officer) => {
    const r = await as("POST", "/api/v1/cases", {
      person: { givenName: name, familyName: "Check", citizenship: ["MX"], languages: ["es"] },
      case: { kind: "removal_240", officeCode },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    made[name] = { caseId: r.body.caseId, number: r.body.number };
    return r.body as { caseId: string; number: string; version: number };
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    officer = t.as("officer");
    admin = t.as("admin");
    office = (await officer("GET", "/api/v1/me")).body.offices[0];
    const offices = (await admin("GET", "/api/v1/offices")).body.items.map((o: { code: string }) => o.code);
    otherOffice = offices.find((c: string) => c !== office);
    const facilities = (await officer("GET", "/api/v1/facilities")).body.items as {
      code: string;
      kinds: string[];
    }[];
    const [f1, f2] = facilities.filter((f) => f.kinds.includes("adult"));

    await open("Clean", [
      { on: "2026-11-20", type: "encounter", location: "jail" },
      {
        on: "2026-11-21",
        type: "nta.served",
        hearing: { date: "2027-01-12", time: "09:00", place: "Houston" },
        servedTo: "person",
        method: "personal",
      },
    ]);
    await open("Stuck", [{ on: "2026-01-05", type: "encounter", location: "jail" }]);
    const drift = await open("Drift", [{ on: "2026-11-20", type: "encounter", location: "jail" }]);
    // A projection written by a bug: the history says intake, the row says removed.
    const [row] = await t.ctx.database.db.select().from(cases).where(eq(cases.id, drift.caseId));
    await t.ctx.database.db
      .update(cases)
      .set({ stage: "removed", state: { ...(row.state as object), stage: "removed" } })
      .where(eq(cases.id, drift.caseId));
    await open("Overdue", [
      { on: "2026-01-05", type: "encounter", location: "jail" },
      {
        on: "2026-01-06",
        type: "nta.served",
        hearing: { date: "2026-03-02", time: "09:00", place: "Houston" },
        servedTo: "person",
        method: "personal",
      },
      {
        on: "2026-10-20",
        type: "order.issued",
        by: "IJ",
        kind: "removal",
        delivery: "oral",
        countries: ["MX"],
      },
    ]);
    const booked = (code: string, on: string) => [
      { on, type: "arrest", basis: "i200", location: "residence" },
      { on, type: "custody.booked", facility: { code, kind: "adult" }, authority: "236a" },
    ];
    const first = await open("Twice", booked(f1.code, "2026-11-02"));
    // A second case for the same person, held elsewhere at the same time (written straight to the store).
    const [p] = await t.ctx.database.db.select().from(cases).where(eq(cases.id, first.caseId));
    const events = booked(f2.code, "2026-11-05") as CaseEvent[];
    const stored = events.map((event, i) => ({ seq: i + 1, event }));
    const state = projectCase(stored);
    const id = randomUUID();
    await insertCase(t.ctx.database.db, {
      id,
      number: `${office}-2026-TWICE002`,
      personId: p.personId,
      kind: "removal_240",
      officeCode: office,
      stage: state.stage,
      state,
      facilityCode: state.facilityCode,
      lastEventOn: state.lastEventOn,
      eventCount: 2,
      version: 2,
    });
    await insertEvents(
      t.ctx.database.db,
      stored.map((s) => ({ caseId: id, seq: s.seq, type: s.event.type, on: s.event.on, body: s.event })),
    );
    made.Twice2 = { caseId: id, number: `${office}-2026-TWICE002` };
    await open("Elsewhere", [{ on: "2026-01-05", type: "encounter", location: "jail" }], otherOffice, admin);
  });
  afterAll(() => t?.close());

  const run = async (as: Call, qs = "") => {
    const r = await as("GET", `/api/v1/checks${qs}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { findings: Finding[]; counts: Record<string, number>; cases: number };
  };
  const of = (findings: Finding[], name: string) => findings.filter((f) => f.caseId === made[name].caseId);

  it("finds each problem, linked to its case, and nothing on a clean case", async () => {
    const { findings } = await run(admin);
    expect(of(findings, "Clean")).toEqual([]);
    expect(of(findings, "Stuck").map((f) => f.check)).toEqual(["stuck"]);
    expect(of(findings, "Stuck")[0].message).toMatch(/no event for 326 days at stage intake/);
    const drift = of(findings, "Drift");
    expect(drift.map((f) => f.check)).toEqual(["projection"]);
    expect(drift[0].message).toContain('state.stage is "removed", history gives "intake"');
    const overdue = of(findings, "Overdue").filter((f) => f.check === "deadline");
    expect(overdue).toHaveLength(1);
    expect(overdue[0].message).toContain("appeal.due (FIN-02) was due 2026-11-19");
    for (const name of ["Twice", "Twice2"])
      expect(of(findings, name).map((f) => f.check)).toEqual(["two-facilities"]);
    for (const f of findings) expect(f.path).toBe(`/cases/${encodeURIComponent(f.caseNumber)}`);
  });

  it("runs only the checks asked for, with a stuck threshold given", async () => {
    const r = await run(admin, "?only=stuck&stuckDays=5");
    expect(
      Object.entries(r.counts)
        .filter(([, n]) => n > 0)
        .map(([k]) => k),
    ).toEqual(["stuck"]);
    expect(of(r.findings, "Clean").map((f) => f.check)).toEqual(["stuck"]);
  });

  it("shows a user findings only for cases they may list", async () => {
    const mine = await run(officer);
    expect(of(mine.findings, "Stuck")).toHaveLength(1);
    expect(of(mine.findings, "Elsewhere")).toEqual([]);
    const all = await run(admin);
    expect(of(all.findings, "Elsewhere").map((f) => f.check)).toEqual(["stuck"]);
    expect((await t.as("analyst")("GET", "/api/v1/checks")).status).toBe(403);
  });

  it("prints a case's history as a tree: phases, corrections and review decisions nested", async () => {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "officer", s, office, "Tree");
    const view = async () => (await officer("GET", `/api/v1/cases/${c.caseId}`)).body;
    const r = await officer("POST", `/api/v1/cases/${c.caseId}/actions`, {
      expectedVersion: (await view()).case.version,
      action: s.action,
    });
    expect(r.status).toBe(202);
    const d = await t.as("supervisor")("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "denied",
      reason: "Not on this record; refer to the IJ.",
    });
    expect(d.status).toBe(200);
    const v = await view();
    const fix = await officer("POST", `/api/v1/cases/${c.caseId}/events`, {
      expectedVersion: v.case.version,
      event: { on: "2026-11-27", type: "event.superseded", supersedes: 1, reason: "wrong date" },
    });
    expect(fix.status).toBe(201);
    const lines = historyTree(await view());
    expect(lines[0]).toMatch(new RegExp(`^Case ${c.number} `));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const first = at(/#1 .*\[superseded\]/);
    const correction = at(/corrected by #\d+ 2026-11-27 event\.superseded/);
    expect(first).toBeGreaterThan(0);
    expect(correction).toBe(first + 1);
    expect(lines[correction].indexOf("corrected")).toBeGreaterThan(lines[first].indexOf("#1"));
    const request = at(/review\.requested/);
    const decided = at(/review\.decided .*decision=denied/);
    expect(decided).toBe(request + 1);
    expect(lines[decided].indexOf("#")).toBeGreaterThan(lines[request].indexOf("#"));
    expect(
      lines.some((l) => /^[├└]─ (intake|charged|in proceedings|ordered|final order) \(from /.test(l)),
    ).toBe(true);
  });
});
