/**
 * The deadline sweep and the work queues over the HTTP API, on PGlite and
 * PostgreSQL: due and overdue deadlines become tasks once (a re-sweep does not
 * duplicate), a deadline the facts no longer give closes its task, pending
 * reviews become tasks at once (closed when decided); queues order earliest due first, a timed hold hides a
 * task until it ends, assign and done work, and office scope is enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserByName } from "../src/store/repositories/users.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

type Call = ReturnType<TestApp["as"]>;
interface Task {
  id: string;
  kind: string;
  key: string;
  due: string | null;
  caseId: string;
  overdue: boolean;
  assignee: string | null;
}

const TODAY = "2025-05-14";
const order = (on: string) => ({
  on,
  type: "order.issued",
  by: "IJ",
  kind: "removal",
  delivery: "oral",
  countries: ["HN"],
});

describe.each(backends())("deadlines and work queues on %s", (backend) => {
  let t: TestApp;
  let officer: Call;
  let supervisor: Call;
  let office: string;
  let soon: { caseId: string; version: number };
  let late: { caseId: string; version: number };

  const open = async (events: object[], name: string) => {
    const r = await officer("POST", "/api/v1/cases", {
      person: { givenName: name, familyName: "Queue", citizenship: ["HN"], birthDate: "1990-01-01" },
      case: { kind: "removal_240", officeCode: office },
      events,
    });
    expect(r.status).toBe(201);
    return r.body as { caseId: string; version: number };
  };
  const sweep = async (body: object = {}) => {
    const r = await supervisor("POST", "/api/v1/deadlines/sweep", { office, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const queue = async (as: Call = officer): Promise<Task[]> => {
    const r = await as("GET", `/api/v1/queues/${office}`);
    expect(r.status).toBe(200);
    return r.body.items;
  };
  const appealDue = async (caseId: string) => {
    const d = await officer("GET", `/api/v1/cases/${caseId}/deadlines`);
    return d.body.items.find((x: { kind: string }) => x.kind === "appeal.due").due as string;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: TODAY });
    officer = t.as("officer");
    supervisor = t.as("supervisor");
    office = (await officer("GET", "/api/v1/me")).body.offices[0];
    soon = await open([order("2025-04-20")], "Soon"); // appeal window closes within the week
    late = await open([order("2025-04-10")], "Late"); // appeal window closed days ago
  });
  afterAll(() => t?.close());

  it("lists due and overdue deadlines per office and makes one task each, stable across sweeps", async () => {
    const first = await sweep();
    const mine = first.offices.find((o: { office: string }) => o.office === office);
    expect(mine.cases).toBe(2);
    const soonItem = mine.items.find((i: { caseId: string; kind: string }) => i.caseId === soon.caseId);
    const lateItem = mine.items.find((i: { caseId: string; kind: string }) => i.caseId === late.caseId);
    expect(soonItem).toMatchObject({ kind: "appeal.due", urgency: "due", due: await appealDue(soon.caseId) });
    expect(soonItem.daysLeft).toBeGreaterThanOrEqual(0);
    expect(soonItem.daysLeft).toBeLessThanOrEqual(7);
    expect(lateItem).toMatchObject({
      kind: "appeal.due",
      urgency: "overdue",
      due: await appealDue(late.caseId),
    });
    expect(lateItem.daysLeft).toBeLessThan(0);
    expect(first.tasks.created).toBe(mine.items.length);

    const before = await queue();
    const second = await sweep();
    expect(second.tasks.created).toBe(0);
    expect(second.tasks.refreshed).toBe(first.tasks.created);
    const after = await queue();
    expect(after.map((x) => x.id).sort()).toEqual(before.map((x) => x.id).sort());
    expect(new Set(after.map((x) => `${x.caseId} ${x.key}`)).size).toBe(after.length);
    expect(after.find((x) => x.caseId === soon.caseId && x.kind === "deadline")?.key).toBe(
      `deadline:appeal.due:${soonItem.due}`,
    );

    // A narrower window lists less, and a dry run writes nothing.
    const narrow = await sweep({ withinDays: 0, overdueDays: 0, dryRun: true });
    expect(narrow.offices.find((o: { office: string }) => o.office === office)?.items ?? []).toHaveLength(0);
    expect(narrow.tasks.created).toBe(0);
  });

  it("orders the queue by earliest due (overdue on top), then oldest", async () => {
    const items = await queue();
    const dues = items.map((i) => i.due ?? "9999");
    expect(dues).toEqual([...dues].sort());
    const lateIdx = items.findIndex((i) => i.caseId === late.caseId);
    const soonIdx = items.findIndex((i) => i.caseId === soon.caseId);
    expect(lateIdx).toBeGreaterThanOrEqual(0);
    expect(lateIdx).toBeLessThan(soonIdx);
    expect(items[lateIdx].overdue).toBe(true);
    expect(items[soonIdx].overdue).toBe(false);
  });

  it("closes a task whose deadline no longer follows from the facts", async () => {
    const task = (await queue()).find((i) => i.caseId === soon.caseId && i.kind === "deadline")!;
    const waived = await officer("POST", `/api/v1/cases/${soon.caseId}/events`, {
      expectedVersion: soon.version,
      event: { on: "2025-05-13", type: "appeal.waived", knowing: true },
    });
    expect(waived.status).toBe(201);
    const deadlines = await officer("GET", `/api/v1/cases/${soon.caseId}/deadlines`);
    expect(deadlines.body.items.map((d: { kind: string }) => d.kind)).not.toContain("appeal.due");
    const r = await sweep();
    expect(r.tasks.closed).toBeGreaterThanOrEqual(1);
    expect((await queue()).map((i) => i.id)).not.toContain(task.id);
  });

  it("a review request puts its task in the office queue at once; the decision closes it", async () => {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "officer", s, office);
    const req = await officer("POST", `/api/v1/cases/${c.caseId}/actions`, {
      expectedVersion: c.version,
      action: s.action,
    });
    expect(req.status).toBe(202);
    // No sweep in between: the task is written in the review request's own transaction.
    const task = (await queue(supervisor)).find((i) => i.key === `review:${req.body.reviewId}`);
    expect(task).toMatchObject({ kind: "review", caseId: c.caseId, due: TODAY, overdue: false });
    // A sweep finds it and does not make a second one.
    const r = await sweep();
    expect(r.reviews.open).toBeGreaterThanOrEqual(1);
    expect((await queue()).filter((i) => i.key === `review:${req.body.reviewId}`)).toHaveLength(1);
    // Assigned to a supervisor, it is in their own queue until the review is decided.
    expect((await supervisor("POST", `/api/v1/tasks/${task?.id}/assign`, { me: true })).status).toBe(200);
    expect((await supervisor("GET", "/api/v1/queues/mine")).body.items.map((i: Task) => i.id)).toContain(
      task?.id,
    );

    const d = await supervisor("POST", `/api/v1/reviews/${req.body.reviewId}/decision`, {
      decision: "denied",
      reason: "Competency inquiry first, please.",
    });
    expect(d.status).toBe(200);
    expect((await queue()).map((i) => i.id)).not.toContain(task?.id);
    expect((await supervisor("GET", "/api/v1/queues/mine")).body.items.map((i: Task) => i.id)).not.toContain(
      task?.id,
    );
    // Already closed: the next sweep has nothing to close and does not reopen it.
    const again = await sweep();
    expect(again.reviews.closed).toBe(0);
    expect((await queue()).map((i) => i.id)).not.toContain(task?.id);
  });

  it("a refused decision (the requester's own) leaves the task open", async () => {
    const s = scenario("SC-06");
    const c = await openScenarioCase(t, "supervisor", s, office, "Own");
    const req = await supervisor("POST", `/api/v1/cases/${c.caseId}/actions`, {
      expectedVersion: c.version,
      action: s.action,
    });
    expect(req.status).toBe(202);
    const own = await supervisor("POST", `/api/v1/reviews/${req.body.reviewId}/decision`, {
      decision: "approved",
      reason: "My own request, approving it myself.",
    });
    expect(own.status).toBe(403);
    expect((await queue()).map((i) => i.key)).toContain(`review:${req.body.reviewId}`);
    const ok = await t.as("admin")("POST", `/api/v1/reviews/${req.body.reviewId}/decision`, {
      decision: "approved",
      reason: "Competency inquiry on the record; proceed.",
    });
    expect(ok.status).toBe(200);
    expect((await queue()).map((i) => i.key)).not.toContain(`review:${req.body.reviewId}`);
  });

  it("assigns a task, shows it in my queue, holds it until a time and it comes back by itself", async () => {
    const task = (await queue()).find((i) => i.caseId === late.caseId)!;
    const a = await officer("POST", `/api/v1/tasks/${task.id}/assign`, { userId: "me" });
    expect(a.status).toBe(200);
    const mine = await officer("GET", "/api/v1/queues/mine");
    expect(mine.body.items.map((i: Task) => i.id)).toEqual([task.id]);
    expect(mine.body.items[0].assignee).toBe("officer");
    expect((await supervisor("GET", "/api/v1/queues/mine")).body.items).toHaveLength(0);

    const supervisorUser = await getUserByName(t.ctx.database.db, "supervisor");
    const handed = await officer("POST", `/api/v1/tasks/${task.id}/assign`, { userId: supervisorUser!.id });
    expect(handed.status).toBe(200);
    expect((await supervisor("GET", "/api/v1/queues/mine")).body.items.map((i: Task) => i.id)).toEqual([
      task.id,
    ]);
    const analyst = await getUserByName(t.ctx.database.db, "counsel");
    const outsider = await officer("POST", `/api/v1/tasks/${task.id}/assign`, { userId: analyst!.id });
    expect(outsider.status).toBe(400);

    const past = await officer("POST", `/api/v1/tasks/${task.id}/hold`, { until: "2025-05-01" });
    expect(past.status).toBe(400);
    const hold = await officer("POST", `/api/v1/tasks/${task.id}/hold`, { until: "2025-05-16T09:00:00Z" });
    expect(hold.status).toBe(200);
    expect((await queue()).map((i) => i.id)).not.toContain(task.id);
    const withHeld = await officer("GET", `/api/v1/queues/${office}?includeHeld=true`);
    expect(withHeld.body.items.find((i: Task & { held: boolean }) => i.id === task.id)?.held).toBe(true);

    const realNow = t.ctx.now;
    t.ctx.now = () => new Date("2025-05-16T09:00:00Z");
    try {
      expect((await queue()).map((i) => i.id)).toContain(task.id);
    } finally {
      t.ctx.now = realNow;
    }
  });

  it("marks a task done (once), and keeps other offices' queues out of reach", async () => {
    const all = async () =>
      (await officer("GET", `/api/v1/queues/${office}?includeHeld=true`)).body.items as Task[];
    const task = (await all()).find((i) => i.caseId === late.caseId)!;
    const done = await officer("POST", `/api/v1/tasks/${task.id}/done`);
    expect(done.status).toBe(200);
    expect((await all()).map((i) => i.id)).not.toContain(task.id);
    expect((await officer("POST", `/api/v1/tasks/${task.id}/done`)).status).toBe(409);
    // A re-sweep does not reopen work a person finished.
    await sweep();
    expect((await all()).map((i) => i.id)).not.toContain(task.id);

    const offices = (await officer("GET", "/api/v1/offices")).body.items.map((o: { code: string }) => o.code);
    const other = offices.find((c: string) => c !== office && c !== "SNA");
    expect((await officer("GET", `/api/v1/queues/${other}`)).status).toBe(403);
    expect((await officer("POST", "/api/v1/deadlines/sweep", { office: other })).status).toBe(403);
    expect((await t.as("analyst")("GET", "/api/v1/queues/mine")).status).toBe(403);
  });
});
