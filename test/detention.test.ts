/**
 * Detention end to end over the HTTP API, on PGlite and PostgreSQL: occupancy
 * is the projections' count, the population series ends on it, a person is
 * never in two places at once, a proposal keeps every hard constraint and
 * capacity, accepting is a transfer through the law engine (ALLOW, WARN,
 * REVIEW under policy), and counsel of record is notified (or the notice shows
 * as overdue).
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLawInputs } from "../src/app/law-inputs.js";
import { findCase } from "../src/app/load-case.js";
import { projectCase } from "../src/domain/case-state.js";
import type { Action } from "../src/law/types.js";
import { haversineKm } from "../src/placement/geo.js";
import { readAudit } from "../src/store/repositories/audit.js";
import { insertCase } from "../src/store/repositories/cases.js";
import { type FacilityRow, listFacilities } from "../src/store/repositories/reference.js";
import { putSetting } from "../src/store/repositories/settings.js";
import { cases, counsel, facilities } from "../src/store/schema.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const OFFICE = "HOU";
const booked = (on: string, code: string | undefined, kind = "adult") => ({
  on,
  type: "custody.booked",
  facility: code ? { code, kind } : { kind },
  authority: "236a",
});
/** A lawful detention history (warrant, arrest, booking, I-286, NTA) the law engine lets a transfer go ahead on. */
const lawfulHistory = (code: string | undefined, kind = code ? "adult" : "hold_room") => [
  { on: "2026-11-01", type: "warrant.issued", form: "I-200" },
  { on: "2026-11-02", at: "08:00", type: "arrest", basis: "i200", location: "residence" },
  { ...booked("2026-11-02", code, kind), at: "10:00" },
  { on: "2026-11-02", at: "12:00", type: "custody.determination", form: "I-286", decision: "detain" },
  {
    on: "2026-11-03",
    type: "nta.served",
    hearing: { date: "2026-12-10", time: "09:00", place: "Houston" },
    servedTo: "person",
    method: "personal",
  },
];

