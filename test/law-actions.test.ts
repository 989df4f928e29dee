/**
 * Actions through the law engine, end to end over the HTTP API on PGlite and
 * PostgreSQL, on case histories taken from the scenario files (known
 * verdicts): BLOCK refuses, records the attempt and has no override; REVIEW
 * needs another supervisor's written approval for that exact action, once;
 * WARN needs an acknowledgement; ALLOW goes ahead and records its effects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHistory } from "../src/app/load-case.js";
import { readAudit } from "../src/store/repositories/audit.js";
import { getEntry } from "../src/store/repositories/movements.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

type Call = ReturnType<TestApp["as"]>;
interface HistoryItem {
  seq: number;
  event: { type: string } & Record<string, unknown>;
}

describe.each(backends())("actions through the law on %s", (backend) => {
  let t: TestApp;
  let officer: Call;
  let supervisor: Call;
  let admin: Call;
  let office: string;

  beforeAll(async () => {
    // After every scenario's action date: an action may not be dated in the future.
    t = await startTestApp(backend, { today: "2026-11-27" });
    officer = t.as("officer");
    supervisor = t.as("supervisor");
    admin = t.as("admin");
    office = (await officer("GET", "/api/v1/me")).body.offices[0];
  });
  afterAll(() => t?.close());

  const view = async (id: string) => {
    const r = await officer("GET", `/api/v1/cases/${id}`);
    return r.body as { case: { version: number }; history: HistoryItem[] };
  };
  const take = async (as: Call, id: string, action: object, extra: object = {}) =>
    as("POST", `/api/v1/cases/${id}/actions`, {
      expectedVersion: (await view(id)).case.version,
      action,
      ...extra,
    });
  const auditFor = async (id: string) =>
    (await readAudit(t.ctx.database.db)).filter((a) => a.entityId === id && a.action.startsWith("action."));
  const types = (h: HistoryItem[]) => h.map((i) => i.event.type);

  it("BLOCK: refuses, records the attempt (event and audit), and nothing gets past it", async () => {
    const s = scenario("SC-01");
    const c = await openScenarioCase(t, "officer", s, office);
    const before = await view(c.caseId);

    const r = await take(officer, c.caseId, s.action);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("blocked_by_law");
    expect(r.body.error.details.verdict.outcome).toBe("BLOCK");
    const cited = r.body.error.details.verdict.findings.map((f: { rule: string }) => f.rule);
    for (const rule of s.expect.rules) expect(cited).toContain(rule);
    const blocking = r.body.error.details.verdict.findings.filter(
      (f: { outcome: string }) => f.outcome === "BLOCK",
    );
    expect(blocking.length).toBeGreaterThan(0);
    for (const f of blocking) {
      expect(f.citation).toBeTruthy();
      expect(f.remedy, f.rule).toBeTruthy();
    }

    const after = await view(c.caseId);
    expect(after.case.version).toBe(before.case.version + 1);
    const last = after.history.at(-1)!.event;
    expect(last.type).toBe("action.blocked");
    expect(last.action).toBe("removal.schedule");
    expect(last.rules).toEqual(expect.arrayContaining(["FIN-02"]));
    expect(types(after.history)).not.toContain("removal.scheduled");
    const audit = await auditFor(c.caseId);
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe("action.removal.schedule");
    expect((audit[0].detail as { outcome: string }).outcome).toBe("BLOCK");

    // No acknowledgement, no review id (even an approved one), no other role gets past BLOCK.
    const approved = await approvedReviewElsewhere();
    for (const [as, extra] of [
      [officer, { acknowledge: true }],
      [officer, { reviewId: approved }],
      [admin, { acknowledge: true, reviewId: approved, reason: "I insist, as an administrator" }],
    ] as const) {
      const again = await take(as, c.caseId, s.action, extra);
      expect(again.status).toBe(422);
      expect(again.body.error.code).toBe("blocked_by_law");
    }
    const final = await view(c.caseId);
    expect(types(final.history).filter((x) => x === "action.blocked")).toHaveLength(4);
    expect(types(final.history)).not.toContain("removal.scheduled");
    expect(await auditFor(c.caseId)).toHaveLength(4);
  });

  /** An approved, unused review on a REVIEW case of its own. */
  async function approvedReviewElsewhere(): Promise<string> {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "officer", s, office, "Elsewhere");
    const r = await take(officer, c.caseId, s.action);
    expect(r.status).toBe(202);
    const d = await supervisor("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "approved",
      reason: "Competency evaluated by the medical unit; proceed.",
    });
    expect(d.status).toBe(200);
    return r.body.reviewId;
  }

  it("REVIEW: a review is created; the requester cannot approve it; another supervisor's written approval lets that same action go ahead, once", async () => {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "supervisor", s, office);

    const r = await take(supervisor, c.caseId, s.action);
    expect(r.status).toBe(202);
    expect(r.body.status).toBe("review_requested");
    expect(r.body.verdict.outcome).toBe("REVIEW");
    const reviewId = r.body.reviewId as string;
    expect((await view(c.caseId)).history.at(-1)?.event).toMatchObject({
      type: "review.requested",
      reviewId,
    });
    const queue = await admin("GET", "/api/v1/reviews");
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(reviewId);

    // Not approved yet: the review id does not let it through.
    const early = await take(supervisor, c.caseId, s.action, { reviewId });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("review_required");

    // The requester may not decide their own review.
    const own = await supervisor("POST", `/api/v1/reviews/${reviewId}/decision`, {
      decision: "approved",
      reason: "Looks fine to me, approving.",
    });
    expect(own.status).toBe(403);
    // A decision needs a written reason.
    const terse = await admin("POST", `/api/v1/reviews/${reviewId}/decision`, {
      decision: "approved",
      reason: "ok",
    });
    expect(terse.status).toBe(400);

    const ok = await admin("POST", `/api/v1/reviews/${reviewId}/decision`, {
      decision: "approved",
      reason: "Competency inquiry done on 2025-05-12 by the IJ; waiver stands.",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("approved");
    const approvedList = await supervisor("GET", "/api/v1/reviews?status=approved");
    expect(approvedList.body.items.map((i: { id: string }) => i.id)).toContain(reviewId);
    const decided = (await view(c.caseId)).history.at(-1)?.event;
    expect(decided).toMatchObject({ type: "review.decided", decision: "approved" });

    // A different action (another date) with the approval is refused.
    const other = await take(supervisor, c.caseId, { ...s.action, date: "2025-05-20" }, { reviewId });
    expect(other.status).toBe(400);
    expect(other.body.error.field).toBe("reviewId");
    expect(types((await view(c.caseId)).history)).not.toContain("removal.scheduled");

    // The same action goes ahead, with its effect recorded.
    const go = await take(supervisor, c.caseId, s.action, { reviewId });
    expect(go.status, JSON.stringify(go.body)).toBe(201);
    expect(go.body.status).toBe("done");
    const h = (await view(c.caseId)).history;
    expect(h.filter((i) => i.event.type === "removal.scheduled")).toHaveLength(1);
    expect(h.find((i) => i.event.type === "removal.scheduled")?.event).toMatchObject({
      country: "GT",
      date: "2025-05-13",
    });

    // Once only.
    const twice = await take(supervisor, c.caseId, s.action, { reviewId });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe("review_required");
    expect(types((await view(c.caseId)).history).filter((x) => x === "removal.scheduled")).toHaveLength(1);
  });

  it("REVIEW: a denied review never lets the action go ahead", async () => {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "officer", s, office);
    const r = await take(officer, c.caseId, s.action);
    expect(r.status).toBe(202);
    const d = await supervisor("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "denied",
      reason: "No competency inquiry on the record; refer to the IJ first.",
    });
    expect(d.status).toBe(200);
    const again = await supervisor("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "approved",
      reason: "Changed my mind after all, approving.",
    });
    expect(again.status).toBe(409);
    for (const as of [officer, supervisor, admin]) {
      const go = await take(as, c.caseId, s.action, { reviewId: r.body.reviewId, acknowledge: true });
      expect(go.status).toBe(422);
      expect(go.body.error.code).toBe("review_required");
    }
    expect(types((await view(c.caseId)).history)).not.toContain("removal.scheduled");
  });

  it("WARN: without an acknowledgement nothing is written; with it the action goes ahead", async () => {
    const s = scenario("SC-11");
    const c = await openScenarioCase(t, "officer", s, office);
    const before = await view(c.caseId);
    const auditBefore = (await readAudit(t.ctx.database.db)).length;

    const r = await take(officer, c.caseId, s.action);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("acknowledgement_required");
    expect(r.body.error.details.verdict.outcome).toBe("WARN");
    const after = await view(c.caseId);
    expect(after.case.version).toBe(before.case.version);
    expect(after.history).toHaveLength(before.history.length);
    expect((await readAudit(t.ctx.database.db)).length).toBe(auditBefore);

    const ok = await take(officer, c.caseId, s.action, { acknowledge: true });
    expect(ok.status).toBe(201);
    expect(ok.body.verdict.outcome).toBe("WARN");
    const h = (await view(c.caseId)).history;
    expect(h.at(-1)?.event).toMatchObject({ type: "removal.scheduled", country: "HN", date: "2025-08-05" });
    expect((await auditFor(c.caseId)).map((a) => (a.detail as { outcome: string }).outcome)).toEqual([
      "WARN",
    ]);
  });

  it("ALLOW: goes ahead and records the effect events", async () => {
    const s = scenario("DP-01-no-indicators");
    const c = await openScenarioCase(t, "officer", s, office);
    const evaluated = await officer("POST", `/api/v1/cases/${c.caseId}/actions/evaluate`, {
      action: s.action,
    });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.verdict.outcome).toBe("ALLOW");
    expect(evaluated.body.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("DP-01");
    expect((await view(c.caseId)).case.version).toBe(c.version);

    const r = await take(officer, c.caseId, s.action);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe("done");
    const h = (await view(c.caseId)).history;
    expect(r.body.recorded).toEqual([h.length]);
    expect(h.at(-1)?.event).toMatchObject({ type: "removal.scheduled", on: "2025-05-13", country: "MX" });
    expect((await auditFor(c.caseId))[0].detail).toMatchObject({ outcome: "ALLOW" });
  });

  // --- The actions that hand over to an existing use case (manifest, departure) and case.close. ---

  /** A clean removal to El Salvador as of TODAY: final order, passport, notice, no fear, fit to travel. */
  const cleanHistory = (clearanceOn = "2026-11-20") =>
    [
      {
        on: "2026-06-01",
        type: "order.issued",
        by: "IJ",
        kind: "removal",
        delivery: "oral",
        countries: ["SV"],
      },
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
      { on: clearanceOn, type: "medical.clearance", fit: true },
    ].sort((x, y) => x.on.localeCompare(y.on));
  const TODAY = "2026-11-27";
  let n = 0;
  const openCase = async (events: object[], as: Call = officer) => {
    n += 1;
    const r = await as("POST", "/api/v1/cases", {
      person: {
        givenName: `Mover${n}`,
        familyName: "Actions",
        birthDate: "1990-01-01",
        citizenship: ["SV"],
        languages: ["es"],
        facts: { represented: true },
      },
      case: { kind: "removal_240", officeCode: office },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };
  const createMovement = async () => {
    const facilities = await officer("GET", "/api/v1/facilities");
    const facility = facilities.body.items.find((f: { officeCode: string }) => f.officeCode === office).code;
    const r = await officer("POST", "/api/v1/movements", {
      kind: "flight",
      country: "SV",
      departOn: TODAY,
      departAt: "10:00",
      stagingFacilityCode: facility,
      seats: 5,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; number: string };
  };
  const entryOf = async (movementId: string, caseId: string) =>
    (await officer("GET", `/api/v1/movements/${movementId}`)).body.entries.find(
      (e: { caseId: string }) => e.caseId === caseId,
    );
  const reviewTask = async (reviewId: string) =>
    (await supervisor("GET", `/api/v1/queues/${office}`)).body.items.find(
      (i: { key: string }) => i.key === `review:${reviewId}`,
    );

  it("the catalog has every action type of the scenario files", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const root = new URL("../scenarios/", import.meta.url);
    const named = new Set<string>();
    for (const folder of ["examples", "rules"])
      for (const f of readdirSync(new URL(`${folder}/`, root)).filter((x) => x.endsWith(".json")))
        named.add(JSON.parse(readFileSync(new URL(`${folder}/${f}`, root), "utf8")).action.type);
    named.delete("none"); // deadlines only: GET /cases/:id/deadlines
    const catalog = (await officer("GET", "/api/v1/actions")).body.items.map((i: { type: string }) => i.type);
    expect([...named].filter((x) => !catalog.includes(x))).toEqual([]);
    for (const added of ["manifest.add", "flight.depart", "case.close", "consular.notify"])
      expect(catalog).toContain(added);
  });

  it("manifest.add: BLOCK refuses and records the attempt; ALLOW puts the person on the named manifest", async () => {
    const m = await createMovement();
    const barred = await openCase([
      ...cleanHistory(),
      { on: "2026-11-21", type: "protection.granted", kind: "withholding", country: "SV" },
    ]);
    const action = { type: "manifest.add", on: TODAY, country: "SV", movement: m.number };
    const r = await take(officer, barred.caseId, action);
    expect(r.status).toBe(422);
    expect(r.body.error.details.verdict.outcome).toBe("BLOCK");
    // Read from the store: the page withholds a protection case's events from a reader without a purpose.
    expect((await loadHistory(t.ctx.database.db, barred.caseId)).at(-1)?.event).toMatchObject({
      type: "action.blocked",
      action: "manifest.add",
    });
    expect(await entryOf(m.id, barred.caseId)).toBeUndefined();
    expect((await auditFor(barred.caseId)).map((a) => a.action)).toEqual(["action.manifest.add"]);

    const clean = await openCase(cleanHistory());
    const noMovement = await take(officer, clean.caseId, { ...action, movement: undefined });
    expect(noMovement.status).toBe(400);
    expect(noMovement.body.error.field).toBe("action.movement");
    // Verdict first: a destination the order does not name is the law's refusal, before the movement is read.
    const wrongCountry = await take(officer, clean.caseId, { ...action, country: "HN" });
    expect(wrongCountry.status).toBe(422);
    expect(wrongCountry.body.error.code).toBe("blocked_by_law");

    const ok = await take(officer, clean.caseId, { ...action, role: "alternate" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.status).toBe("done");
    // The movement's own use case wrote the entry, with its gate verdict.
    expect(await entryOf(m.id, clean.caseId)).toMatchObject({ status: "listed", role: "alternate" });
    const again = await take(officer, clean.caseId, action);
    expect(again.status).toBe(409);
  });

  it("manifest.add: REVIEW opens a review and its task; another supervisor's approval puts the person on, the later gates keep them, and flight.depart with its own approval records the removal", async () => {
    const m = await createMovement();
    // Fit-to-travel clearance 38 days old (EXE-03: at most 30) → REVIEW.
    const stale = await openCase(cleanHistory("2026-10-20"), supervisor);
    const action = { type: "manifest.add", on: TODAY, country: "SV", movement: m.number };
    const r = await take(supervisor, stale.caseId, action);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("EXE-03");
    const task = await reviewTask(r.body.reviewId);
    expect(task).toMatchObject({ kind: "review", caseId: stale.caseId, title: "Review: manifest.add" });
    // Not approved yet: the person stays off.
    const early = await take(supervisor, stale.caseId, action, { reviewId: r.body.reviewId });
    expect(early.body.error.code).toBe("review_required");
    expect(await entryOf(m.id, stale.caseId)).toBeUndefined();

    const own = await supervisor("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "approved",
      reason: "My own request; approving it.",
    });
    expect(own.status).toBe(403);
    const reason = "Clearance renewal booked; the medical unit confirms fitness.";
    const ok = await admin("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "approved",
      reason,
    });
    expect(ok.status).toBe(200);
    expect(await reviewTask(r.body.reviewId)).toBeUndefined();

    // The approval lets the action happen: the final gate honours the approved REVIEW rule.
    const go = await take(supervisor, stale.caseId, action, { reviewId: r.body.reviewId });
    expect(go.status, JSON.stringify(go.body)).toBe(201);
    expect(go.body.status).toBe("done");
    expect(await entryOf(m.id, stale.caseId)).toMatchObject({ status: "listed", role: "primary" });
    const stored = await getEntry(t.ctx.database.db, m.id, stale.caseId);
    expect(stored?.reviewApproval).toEqual([
      expect.objectContaining({
        reviewId: r.body.reviewId,
        action: "manifest.add",
        rules: ["EXE-03"],
        reason,
      }),
    ]);
    expect((await auditFor(stale.caseId)).at(-1)?.detail).toMatchObject({
      outcome: "REVIEW",
      approval: { reviewId: r.body.reviewId, reason },
    });
    // Used once: the same approval cannot put anyone on again.
    const used = (await admin("GET", "/api/v1/reviews?status=used")).body.items;
    expect(used.map((i: { id: string }) => i.id)).toContain(r.body.reviewId);

    // The lock and boarding gates still see EXE-03 REVIEW, and keep the person: the rule was approved.
    const locked = await supervisor("POST", `/api/v1/movements/${m.id}/lock`);
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    expect(locked.body.gate.struck).toEqual([]);
    expect(await entryOf(m.id, stale.caseId)).toMatchObject({ status: "listed", lastGate: "lock" });
    const boarded = await supervisor("POST", `/api/v1/movements/${m.id}/board`, {
      boardingCompletedAt: `${TODAY}T08:40`,
    });
    expect(boarded.status, JSON.stringify(boarded.body)).toBe(200);
    expect(boarded.body.boarded).toEqual([stale.caseId]);

    // flight.depart is its own action: its REVIEW needs its own approval, then the removal is recorded.
    const depart = {
      type: "flight.depart",
      on: TODAY,
      at: "11:40",
      country: "SV",
      boardingCompletedAt: "08:40",
    };
    const d = await take(supervisor, stale.caseId, depart);
    expect(d.status, JSON.stringify(d.body)).toBe(202);
    const departReason = "Escort nurse aboard; clearance renewal confirmed by IHSC by phone.";
    expect(
      (
        await admin("POST", `/api/v1/reviews/${d.body.reviewId}/decision`, {
          decision: "approved",
          reason: departReason,
        })
      ).status,
    ).toBe(200);
    const gone = await take(supervisor, stale.caseId, depart, { reviewId: d.body.reviewId });
    expect(gone.status, JSON.stringify(gone.body)).toBe(201);
    expect(types((await view(stale.caseId)).history).slice(-2)).toEqual([
      "departure.verified",
      "case.closed",
    ]);
    const departed = await getEntry(t.ctx.database.db, m.id, stale.caseId);
    expect(departed?.status).toBe("departed");
    expect(((departed?.reviewApproval ?? []) as { reviewId: string }[]).map((a) => a.reviewId)).toEqual([
      r.body.reviewId,
      d.body.reviewId,
    ]);
    expect((await auditFor(stale.caseId)).at(-1)?.detail).toMatchObject({
      approval: { reviewId: d.body.reviewId, reason: departReason },
    });
  });

  it("manifest.add: an approval covers only the REVIEW rules it saw; a stay recorded afterwards strikes the person at once", async () => {
    const m = await createMovement();
    const stale = await openCase(cleanHistory("2026-10-20"), supervisor);
    const action = { type: "manifest.add", on: TODAY, country: "SV", movement: m.number };
    const r = await take(supervisor, stale.caseId, action);
    expect(r.status).toBe(202);
    await admin("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "approved",
      reason: "Clearance renewal booked; the medical unit confirms fitness.",
    });
    expect((await take(supervisor, stale.caseId, action, { reviewId: r.body.reviewId })).status).toBe(201);

    const stay = await supervisor("POST", `/api/v1/cases/${stale.caseId}/events`, {
      expectedVersion: (await view(stale.caseId)).case.version,
      event: { on: TODAY, at: "08:12", type: "stay.granted", by: "circuit", pending: "petition for review" },
    });
    expect(stay.status, JSON.stringify(stay.body)).toBe(201);
    const struck = await entryOf(m.id, stale.caseId);
    expect(struck.status).toBe("struck");
    expect(struck.lastGate).toBe("event:stay.granted");
    const rules = struck.struckReason.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain("STAY-06");
    // The approved REVIEW is not a reason; the new finding is.
    expect(rules).not.toContain("EXE-03");
  });

  it("manifest.add: a denied review never puts the person on", async () => {
    const m = await createMovement();
    const stale = await openCase(cleanHistory("2026-10-20"), supervisor);
    const action = { type: "manifest.add", on: TODAY, country: "SV", movement: m.number };
    const r = await take(supervisor, stale.caseId, action);
    expect(r.status).toBe(202);
    const denied = await admin("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "denied",
      reason: "No removal on a stale clearance; renew it first.",
    });
    expect(denied.status).toBe(200);
    const go = await take(supervisor, stale.caseId, action, { reviewId: r.body.reviewId });
    expect(go.body.error.code).toBe("review_required");
    expect(await entryOf(m.id, stale.caseId)).toBeUndefined();
    expect(await getEntry(t.ctx.database.db, m.id, stale.caseId)).toBeUndefined();
  });

  it("flight.depart: BLOCK refuses and records the attempt; after boarding it records the removal and closes the case", async () => {
    const s = scenario("EXE-05-stay-before-boarding");
    const stayed = await openScenarioCase(t, "officer", s, office);
    const r = await take(officer, stayed.caseId, s.action);
    expect(r.status).toBe(422);
    expect(r.body.error.details.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("EXE-05");
    expect((await view(stayed.caseId)).history.at(-1)?.event).toMatchObject({
      type: "action.blocked",
      action: "flight.depart",
    });

    const m = await createMovement();
    const a = await openCase(cleanHistory());
    expect((await officer("POST", `/api/v1/movements/${m.id}/manifest`, { caseId: a.caseId })).status).toBe(
      201,
    );
    const depart = {
      type: "flight.depart",
      on: TODAY,
      at: "11:40",
      country: "SV",
      boardingCompletedAt: "08:40",
    };
    // Not boarded yet: the movement completes boarding first.
    const early = await take(officer, a.caseId, depart);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain("boarding");
    expect((await officer("POST", `/api/v1/movements/${m.id}/lock`)).status).toBe(200);
    const boarded = await officer("POST", `/api/v1/movements/${m.id}/board`, {
      boardingCompletedAt: `${TODAY}T08:40`,
    });
    expect(boarded.body.boarded).toEqual([a.caseId]);
    // The boarding time the verdict uses must be the one the movement recorded.
    const wrongTime = await take(officer, a.caseId, { ...depart, boardingCompletedAt: "07:00" });
    expect(wrongTime.status).toBe(400);
    expect(wrongTime.body.error.field).toBe("action.boardingCompletedAt");

    const ok = await take(officer, a.caseId, depart);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const after = await view(a.caseId);
    expect(ok.body.recorded).toEqual([after.history.length - 1, after.history.length]);
    expect(types(after.history).slice(-2)).toEqual(["departure.verified", "case.closed"]);
    expect((await entryOf(m.id, a.caseId)).status).toBe("departed");
    expect((await auditFor(a.caseId)).at(-1)?.detail).toMatchObject({ outcome: "ALLOW", movement: m.number });
  });

  it("flight.depart: REVIEW (a stay that reached the agency after boarding) opens a review and its task", async () => {
    const s = scenario("SC-13");
    const c = await openScenarioCase(t, "supervisor", s, office);
    const r = await take(supervisor, c.caseId, s.action);
    expect(r.status).toBe(202);
    expect(await reviewTask(r.body.reviewId)).toMatchObject({ title: "Review: flight.depart" });
    const d = await admin("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
      decision: "denied",
      reason: "HQ and OPLA: halt; the person is returned from the aircraft.",
    });
    expect(d.status).toBe(200);
    expect(await reviewTask(r.body.reviewId)).toBeUndefined();
    const go = await take(supervisor, c.caseId, s.action, { reviewId: r.body.reviewId });
    expect(go.body.error.code).toBe("review_required");
    expect(types((await view(c.caseId)).history)).not.toContain("departure.verified");
  });

  it("case.close: BLOCK without a verified departure; ALLOW records case.closed with EXE-06's notice", async () => {
    const s = scenario("EXE-06-close-without-verification");
    const open = await openScenarioCase(t, "officer", s, office);
    const r = await take(officer, open.caseId, { ...s.action, reason: "removed" });
    expect(r.status).toBe(422);
    expect(r.body.error.details.verdict.findings[0]).toMatchObject({ rule: "EXE-06", outcome: "BLOCK" });
    expect((await view(open.caseId)).history.at(-1)?.event).toMatchObject({
      type: "action.blocked",
      action: "case.close",
    });

    const m = await createMovement();
    const a = await openCase(cleanHistory());
    await officer("POST", `/api/v1/movements/${m.id}/manifest`, { caseId: a.caseId });
    await officer("POST", `/api/v1/movements/${m.id}/lock`);
    await officer("POST", `/api/v1/movements/${m.id}/board`, { boardingCompletedAt: `${TODAY}T08:40` });
    const removed = await take(officer, a.caseId, {
      type: "removal.execute",
      on: TODAY,
      country: "SV",
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(201);
    const ok = await take(officer, a.caseId, { type: "case.close", on: TODAY, reason: "removed" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const closed = (await view(a.caseId)).history.at(-1)?.event as {
      type: string;
      reason: string;
      note: string;
    };
    expect(closed).toMatchObject({ type: "case.closed", reason: "removed" });
    expect(closed.note).toContain("re-entry bar: 10 years");
  });

  it("consular.notify: records the notification as a disclosure to the foreign government", async () => {
    const a = await openCase(cleanHistory());
    const r = await take(officer, a.caseId, {
      type: "consular.notify",
      on: TODAY,
      country: "SV",
      content: ["identity", "detention"],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("CONF-02");
    expect((await view(a.caseId)).history.at(-1)?.event).toMatchObject({
      type: "disclosure.made",
      to: "foreign_government",
      content: ["identity", "detention"],
    });
  });

  it("the verdict of each scenario case matches its expected outcome", async () => {
    for (const name of ["SC-01", "SC-06", "SC-11", "DP-01-no-indicators", "SC-02"]) {
      const s = scenario(name);
      const c = await openScenarioCase(t, "officer", s, office);
      const r = await officer("POST", `/api/v1/cases/${c.caseId}/actions/evaluate`, { action: s.action });
      const expected = ([] as string[]).concat(s.expect.outcome);
      expect(expected, name).toContain(r.body.verdict.outcome);
    }
  });
});
