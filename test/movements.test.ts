/**
 * Removal logistics end to end through the HTTP API, on PGlite and
 * PostgreSQL: only people the law allows get on a manifest; the final gate at
 * lock and at boarding strikes anyone no longer allowed; a stay (or any new
 * fact) recorded on the case strikes the person at once and alerts the officer
 * in charge; a removal is recorded only for someone who boarded and was not
 * struck; a travel-document request reaches the consulate redacted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntry } from "../src/store/repositories/movements.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const TODAY = "2026-11-27";

/** A clean history for a removal to El Salvador: final order, passport, notice, no fear, fit to travel. */
function orderedHistory(clearanceOn = "2026-11-20", country = "SV") {
  return [
    {
      on: "2026-06-01",
      type: "order.issued",
      by: "IJ",
      kind: "removal",
      delivery: "oral",
      countries: [country],
    },
    { on: "2026-06-01", type: "appeal.waived", knowing: true },
    { on: "2026-09-01", type: "travel_document.issued", country, validUntil: "2030-01-01" },
    {
      on: "2026-11-10",
      type: "removal_notice.served",
      country,
      language: "es",
      servedTo: ["person"],
      method: "personal",
    },
    { on: "2026-11-10", type: "fear.inquired", country, expressed: false },
    { on: clearanceOn, type: "medical.clearance", fit: true },
  ].sort((a, b) => a.on.localeCompare(b.on));
}