describe.each(backends())("detention on %s", (backend) => {
  let t: TestApp;
  let officer: ReturnType<TestApp["as"]>;
  let hou: FacilityRow[];
  let adult: FacilityRow[];
  /** Adult facilities that take both men and women (the first two). */
  let mixed: FacilityRow[];
  let near: { id: string };
  let far: { id: string };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    officer = t.as("officer");
    const db = t.ctx.database.db;
    hou = (await listFacilities(db)).filter((f) => f.officeCode === OFFICE);
    adult = hou.filter((f) => f.kinds.includes("adult") && f.levels.includes(1));
    mixed = adult.filter((f) => f.bedsMale > 0 && f.bedsFemale > 0);
    const all = await db.select().from(counsel);
    const km = (c: { lat: number; lon: number }) => haversineKm(c.lat, c.lon, 29.76, -95.37);
    all.sort((a, b) => km(a) - km(b));
    near = all[0];
    far = all[all.length - 1];
  });
  afterAll(() => t?.close());

  let n = 0;
  const open = async (person: Record<string, unknown>, events: object[], courtCode?: string) => {
    const r = await officer("POST", "/api/v1/cases", {
      person: {
        givenName: "Test",
        familyName: `Person${++n}`,
        birthDate: "1990-01-01",
        citizenship: ["HN"],
        languages: ["es"],
        sex: "M",
        ...person,
      },
      case: { kind: "removal_240", officeCode: OFFICE, ...(courtCode ? { courtCode } : {}) },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };
  const add = (c: { caseId: string }, version: number, event: object) =>
    officer("POST", `/api/v1/cases/${c.caseId}/events`, { expectedVersion: version, event });
  const view = async (id: string) => (await officer("GET", `/api/v1/cases/${id}`)).body;
  const detainedAt = async () => {
    const rows = await t.ctx.database.db
      .select({ code: cases.facilityCode, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(sql`${cases.state}->>'custody' = 'detained' and ${cases.facilityCode} is not null`)
      .groupBy(cases.facilityCode);
    return new Map(rows.map((r) => [r.code, r.n]));
  };

  it("occupancy equals the detained cases per facility, and the daily series ends on it", async () => {
    const [a, b] = mixed;
    await open({ facts: { detention: { level: 2 } } }, [booked("2026-11-20", a.code)]);
    await open({}, [booked("2026-11-21", a.code)]);
    await open({ sex: "F" }, [booked("2026-11-21", a.code)]);
    await open({}, [booked("2026-11-22", b.code)]);
    await open({}, [
      booked("2026-11-20", a.code),
      { on: "2026-11-22", type: "custody.released", via: "bond" },
    ]);
    const r = await officer("GET", `/api/v1/detention/board?office=${OFFICE}&days=30`);
    expect(r.status).toBe(200);
    const board = r.body;
    const expected = await detainedAt();
    for (const f of board.facilities) {
      expect(f.held.total, f.code).toBe(expected.get(f.code) ?? 0);
      expect(board.history.byFacility[f.code].at(-1), f.code).toBe(f.held.total);
    }
    const fa = board.facilities.find((f: { code: string }) => f.code === a.code);
    expect(fa.held).toMatchObject({ male: 2, female: 1, total: 3 });
    expect(fa.byLevel["2"].male).toBe(1);
    const day = (d: string) => board.history.days.indexOf(d);
    const series = board.history.byFacility[a.code];
    // The released person counts on 20 and 21 November, not from the 22nd.
    expect([
      series[day("2026-11-19")],
      series[day("2026-11-20")],
      series[day("2026-11-21")],
      series[day("2026-11-22")],
    ]).toEqual([0, 2, 4, 3]);
    const people = await officer("GET", `/api/v1/detention/facilities/${a.code}/people`);
    expect(people.body.people).toHaveLength(3);
    const other = await t.as("officer.mia")("GET", `/api/v1/detention/facilities/${a.code}/people`);
    expect(other.body.people).toHaveLength(0);
    expect(other.body.heldForOtherOffices).toBe(3);
  });

  it("never puts a person in two places at once", async () => {
    const [a, b] = mixed;
    const c = await open({}, [booked("2026-11-10", a.code)]);
    const again = await add(c, 1, booked("2026-11-11", b.code));
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe("event.type");
    expect((await add(c, 1, booked("2026-11-11", a.code))).status).toBe(201);
    const moved = await add(c, 2, {
      on: "2026-11-12",
      type: "custody.transferred",
      facility: { code: b.code, kind: "adult" },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.state.facilityCode).toBe(b.code);
    // A second case of the same person may not book them anywhere else.
    const first = await view(c.caseId);
    const secondId = randomUUID();
    await insertCase(t.ctx.database.db, {
      id: secondId,
      number: `${OFFICE}-2026-T${n}`,
      personId: first.person.id,
      kind: "reinstatement",
      officeCode: OFFICE,
      stage: "intake",
      state: projectCase([]),
      facilityCode: null,
      eventCount: 0,
      version: 0,
    });
    const elsewhere = await add({ caseId: secondId }, 0, booked("2026-11-13", a.code));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.message).toContain(b.code);
    expect((await detainedAt()).get(b.code)).toBeGreaterThan(0);
  });

  it("a proposal keeps every hard constraint and never exceeds the beds left", async () => {
    const db = t.ctx.database.db;
    // One free female bed in each HOU facility that takes women: capacity binds.
    const held = await detainedAt();
    for (const f of hou) {
      if (f.bedsFemale === 0) continue;
      const femaleHeld = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(cases)
        .innerJoin(sql`persons p`, sql`p.id = ${cases.personId}`)
        .where(
          and(eq(cases.facilityCode, f.code), sql`p.sex = 'F' and ${cases.state}->>'custody' = 'detained'`),
        );
      await db
        .update(facilities)
        .set({ bedsFemale: femaleHeld[0].n + 1 })
        .where(eq(facilities.code, f.code));
    }
    expect(held.size).toBeGreaterThan(0);
    const womenBeds = hou.filter(
      (f) => f.bedsFemale > 0 && f.kinds.includes("adult") && f.levels.includes(1),
    ).length;
    const women = [];
    for (let i = 0; i < womenBeds + 2; i++) women.push(await open({ sex: "F" }, lawfulHistory(undefined)));
    const level9 = await open({ facts: { detention: { level: 4 } } }, lawfulHistory(undefined));
    let settled = false;
    const pending = officer("POST", "/api/v1/detention/proposals", {
      office: OFFICE,
      mode: "arrivals",
    }).finally(() => {
      settled = true;
    });
    const me = await officer("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(settled).toBe(false); // the server answered while the optimizer ran in its worker thread
    const r = await pending;
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const p = r.body;
    const current = await listFacilities(db);
    const byCode = new Map(current.map((f) => [f.code, f]));
    const placedWomen = new Map<string, number>();
    for (const item of p.items) {
      if (!item.to) continue;
      const f = byCode.get(item.to)!;
      expect(f.kinds).toContain(item.facts.kind);
      expect(f.levels).toContain(item.facts.level);
      expect(f.medical).toBeGreaterThanOrEqual(item.facts.medicalNeed);
      if (item.facts.sex === "female") placedWomen.set(item.to, (placedWomen.get(item.to) ?? 0) + 1);
    }
    for (const count of placedWomen.values()) expect(count).toBe(1);
    expect([...placedWomen.values()].length).toBe(womenBeds);
    const unplaced = p.items.filter((i: { status: string }) => i.status === "unplaced");
    expect(unplaced.filter((i: { reason: string }) => /beds short/.test(i.reason))).toHaveLength(2);
    const l4 = p.items.find((i: { caseNumber: string }) => i.caseNumber === level9.number);
    expect(l4.status).toBe("unplaced");
    expect(l4.reason).toMatch(/no .*facility accepts security level 4/);
    expect(p.assumptions.assumed.level).toBe(women.length);
    expect(p.items.every((i: { reason: string }) => i.reason.length > 0)).toBe(true);
  });

  it("any transfer's law inputs carry DP-03's distance facts computed from the record", async () => {
    const db = t.ctx.database.db;
    const [from, to] = mixed;
    const transfer = (extra: object = {}): Action => ({
      type: "transfer",
      on: "2026-11-27",
      toFacility: { code: to.code, kind: "adult" },
      ...extra,
    });
    const farCase = await open({ counselId: far.id }, lawfulHistory(from.code));
    // Declared "not out of area" cannot override the record: counsel is far away.
    const a = transfer({ outOfArea: false, impedesCounselAccess: false });
    await loadLawInputs(db, await findCase(db, farCase.caseId), a);
    const farCounsel = (await db.select().from(counsel).where(eq(counsel.id, far.id)))[0];
    expect(a.counselKm).toBe(Math.round(haversineKm(farCounsel.lat, farCounsel.lon, to.lat, to.lon)));
    expect(a.counselKm).toBeGreaterThan(160);
    expect(a).toMatchObject({ impedesCounselAccess: true, outOfArea: true });
    // The generic action route computes them too: the officer declares nothing, DP-03 still speaks.
    const asked = await officer("POST", `/api/v1/cases/${farCase.caseId}/actions/evaluate`, {
      action: transfer(),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const dp03 = asked.body.verdict.findings.find((f: { rule: string }) => f.rule === "DP-03");
    expect(dp03?.outcome).toBe("WARN"); // without the computed facts it would read ALLOW

    const nearCase = await open({ counselId: near.id }, lawfulHistory(from.code));
    const b = transfer();
    await loadLawInputs(db, await findCase(db, nearCase.caseId), b);
    expect(b.counselKm).toBeLessThanOrEqual(160);
    expect(b.impedesCounselAccess).toBe(false);
    // A declared reason to treat the move as out of area is kept.
    const c = transfer({ outOfArea: true });
    await loadLawInputs(db, await findCase(db, nearCase.caseId), c);
    expect(c.outOfArea).toBe(true);

    // No counsel of record: no distance, nothing impeded; other actions are left alone.
    const alone = await open({}, lawfulHistory(from.code));
    const d = transfer();
    await loadLawInputs(db, await findCase(db, alone.caseId), d);
    expect(d.counselKm).toBeUndefined();
    expect(d.impedesCounselAccess).toBe(false);
    const other: Action = { type: "detention.continue", on: "2026-11-27" };
    await loadLawInputs(db, await findCase(db, alone.caseId), other);
    expect(other).toEqual({ type: "detention.continue", on: "2026-11-27" });
  });

  it("accepting performs the transfer through the law engine: ALLOW, WARN, then REVIEW under policy", async () => {
    const court = adult[0].courtCode ?? undefined;
    const propose = async (c: { number: string }) => {
      const r = await officer("POST", "/api/v1/detention/proposals", {
        office: OFFICE,
        mode: "cases",
        cases: [c.number],
      });
      expect(r.status).toBe(201);
      const item = r.body.items[0];
      expect(item.status).toBe("proposed");
      return { id: r.body.id as string, to: item.to as string };
    };
    const accept = (id: string, c: { number: string }, body: object = {}) =>
      officer("POST", `/api/v1/detention/proposals/${id}/cases/${c.number}/accept`, body);

    // No court on this case: only the distance from counsel (in Houston) decides DP-03.
    const ok = await open({ counselId: near.id }, lawfulHistory(undefined));
    const p1 = await propose(ok);
    const done = await accept(p1.id, ok);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.outcome.verdict.outcome).toBe("ALLOW");
    const v = await view(ok.caseId);
    expect(v.case.facility.code).toBe(p1.to);
    const types = v.history.map((h: { event: { type: string } }) => h.event.type);
    expect(types.slice(-2)).toEqual(["custody.transferred", "counsel.notified"]);
    const audit = (await readAudit(t.ctx.database.db)).filter((a) => a.entityId === ok.caseId);
    expect(audit.map((a) => a.action)).toContain("action.transfer");
    expect((await officer("GET", `/api/v1/detention/proposals/${p1.id}`)).body.items[0].status).toBe(
      "accepted",
    );

    const warned = await open({ counselId: far.id }, lawfulHistory(undefined), court);
    const p2 = await propose(warned);
    const first = await accept(p2.id, warned);
    expect(first.status).toBe(422);
    expect(first.body.error.code).toBe("acknowledgement_required");
    expect(first.body.error.details.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("DP-03");
    expect((await view(warned.caseId)).case.facility).toBeNull();
    const acknowledged = await accept(p2.id, warned, { acknowledge: true });
    expect(acknowledged.status).toBe(201);
    expect(acknowledged.body.outcome.status).toBe("done");

    await putSetting(t.ctx.database.db, "law", "policy", { transferImpedingCounsel: "review" });
    try {
      const reviewed = await open({ counselId: far.id }, lawfulHistory(undefined), court);
      const p3 = await propose(reviewed);
      const r = await accept(p3.id, reviewed);
      expect(r.status).toBe(202);
      expect(r.body.outcome.status).toBe("review_requested");
      expect((await view(reviewed.caseId)).case.facility).toBeNull();
      expect((await officer("GET", `/api/v1/detention/proposals/${p3.id}`)).body.items[0].status).toBe(
        "review_requested",
      );
      // Another supervisor approves in writing; the same stored action then goes ahead, once.
      const approved = await t.as("supervisor")(
        "POST",
        `/api/v1/reviews/${r.body.outcome.reviewId}/decision`,
        {
          decision: "approved",
          reason: "counsel agreed to video visits; no closer bed",
        },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBeLessThan(300);
      const goAhead = await accept(p3.id, reviewed, { reviewId: r.body.outcome.reviewId });
      expect(goAhead.status, JSON.stringify(goAhead.body)).toBe(201);
      expect((await view(reviewed.caseId)).case.facility.code).toBe(p3.to);
    } finally {
      await putSetting(t.ctx.database.db, "law", "policy", {});
    }
  });

  it("a transfer notifies counsel of record within 24 hours, or the notice shows as overdue", async () => {
    const [a, b] = mixed;
    const c = await open({ counselId: near.id }, [booked("2026-11-20", a.code)]);
    const moved = await add(c, 1, {
      on: "2026-11-25",
      at: "10:00",
      type: "custody.transferred",
      facility: { code: b.code, kind: "adult" },
    });
    expect(moved.status).toBe(201);
    const sweep = await officer("POST", "/api/v1/detention/counsel-notices/sweep", { office: OFFICE });
    expect(sweep.status).toBe(200);
    const mine = sweep.body.items.find((i: { caseId: string }) => i.caseId === c.caseId);
    expect(mine).toMatchObject({ status: "overdue", dueAt: "2026-11-26T10:00", facility: b.code });
    // Transfers accepted through a proposal were notified at once.
    expect(
      sweep.body.items.filter((i: { status: string }) => i.status === "sent").length,
    ).toBeGreaterThanOrEqual(2);
    const queue = await officer("GET", `/api/v1/queues/${OFFICE}`);
    const task = queue.body.items.find(
      (i: { caseId: string; kind: string }) => i.caseId === c.caseId && i.kind === "notice",
    );
    expect(task).toBeDefined();

    const sent = await officer("POST", `/api/v1/detention/cases/${c.caseId}/counsel-notice`, {
      method: "mail",
    });
    expect(sent.status).toBe(201);
    expect(sent.body.onTime).toBe(false);
    expect(sent.body.notice.text).toContain(b.code);
    const after = await officer("POST", "/api/v1/detention/counsel-notices/sweep", {
      office: OFFICE,
      dryRun: true,
    });
    expect(after.body.items.find((i: { caseId: string }) => i.caseId === c.caseId).status).toBe("sent_late");
    const queue2 = await officer("GET", `/api/v1/queues/${OFFICE}`);
    expect(
      queue2.body.items.some(
        (i: { caseId: string; kind: string }) => i.caseId === c.caseId && i.kind === "notice",
      ),
    ).toBe(false);
    const v = await view(c.caseId);
    expect(v.history.at(-1).event).toMatchObject({
      type: "counsel.notified",
      about: "transfer",
      method: "mail",
    });
  });
});
