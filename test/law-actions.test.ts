/**
 * Actions through the law engine, end to end over the HTTP API on PGlite and
 * PostgreSQL, on case histories taken from the scenario files (known
 * verdicts): BLOCK refuses, records the attempt and has no override; REVIEW
 * needs another supervisor's written approval for that exact action, once;
 * WARN needs an acknowledgement; ALLOW goes ahead and records its effects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAudit } from "../src/store/repositories/audit.js";
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