describe.each(backends())("removal logistics on %s", (backend) => {
  let t: TestApp;
  let officer: ReturnType<TestApp["as"]>;
  let facility: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: TODAY });
    officer = t.as("officer");
    const me = await officer("GET", "/api/v1/me");
    const facilities = await officer("GET", "/api/v1/facilities");
    facility = facilities.body.items.find(
      (f: { officeCode: string }) => f.officeCode === me.body.offices[0],
    ).code;
  });
  afterAll(() => t?.close());

  const openCase = async (events: object[], person: Record<string, unknown> = {}) => {
    n += 1;
    const me = await officer("GET", "/api/v1/me");
    const r = await officer("POST", "/api/v1/cases", {
      person: {
        givenName: `Person${n}`,
        familyName: "Movement",
        birthDate: "1990-01-01",
        citizenship: ["SV"],
        languages: ["es"],
        facts: { represented: true },
        ...person,
      },
      case: { kind: "removal_240", officeCode: me.body.offices[0] },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };
  const createMovement = async (over: Record<string, unknown> = {}) => {
    const r = await officer("POST", "/api/v1/movements", {
      kind: "flight",
      country: "SV",
      departOn: TODAY,
      departAt: "10:00",
      tz: "America/Chicago",
      stagingFacilityCode: facility,
      seats: 2,
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; number: string };
  };
  const add = (m: string, caseId: string, role = "primary") =>
    officer("POST", `/api/v1/movements/${m}/manifest`, { caseId, role });
  const view = async (m: string) => (await officer("GET", `/api/v1/movements/${m}`)).body;
  const entryOf = async (m: string, caseId: string) =>
    (await view(m)).entries.find((e: { caseId: string }) => e.caseId === caseId);
  const version = async (caseId: string) =>
    (await officer("GET", `/api/v1/cases/${caseId}`)).body.case.version;
  const record = async (caseId: string, event: object) =>
    officer("POST", `/api/v1/cases/${caseId}/events`, { expectedVersion: await version(caseId), event });

  it("adds only the people the law allows, keeping each verdict with the entry", async () => {
    const m = await createMovement();
    const clean = await openCase(orderedHistory());
    // The El Salvador case: withholding of removal to SV granted by the IJ, a fact on the record.
    const protectedPerson = await openCase([
      ...orderedHistory(),
      { on: "2026-11-21", type: "protection.granted", kind: "withholding", country: "SV" },
    ]);
    const elsewhere = await openCase(orderedHistory("2026-11-20", "HN"), { citizenship: ["HN"] });

    const candidates = (await officer("GET", `/api/v1/movements/${m.id}/candidates`)).body.items;
    const ids = candidates.map((c: { caseId: string }) => c.caseId);
    expect(ids).toContain(clean.caseId);
    expect(ids).toContain(protectedPerson.caseId);
    expect(ids).not.toContain(elsewhere.caseId);

    const ok = await add(m.id, clean.caseId);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.entry.addedOutcome).toBe("ALLOW");
    expect(ok.body.entry.addedVerdict.findings.map((f: { rule: string }) => f.rule)).toContain("EXE-05");

    const refused = await add(m.id, protectedPerson.caseId);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("blocked_by_law");
    // The officer asked without a purpose: the refusal's words are withheld (the grant is confidential).
    expect(refused.body.error.message).not.toContain("PROT-01");
    expect(refused.body.error.message).toContain("Withheld");
    const withPurpose = await t.app.inject({
      method: "POST",
      url: `/api/v1/movements/${m.id}/manifest`,
      headers: {
        authorization: `Bearer ${await t.token("officer")}`,
        "x-purpose": "planning this removal flight",
      },
      payload: { caseId: protectedPerson.caseId, role: "primary" },
    });
    expect(withPurpose.statusCode).toBe(422);
    expect(JSON.parse(withPurpose.body).error.message).toContain("PROT-01");

    const wrongCountry = await add(m.id, elsewhere.caseId);
    expect(wrongCountry.status).toBe(400);
    expect(wrongCountry.body.error.field).toBe("caseId");

    expect((await add(m.id, clean.caseId)).status).toBe(409);
    const v = await view(m.id);
    expect(v.entries.map((e: { caseId: string }) => e.caseId)).toEqual([clean.caseId]);
  });

  it("fills the seats with primaries and takes more people only as alternates", async () => {
    const m = await createMovement({ seats: 1 });
    const a = await openCase(orderedHistory());
    const b = await openCase(orderedHistory());
    expect((await add(m.id, a.caseId)).status).toBe(201);
    const full = await add(m.id, b.caseId);
    expect(full.status).toBe(400);
    expect(full.body.error.field).toBe("role");
    expect((await add(m.id, b.caseId, "alternate")).status).toBe(201);
  });

  it("a stay recorded after the lock strikes the person at once, alerts the officer in charge, and blocks the removal", async () => {
    const m = await createMovement();
    const a = await openCase(orderedHistory());
    const alt = await openCase(orderedHistory());
    expect((await add(m.id, a.caseId)).status).toBe(201);
    expect((await add(m.id, alt.caseId, "alternate")).status).toBe(201);
    const locked = await officer("POST", `/api/v1/movements/${m.id}/lock`);
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    expect(locked.body.gate).toMatchObject({ gate: "lock", checked: 2, kept: 2, struck: [] });
    expect((await add(m.id, (await openCase(orderedHistory())).caseId)).status).toBe(400);

    // The court stay, granted at 08:12 and recorded at once (the 28-minute case: boarding completes at 08:40).
    const stay = await record(a.caseId, {
      on: TODAY,
      at: "08:12",
      type: "stay.granted",
      by: "circuit",
      pending: "petition for review",
    });
    expect(stay.status, JSON.stringify(stay.body)).toBe(201);
    const struck = await entryOf(m.id, a.caseId);
    expect(struck.status).toBe("struck");
    expect(struck.lastGate).toBe("event:stay.granted");
    expect(struck.struckReason.message).toContain("STAY-06");
    const alerts = (await officer("GET", "/api/v1/movements/alerts")).body.items;
    expect(alerts.find((x: { caseId: string }) => x.caseId === a.caseId)?.message).toContain("STAY-06");

    const boarded = await officer("POST", `/api/v1/movements/${m.id}/board`, {
      boardingCompletedAt: `${TODAY}T08:40`,
    });
    expect(boarded.status, JSON.stringify(boarded.body)).toBe(200);
    expect(boarded.body.boarded).toEqual([alt.caseId]);

    const departA = await officer("POST", `/api/v1/movements/${m.id}/departures`, {
      caseId: a.caseId,
      on: TODAY,
    });
    expect(departA.status).toBe(422);
    expect(departA.body.error.code).toBe("blocked_by_law");
    const execute = await officer("POST", `/api/v1/cases/${a.caseId}/actions`, {
      expectedVersion: await version(a.caseId),
      action: { type: "removal.execute", on: TODAY, country: "SV" },
    });
    expect(execute.status).toBe(422);
    expect((await officer("GET", `/api/v1/cases/${a.caseId}`)).body.case.stage).not.toBe("removed");

    const departAlt = await officer("POST", `/api/v1/movements/${m.id}/departures`, {
      caseId: alt.caseId,
      on: TODAY,
      at: "11:40",
    });
    expect(departAlt.status, JSON.stringify(departAlt.body)).toBe(201);
    expect(departAlt.body.movementStatus).toBe("departed");
    const after = (await officer("GET", `/api/v1/cases/${alt.caseId}`)).body;
    expect(after.case.stage).toBe("removed");
    expect(after.history.slice(-2).map((h: { event: { type: string } }) => h.event.type)).toEqual([
      "departure.verified",
      "case.closed",
    ]);
    const again = await officer("POST", `/api/v1/movements/${m.id}/departures`, {
      caseId: alt.caseId,
      on: TODAY,
    });
    expect(again.status).toBe(409);
  });

  it("the boarding gate strikes whoever is no longer allowed when boarding completes", async () => {
    const m = await createMovement({ departOn: "2026-11-30" });
    // Cleared 28 days before the lock; 31 days old at boarding (EXE-03: at most 30).
    const stale = await openCase(orderedHistory("2026-10-30"));
    const fresh = await openCase(orderedHistory("2026-11-26"));
    expect((await add(m.id, stale.caseId)).status).toBe(201);
    expect((await add(m.id, fresh.caseId)).status).toBe(201);
    expect((await officer("POST", `/api/v1/movements/${m.id}/lock`)).body.gate.struck).toEqual([]);
    const realNow = t.ctx.now;
    t.ctx.now = () => new Date("2026-11-30T18:00:00Z");
    try {
      const boarded = await officer("POST", `/api/v1/movements/${m.id}/board`, {
        boardingCompletedAt: "2026-11-30T09:40",
      });
      expect(boarded.status, JSON.stringify(boarded.body)).toBe(200);
      expect(boarded.body.gate.struck.map((s: { caseId: string }) => s.caseId)).toEqual([stale.caseId]);
      expect(boarded.body.gate.struck[0].message).toContain("EXE-03");
      expect(boarded.body.boarded).toEqual([fresh.caseId]);
      const e = await entryOf(m.id, fresh.caseId);
      expect(e.lastGate).toBe("boarding");
      expect(e.lastVerdict.findings.map((f: { rule: string }) => f.rule)).toContain("EXE-05");
    } finally {
      t.ctx.now = realNow;
    }
  });

  it("a protection grant recorded after boarding strikes a boarded person, and the removal is refused", async () => {
    const m = await createMovement();
    const a = await openCase(orderedHistory());
    expect((await add(m.id, a.caseId)).status).toBe(201);
    await officer("POST", `/api/v1/movements/${m.id}/lock`);
    const b = await officer("POST", `/api/v1/movements/${m.id}/board`, {
      boardingCompletedAt: `${TODAY}T08:30`,
    });
    expect(b.body.boarded).toEqual([a.caseId]);
    const grant = await record(a.caseId, {
      on: TODAY,
      type: "protection.granted",
      kind: "cat_deferral",
      country: "SV",
    });
    expect(grant.status).toBe(201);
    const e = await entryOf(m.id, a.caseId);
    expect(e.status).toBe("struck");
    expect(e.lastVerdict.outcome).toBe("BLOCK");
    // Read from the store: the manifest page withholds a protection case's words from a reader without a purpose.
    const stored = await getEntry(t.ctx.database.db, m.id, a.caseId);
    expect((stored?.struckReason as { message: string } | null)?.message).toContain("flight.depart");
    const depart = await officer("POST", `/api/v1/movements/${m.id}/departures`, {
      caseId: a.caseId,
      on: TODAY,
    });
    expect(depart.status).toBe(422);
  });

  it("a citizenship claim or a motion strikes the person from an open manifest too", async () => {
    const m = await createMovement();
    const a = await openCase(orderedHistory());
    const b = await openCase(orderedHistory());
    await add(m.id, a.caseId);
    await add(m.id, b.caseId);
    await record(a.caseId, {
      on: TODAY,
      type: "citizenship.claimed",
      basis: "derived",
      evidence: "probative",
    });
    await record(b.caseId, {
      on: TODAY,
      type: "motion.received",
      kind: "reopen",
      forum: "IJ",
      ground: "changed_conditions",
      stayRequested: true,
    });
    const ea = await entryOf(m.id, a.caseId);
    const eb = await entryOf(m.id, b.caseId);
    expect([ea.status, eb.status]).toEqual(["struck", "struck"]);
    expect(ea.struckReason.message).toContain("CIT-01");
    expect(eb.struckReason.message).toContain("STAY-04");
  });

  it("a removal or a departure is never recorded outside the movement flow", async () => {
    const a = await openCase(orderedHistory());
    const bare = await record(a.caseId, {
      on: TODAY,
      type: "departure.verified",
      country: "SV",
      via: "removal",
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe("event.type");
    const execute = await officer("POST", `/api/v1/cases/${a.caseId}/actions`, {
      expectedVersion: await version(a.caseId),
      action: { type: "removal.execute", on: TODAY, country: "SV" },
    });
    expect(execute.status).toBe(422);
    expect(execute.body.error.code).toBe("blocked_by_law");
    expect(execute.body.error.message).toContain("not on a locked or boarded manifest");
    const h = (await officer("GET", `/api/v1/cases/${a.caseId}`)).body.history;
    expect(h.map((x: { event: { type: string } }) => x.event.type)).not.toContain("departure.verified");
  });

  it("a removal.execute for a person on a locked manifest is recorded and closes the entry", async () => {
    const m = await createMovement();
    const a = await openCase(orderedHistory());
    await add(m.id, a.caseId);
    await officer("POST", `/api/v1/movements/${m.id}/lock`);
    const execute = await officer("POST", `/api/v1/cases/${a.caseId}/actions`, {
      expectedVersion: await version(a.caseId),
      action: { type: "removal.execute", on: TODAY, country: "SV" },
    });
    expect(execute.status, JSON.stringify(execute.body)).toBe(201);
    const e = await entryOf(m.id, a.caseId);
    expect(e.status).toBe("departed");
    expect(e.departureSeq).toBe(execute.body.recorded[0]);
  });

  it("a travel-document request reaches the consulate redacted to identity data, and shows what was removed", async () => {
    const a = await openCase([
      ...orderedHistory(),
      { on: "2026-11-21", type: "fear.claimed", country: "SV" },
      { on: "2026-11-21", type: "application.filed", form: "I-589", pending: true },
    ]);
    const r = await officer("POST", `/api/v1/cases/${a.caseId}/travel-documents/requests`, {
      expectedVersion: await version(a.caseId),
      country: "SV",
      content: ["identity", "asylum_claim", "criminal_history", "narrative", "photo"],
      consulate: {
        name: "Consulate General of El Salvador",
        address: { line1: "6420 Hillcroft St", city: "Houston", state: "TX", country: "US" },
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.asProposed.outcome).toBe("BLOCK");
    expect(r.body.asProposed.findings.map((f: { rule: string }) => f.rule)).toContain("CONF-01");
    expect(r.body.sent).toEqual(["identity", "photo"]);
    expect(r.body.removed.map((x: { item: string }) => x.item).sort()).toEqual([
      "asylum_claim",
      "criminal_history",
      "narrative",
    ]);
    expect(r.body.verdict.outcome).not.toBe("BLOCK");
    expect(r.body.packet, JSON.stringify(r.body.packet)).toMatchObject({ form: "TRAVEL-DOC-REQUEST" });
    const h = (await officer("GET", `/api/v1/cases/${a.caseId}`)).body.history;
    expect(h.at(-1).event).toMatchObject({
      type: "travel_document.requested",
      content: ["identity", "photo"],
    });

    expect(
      (await record(a.caseId, { on: TODAY, type: "travel_document.refused", country: "SV" })).status,
    ).toBe(201);
    const panel = (await officer("GET", `/api/v1/cases/${a.caseId}/movements`)).body;
    expect(panel.travelDocuments).toEqual([{ country: "SV", status: "refused", on: TODAY }]);
  });

  it("keeps movements to the offices that run them", async () => {
    const m = await createMovement();
    const other = t.as("officer.mia");
    expect((await other("GET", `/api/v1/movements/${m.id}`)).status).toBe(403);
    expect((await other("POST", `/api/v1/movements/${m.id}/lock`)).status).toBe(403);
    const list = (await other("GET", "/api/v1/movements")).body.items;
    expect(list.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});
