/**
 * The access matrix, generated: every route in the OpenAPI document x every
 * role x a case of the reader's own office (or their client) or another x
 * confidential or not. A route without a row in `expectations` fails the
 * suite, so a new route cannot ship without saying who may call it.
 * GET routes are called for every cell; write routes are called for the
 * roles that lack the permission (they must never succeed).
 * Every successful answer without a stated purpose is scanned for
 * confidential markers: none may appear, whoever asks (docs/oversight.md).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Permission, type Role } from "../src/app/access.js";
import { linkCounselUser } from "../src/app/oversight/counsel-users.js";
import { auditLog, counsel } from "../src/store/schema.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

type Scope = "public" | "signed_in" | "case" | "case_counsel" | "global" | "object";
interface Expectation {
  perm?: Permission;
  scope: Scope;
  /** A valid body, so a write can be tried (only for roles expected to be refused). */
  body?: (c: Fixture) => unknown;
}

/** Every route: the permission it needs and what it is checked against. */
const expectations: Record<string, Expectation> = {
  "GET /api/health": { scope: "public" },
  "POST /api/v1/auth/sign-in": { scope: "public" },
  "POST /api/v1/auth/sign-out": { scope: "signed_in" },
  "GET /api/v1/me": { scope: "signed_in" },
  "POST /api/v1/users": { perm: "user.manage", scope: "global" },
  "POST /api/v1/users/{username}/tokens": { perm: "user.manage", scope: "object" },
  "GET /api/v1/auth/oidc/status": { scope: "public" },
  "GET /api/v1/auth/oidc/login": { scope: "public" },
  "GET /api/v1/auth/oidc/callback": { scope: "public" },
  "GET /api/v1/audit": { perm: "audit.read", scope: "global" },
  "GET /api/v1/audit/verify": { perm: "audit.read", scope: "global" },
  "POST /api/v1/audit/verify": { perm: "audit.read", scope: "global", body: () => ({ checkpoints: [] }) },
  "GET /api/v1/audit/checkpoints": { perm: "audit.read", scope: "global" },
  "POST /api/v1/audit/checkpoints": { perm: "audit.read", scope: "global" },
  "GET /api/v1/legal-holds": { perm: "legal_hold.manage", scope: "global" },
  "POST /api/v1/cases/{id}/legal-hold": {
    perm: "legal_hold.manage",
    scope: "case",
    body: () => ({ reason: "litigation hold" }),
  },
  "DELETE /api/v1/cases/{id}/legal-hold": { perm: "legal_hold.manage", scope: "case" },
  "GET /api/v1/retention/policy": { perm: "retention.manage", scope: "global" },
  "PUT /api/v1/retention/policy": { perm: "retention.manage", scope: "global", body: () => ({}) },
  "POST /api/v1/retention/purge": {
    perm: "retention.manage",
    scope: "global",
    body: () => ({ dryRun: true }),
  },
  "POST /api/v1/users/{username}/counsel": { perm: "user.manage", scope: "object" },
  "GET /api/v1/analytics/dashboard": { perm: "analytics.read", scope: "global" },
  "GET /api/v1/analytics/drilldown": { perm: "case.read", scope: "global" },
  "GET /api/v1/analytics/forecast": { perm: "analytics.read", scope: "global" },
  "GET /api/v1/exports/cases": { perm: "case.read", scope: "global" },
  "GET /api/v1/data-dictionary": { perm: "reference.read", scope: "global" },
  "GET /api/v1/checks": { perm: "case.read", scope: "global" },
  "GET /api/v1/cases": { perm: "case.read", scope: "global" },
  "POST /api/v1/cases": {
    perm: "case.create",
    scope: "global",
    body: (c) => ({
      person: { givenName: "Test", familyName: "Matrix", citizenship: ["MX"], languages: ["es"] },
      case: { kind: "removal_240", officeCode: c.own },
      events: [{ on: "2026-01-05", type: "encounter", location: "jail" }],
    }),
  },
  "GET /api/v1/cases/{id}": { perm: "case.read", scope: "case_counsel" },
  "GET /api/v1/cases/{id}/history": { perm: "case.read", scope: "case_counsel" },
  "POST /api/v1/cases/{id}/events": {
    perm: "case.write",
    scope: "case",
    body: () => ({ expectedVersion: 1, event: { on: "2026-02-01", type: "case.note", text: "matrix" } }),
  },
  "GET /api/v1/offices": { perm: "reference.read", scope: "global" },
  "GET /api/v1/courts": { perm: "reference.read", scope: "global" },
  "GET /api/v1/facilities": { perm: "reference.read", scope: "global" },
  "POST /api/v1/admin/seed": { perm: "data.seed", scope: "global", body: () => ({ persons: 0 }) },
  "POST /api/v1/scenarios/evaluate": { perm: "law.evaluate", scope: "global" },
  "GET /api/v1/actions": { scope: "signed_in" },
  "POST /api/v1/cases/{id}/actions/evaluate": { perm: "case.read", scope: "case_counsel" },
  "POST /api/v1/cases/{id}/actions": { perm: "case.write", scope: "case" },
  "GET /api/v1/cases/{id}/deadlines": { perm: "case.read", scope: "case_counsel" },
  "GET /api/v1/reviews": { perm: "case.read", scope: "global" },
  "POST /api/v1/reviews/{reviewId}/decision": { perm: "review.decide", scope: "object" },
  "POST /api/v1/deadlines/sweep": { perm: "case.write", scope: "global" },
  "GET /api/v1/queues/mine": { perm: "case.read", scope: "global" },
  "GET /api/v1/queues/{office}": { perm: "case.read", scope: "global" },
  "POST /api/v1/tasks/{id}/assign": { perm: "case.write", scope: "object" },
  "POST /api/v1/tasks/{id}/hold": { perm: "case.write", scope: "object" },
  "POST /api/v1/tasks/{id}/done": { perm: "case.write", scope: "object" },
  "POST /api/v1/cases/{id}/documents": { perm: "case.write", scope: "case" },
  "GET /api/v1/cases/{id}/documents": { perm: "case.read", scope: "case_counsel" },
  "GET /api/v1/documents/{docId}": { perm: "case.read", scope: "object" },
  "GET /api/v1/documents/{docId}/pdf": { perm: "case.read", scope: "object" },
  "GET /api/v1/documents/{docId}/verify": { perm: "case.read", scope: "object" },
  "POST /api/v1/documents/{docId}/service": { perm: "case.write", scope: "object" },
  "POST /api/v1/document-jobs": { perm: "case.write", scope: "global" },
  "GET /api/v1/document-jobs/{jobId}": { perm: "case.read", scope: "object" },
  "GET /api/v1/movements": { perm: "case.read", scope: "global" },
  "POST /api/v1/movements": { perm: "case.write", scope: "global" },
  "GET /api/v1/movements/alerts": { perm: "case.read", scope: "global" },
  "POST /api/v1/movements/alerts/{alertId}/acknowledge": { perm: "case.write", scope: "object" },
  "GET /api/v1/movements/{id}": { perm: "case.read", scope: "object" },
  "GET /api/v1/movements/{id}/candidates": { perm: "case.read", scope: "object" },
  "POST /api/v1/movements/{id}/manifest": { perm: "case.write", scope: "object" },
  "POST /api/v1/movements/{id}/lock": { perm: "case.write", scope: "object" },
  "POST /api/v1/movements/{id}/board": { perm: "case.write", scope: "object" },
  "POST /api/v1/movements/{id}/strike": { perm: "case.write", scope: "object" },
  "POST /api/v1/movements/{id}/departures": { perm: "case.write", scope: "object" },
  "GET /api/v1/cases/{id}/movements": { perm: "case.read", scope: "case_counsel" },
  "POST /api/v1/cases/{id}/travel-documents/requests": { perm: "case.write", scope: "case" },
  // Occupancy for every role that reads reference data; people on it only for case readers (board.ts).
  "GET /api/v1/detention/board": { perm: "reference.read", scope: "global" },
  "GET /api/v1/detention/facilities/{code}/people": { perm: "case.read", scope: "object" },
  "POST /api/v1/detention/proposals": { perm: "case.read", scope: "global" },
  "GET /api/v1/detention/proposals": { perm: "case.read", scope: "global" },
  "GET /api/v1/detention/proposals/{id}": { perm: "case.read", scope: "object" },
  "POST /api/v1/detention/proposals/{id}/cases/{case}/accept": { perm: "case.write", scope: "object" },
  "PUT /api/v1/detention/cases/{id}/placement-facts": { perm: "case.write", scope: "case" },
  "POST /api/v1/detention/cases/{id}/counsel-notice": { perm: "case.write", scope: "case" },
  "POST /api/v1/detention/counsel-notices/sweep": { perm: "case.write", scope: "global" },
  "GET /api/v1/imports": { perm: "data.import", scope: "global" },
  "POST /api/v1/imports": { perm: "data.import", scope: "global" },
  "GET /api/v1/imports/{id}": { perm: "data.import", scope: "object" },
  "POST /api/v1/imports/start": { perm: "data.import", scope: "global" },
  "POST /api/v1/imports/{id}/rows": { perm: "data.import", scope: "object" },
  "POST /api/v1/imports/{id}/finish": { perm: "data.import", scope: "object" },
  "POST /api/v1/imports/{id}/link": { perm: "data.import", scope: "object" },
  "GET /api/v1/link-reviews": { perm: "data.import", scope: "global" },
  "GET /api/v1/link-reviews/{id}": { perm: "data.import", scope: "object" },
  "POST /api/v1/link-reviews/{id}/decision": { perm: "data.import", scope: "object" },
  "GET /api/v1/persons/{id}": { perm: "case.read", scope: "object" },
  "POST /api/v1/persons/merge": { perm: "data.import", scope: "global" },
  "POST /api/v1/persons/{id}/split": { perm: "data.import", scope: "object" },
};

const users: Record<Role, string> = {
  officer: "officer",
  supervisor: "supervisor",
  counsel: "counsel",
  detention_manager: "detention",
  analyst: "analyst",
  auditor: "auditor",
  admin: "admin",
};
const roleList = Object.keys(users) as Role[];

/** Strings that reveal the confidential records of the fixture's confidential cases. */
const MARKERS = ["asylum_208_6", "I-589", "fear.claimed", "Zorvaxi", "confidential:"];

interface Fixture {
  own: string;
  other: string;
  /** [own office or client?][confidential?] -> case id */
  cases: Record<"own" | "other", Record<"plain" | "conf", string>>;
}

/** Office- and representation-reach the model gives a role for a case of "own" or "other". */
function inReach(role: Role, where: "own" | "other"): boolean {
  if (role === "admin" || role === "auditor" || role === "analyst") return true;
  return where === "own";
}

async function openCase(
  t: TestApp,
  office: string,
  confidential: boolean,
  counselId: string | null,
  tag: string,
) {
  const events: object[] = [{ on: "2026-01-05", type: "encounter", location: "jail" }];
  if (confidential) {
    events.push(
      { on: "2026-01-06", type: "fear.claimed", country: "GT" },
      { on: "2026-01-07", type: "application.filed", form: "I-589", pending: true },
      { on: "2026-01-07", type: "confidentiality.flag", kind: "asylum_208_6" },
    );
  }
  const r = await t.as("admin")("POST", "/api/v1/cases", {
    person: {
      givenName: `Matrix${tag}`,
      familyName: "Person",
      aliases: confidential ? [{ given: "Zorvaxi", family: "Qelmundo", kind: "protected" }] : [],
      citizenship: ["GT"],
      languages: ["es"],
      ...(counselId ? { counselId } : {}),
    },
    case: { kind: "removal_240", officeCode: office },
    events,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.caseId as string;
}

function fill(path: string, caseId: string, c: Fixture): string {
  return path
    .replace("{id}", caseId)
    .replace("{office}", c.own)
    .replace("{username}", "supervisor.mia") // someone other than the caller: a user may always issue their own token
    .replace("{code}", "HOUSPC")
    .replace(/\{[A-Za-z]+\}/g, "00000000-0000-4000-8000-000000000000");
}

/** An injected request as a user; the raw text (CSV, PDF, JSON) is kept for the leak scan. */
async function call(t: TestApp, who: string, method: string, url: string, body?: unknown) {
  const res = await t.app.inject({
    method: method as "GET",
    url,
    headers: { authorization: `Bearer ${await t.token(who)}` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, text: res.body };
}

const denied = (status: number) => status === 401 || status === 403 || status === 404;

describe.each(backends())("access matrix (%s)", (backend) => {
  let t: TestApp;
  let fx: Fixture;
  let routes: [string, string][];

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    const [x] = await t.ctx.database.db.select({ id: counsel.id }).from(counsel).limit(1);
    await linkCounselUser(t.ctx, "system", "counsel", x.id);
    fx = {
      own: "HOU",
      other: "LOS",
      cases: { own: { plain: "", conf: "" }, other: { plain: "", conf: "" } },
    };
    // Counsel's "own" cases are their clients'; the HOU persons are represented by them.
    fx.cases.own.plain = await openCase(t, "HOU", false, x.id, "A");
    fx.cases.own.conf = await openCase(t, "HOU", true, x.id, "B");
    fx.cases.other.plain = await openCase(t, "LOS", false, null, "C");
    fx.cases.other.conf = await openCase(t, "LOS", true, null, "D");
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => [m.toUpperCase(), p] as [string, string]),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it("has an expectation for every route (new routes must be added to the table)", () => {
    const missing = routes.map(([m, p]) => `${m} ${p}`).filter((k) => !expectations[k]);
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it("GET routes: allow, deny or redact for every role x own/other office x confidential or not", async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [method, path] of routes) {
      if (method !== "GET") continue;
      const e = expectations[`${method} ${path}`];
      if (!e || e.scope === "public") continue;
      const caseScoped = e.scope === "case" || e.scope === "case_counsel";
      for (const role of roleList) {
        for (const where of ["own", "other"] as const) {
          for (const kind of ["plain", "conf"] as const) {
            if (!caseScoped && (where === "other" || kind === "plain")) continue;
            cells++;
            const url = fill(path, fx.cases[where][kind], fx);
            const r = await call(t, users[role], "GET", url);
            const label = `${role} ${where}/${kind} GET ${url}`;
            if (r.status >= 500) failures.push(`${label}: ${r.status}`);
            const permitted = !e.perm || can({ role } as never, e.perm);
            if (!permitted) {
              // A case route must refuse by access; elsewhere a validation error (400) also gives nothing away.
              const ok = caseScoped ? denied(r.status) : r.status >= 400;
              if (!ok) failures.push(`${label}: expected a refusal, got ${r.status}`);
              continue;
            }
            if (caseScoped) {
              const reach =
                role === "counsel" ? e.scope === "case_counsel" && where === "own" : inReach(role, where);
              if (reach && r.status !== 200) failures.push(`${label}: expected 200, got ${r.status}`);
              if (!reach) {
                const want = role === "counsel" ? 404 : 403;
                if (r.status !== want) failures.push(`${label}: expected ${want}, got ${r.status}`);
              }
            }
            if (r.status < 300) {
              const text = r.text;
              for (const m of MARKERS)
                if (text.includes(m)) failures.push(`${label}: leaks "${m}" without a purpose`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(100);
  }, 300_000);

  it("write routes: a role without the permission never succeeds", async () => {
    const failures: string[] = [];
    for (const [method, path] of routes) {
      if (method === "GET") continue;
      const e = expectations[`${method} ${path}`];
      if (!e?.perm) continue;
      for (const role of roleList) {
        if (can({ role } as never, e.perm)) continue;
        const url = fill(path, fx.cases.own.plain, fx);
        const r = await call(t, users[role], method, url, e.body?.(fx) ?? {});
        if (r.status < 400 || r.status >= 500) failures.push(`${role} ${method} ${url}: ${r.status}`);
        // With a valid body the refusal must be the access check's, not validation's.
        if (e.body && !denied(r.status))
          failures.push(`${role} ${method} ${url}: expected a refusal, got ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("a write to another office's case is refused; to one's own goes ahead", async () => {
    const write = (who: string, id: string, version: number) =>
      t.as(who)("POST", `/api/v1/cases/${id}/events`, {
        expectedVersion: version,
        event: { on: "2026-02-01", type: "case.note", text: "write check" },
      });
    const other = await write("officer", fx.cases.other.plain, 1);
    expect(other.status).toBe(403);
    const version = (await t.as("officer")("GET", `/api/v1/cases/${fx.cases.own.plain}`)).body.case.version;
    expect((await write("officer", fx.cases.own.plain, version)).status).toBe(201);
    expect((await write("counsel", fx.cases.own.plain, version + 1)).status).toBe(403);
  });

  describe("purpose of access", () => {
    const purpose = "Preparing the merits hearing";
    const get = (_who: string, id: string, headers: Record<string, string> = {}) =>
      t.app
        .inject({ method: "GET", url: `/api/v1/cases/${id}`, headers: { ...headers } })
        .then((r) => ({ status: r.statusCode, body: r.json() }));
    const bearer = async (who: string) => ({ authorization: `Bearer ${await t.token(who)}` });

    it("a need-to-know role without a purpose is asked for one; with one it sees, and the read is logged", async () => {
      const id = fx.cases.own.conf;
      const asked = await get("officer", id, await bearer("officer"));
      expect(asked.body.confidentiality).toEqual({ purposeRequired: true });
      expect(asked.body.history.some((h: { event: { type: string } }) => h.event.type === "restricted")).toBe(
        true,
      );
      const before = await t.ctx.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "disclosure.read"));
      const shown = await get("officer", id, { ...(await bearer("officer")), "x-purpose": purpose });
      expect(shown.status).toBe(200);
      expect(JSON.stringify(shown.body)).toContain("I-589");
      expect(shown.body.case.state.flags).toContain("confidential:asylum_208_6");
      expect(shown.body.person.aliases.map((a: { given: string }) => a.given)).toContain("Zorvaxi");
      const after = await t.ctx.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "disclosure.read"));
      expect(after.length).toBe(before.length + 1);
      const entry = after.at(-1)!;
      expect(entry).toMatchObject({ actor: "officer", purpose, entity: "case", entityId: id });
      expect((entry.detail as { records: number[] }).records.length).toBe(3);
    });

    it("the purpose may come as ?purpose= too, and counsel of record may see their client's claim", async () => {
      const r = await t.as("counsel")(
        "GET",
        `/api/v1/cases/${fx.cases.own.conf}?purpose=${encodeURIComponent(purpose)}`,
      );
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toContain("asylum_208_6");
    });

    it.each([
      ["admin", "own"],
      ["auditor", "own"],
      ["detention", "own"],
      ["supervisor", "own"],
    ] as const)("%s with a purpose: shown only if the role has a need to know", async (who, where) => {
      const r = await get(who, fx.cases[where].conf, { ...(await bearer(who)), "x-purpose": purpose });
      expect(r.status).toBe(200);
      const needToKnow = who === "supervisor";
      expect(JSON.stringify(r.body).includes("I-589")).toBe(needToKnow);
      // No hint to a reader without need to know that anything was withheld.
      expect(r.body.confidentiality).toEqual(
        needToKnow ? { purposeRequired: false, purpose } : { purposeRequired: false },
      );
    });

    it("a too-short purpose is no purpose", async () => {
      const r = await get("officer", fx.cases.own.conf, { ...(await bearer("officer")), "x-purpose": "x" });
      expect(r.body.confidentiality).toEqual({ purposeRequired: true });
    });

    it("a plain case and a confidential one look alike to a reader without need to know", async () => {
      const plain = await get("admin", fx.cases.own.plain, await bearer("admin"));
      const conf = await get("admin", fx.cases.own.conf, await bearer("admin"));
      expect(conf.body.confidentiality).toEqual(plain.body.confidentiality);
      expect(conf.body.case.state.flags).toEqual(plain.body.case.state.flags);
      expect(conf.body.case.kind).toBe(plain.body.case.kind);
    });
  });

  describe("search and lists", () => {
    it("a protected alias finds nothing; the primary name finds the case", async () => {
      for (const who of ["officer", "supervisor", "admin"]) {
        const byAlias = await t.as(who)("GET", "/api/v1/cases?q=Zorvaxi%20Qelmundo");
        expect(byAlias.status).toBe(200);
        expect(byAlias.body.items).toEqual([]);
      }
      const byName = await t.as("officer")("GET", "/api/v1/cases?q=MatrixB%20Person");
      expect(byName.body.items.map((i: { id: string }) => i.id)).toContain(fx.cases.own.conf);
    });

    it("counsel list only their clients' cases", async () => {
      const r = await t.as("counsel")("GET", "/api/v1/cases?limit=200");
      const ids = r.body.items.map((i: { id: string }) => i.id).sort();
      expect(ids).toEqual([fx.cases.own.plain, fx.cases.own.conf].sort());
    });

    it("counsel get not_found for a case that is not their client's, the same answer as a missing case", async () => {
      const other = await t.as("counsel")("GET", `/api/v1/cases/${fx.cases.other.plain}`);
      const missing = await t.as("counsel")("GET", "/api/v1/cases/00000000-0000-4000-8000-000000000001");
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(other.body.error.code).toBe(missing.body.error.code);
    });

    it("an analyst cannot probe which cases exist", async () => {
      const exists = await t.as("analyst")("GET", `/api/v1/cases/${fx.cases.own.plain}`);
      const missing = await t.as("analyst")("GET", "/api/v1/cases/00000000-0000-4000-8000-000000000001");
      expect([exists.status, missing.status]).toEqual([403, 403]);
    });
  });

  /**
   * Confidential words outside the case view, as a matrix (docs/oversight.md §2): a manifest whose
   * person was struck for a protection (PROT-01), a deadline that names a 1367 petition
   * (motion.vawa.due), a review request citing TPS (STAT-01) and a protected alias, in the reader's
   * office and in another, each beside a plain twin; every role, with and without a purpose.
   * allow/deny follows reach; "redact" means the words are gone unless need to know + purpose.
   */
  describe("confidential words on manifests, deadlines, queues, reviews and persons", () => {
    type Where = "own" | "other";
    type Kind = "plain" | "conf";
    type Path = "movement" | "caseMovements" | "deadlines" | "queue" | "reviews" | "person";
    const offices: Record<Where, string> = { own: "HOU", other: "LOS" };
    interface Cell {
      movementId: string;
      caseId: string;
      personId: string;
      reviewId: string;
    }
    const cells = {} as Record<Where, Record<Kind, Cell>>;
    /** Words that must show to a need-to-know reader with a purpose (conf), or to every reader (plain). */
    const words: Record<Path, Record<Kind, string | null>> = {
      movement: { conf: "PROT-01", plain: "STAY-06" },
      caseMovements: { conf: "PROT-01", plain: "STAY-06" },
      deadlines: { conf: "motion.vawa.due", plain: "motion.reopen.due" },
      queue: { conf: "motion.vawa.due", plain: null },
      reviews: { conf: "STAT-01", plain: "DP-01" },
      person: { conf: null, plain: null },
    };
    /** What must never show without need to know and a purpose (and a protected alias never). */
    const secrets = ["PROT-", "protection", "motion.vawa.due", "STAT-", "I-360", "vawa", "Zorvaxi"];
    const purposeText = "Checking the manifest before departure";
    const admin = () => t.as("admin");

    const ordered = (country = "SV") => [
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
      { on: "2026-11-20", type: "medical.clearance", fit: true },
    ];
    const record = async (caseId: string, events: object[]) => {
      for (const event of events) {
        const v = (await admin()("GET", `/api/v1/cases/${caseId}`)).body.case.version;
        const r = await admin()("POST", `/api/v1/cases/${caseId}/events`, { expectedVersion: v, event });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
    };
    const reviewOn = async (office: string, name: string) => {
      const s = scenario(name);
      const c = await openScenarioCase(t, "admin", s, office, `Words${name.replace(/-/g, "")}`);
      const v = (await admin()("GET", `/api/v1/cases/${c.caseId}`)).body.case.version;
      const r = await admin()("POST", `/api/v1/cases/${c.caseId}/actions`, {
        expectedVersion: v,
        action: s.action,
        reason: "Requested for the words matrix",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      return r.body.reviewId as string;
    };

    beforeAll(async () => {
      const [x] = await t.ctx.database.db.select({ id: counsel.id }).from(counsel).limit(1);
      const facilities = (await admin()("GET", "/api/v1/facilities")).body.items as {
        code: string;
        officeCode: string;
      }[];
      for (const where of ["own", "other"] as const) {
        const office = offices[where];
        const m = await admin()("POST", "/api/v1/movements", {
          kind: "flight",
          country: "SV",
          departOn: "2026-11-27",
          departAt: "10:00",
          tz: "America/Chicago",
          stagingFacilityCode: facilities.find((f) => f.officeCode === office)?.code,
          seats: 5,
        });
        expect(m.status, JSON.stringify(m.body)).toBe(201);
        cells[where] = {} as Record<Kind, Cell>;
        for (const kind of ["plain", "conf"] as const) {
          const r = await admin()("POST", "/api/v1/cases", {
            person: {
              givenName: `Words${where}${kind}`,
              familyName: "Matrix",
              birthDate: "1990-01-01",
              citizenship: ["SV"],
              languages: ["es"],
              facts: { represented: true },
              aliases: kind === "conf" ? [{ given: "Zorvaxi", family: "Wordsalias", kind: "protected" }] : [],
              ...(where === "own" ? { counselId: x.id } : {}),
            },
            case: { kind: "removal_240", officeCode: office },
            events: ordered(),
          });
          expect(r.status, JSON.stringify(r.body)).toBe(201);
          const caseId = r.body.caseId as string;
          const added = await admin()("POST", `/api/v1/movements/${m.body.id}/manifest`, { caseId });
          expect(added.status, JSON.stringify(added.body)).toBe(201);
          if (kind === "conf")
            await record(caseId, [
              { on: "2026-11-27", type: "protection.granted", kind: "withholding", country: "SV" },
              { on: "2026-11-27", type: "application.filed", form: "I-360", pending: true },
              { on: "2026-11-27", type: "confidentiality.flag", kind: "vawa_t_u_1367" },
            ]);
          else
            await record(caseId, [
              {
                on: "2026-11-27",
                at: "08:12",
                type: "stay.granted",
                by: "circuit",
                pending: "petition for review",
              },
            ]);
          const personId = (await admin()("GET", `/api/v1/cases/${caseId}`)).body.person.id as string;
          const reviewId = await reviewOn(office, kind === "conf" ? "SC-38b-removal" : "SC-06");
          cells[where][kind] = { movementId: m.body.id, caseId, personId, reviewId };
        }
      }
      const sweep = await admin()("POST", "/api/v1/deadlines/sweep", { withinDays: 366 });
      expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
    }, 240_000);

    const url = (path: Path, where: Where, c: Cell) =>
      ({
        movement: `/api/v1/movements/${c.movementId}`,
        caseMovements: `/api/v1/cases/${c.caseId}/movements`,
        deadlines: `/api/v1/cases/${c.caseId}/deadlines`,
        queue: `/api/v1/queues/${offices[where]}?limit=500`,
        reviews: "/api/v1/reviews",
        person: `/api/v1/persons/${c.personId}`,
      })[path];

    /** The part of an answer about this cell's case (lists hold other cases too). */
    interface Answer {
      entries: { caseId: string }[];
      alerts: { caseId: string }[];
      items: { caseId: string; id: string }[];
    }
    function part(path: Path, body: Answer, c: Cell): unknown {
      if (path === "movement")
        return [
          body.entries.filter((e: { caseId: string }) => e.caseId === c.caseId),
          body.alerts.filter((a: { caseId: string }) => a.caseId === c.caseId),
        ];
      if (path === "queue") return body.items.filter((i: { caseId: string }) => i.caseId === c.caseId);
      if (path === "reviews") return body.items.find((i: { id: string }) => i.id === c.reviewId) ?? null;
      return body;
    }

    /** allow / deny from reach; "absent" for a list that answers but must not hold the case. */
    function expected(role: Role, where: Where, path: Path): "allow" | "deny" | "absent" {
      if (role === "analyst") return "deny";
      if (role === "counsel") {
        if (path === "reviews") return "absent";
        if (path === "movement" || path === "queue") return "deny";
        return where === "own" ? "allow" : "deny";
      }
      const reach = inReach(role, where);
      if (path === "reviews") return reach ? "allow" : "absent";
      // Those who import and merge records see every person (getPersonView), never a protected alias.
      if (path === "person" && can({ role } as never, "data.import")) return "allow";
      return reach ? "allow" : "deny";
    }

    it("allow, deny or redact: role x own/other office x confidential or not x purpose or not", async () => {
      const failures: string[] = [];
      let checked = 0;
      const paths = Object.keys(words) as Path[];
      for (const role of roleList)
        for (const where of ["own", "other"] as const)
          for (const kind of ["plain", "conf"] as const)
            for (const purpose of [undefined, purposeText])
              for (const path of paths) {
                const c = cells[where][kind];
                const res = await t.app.inject({
                  method: "GET",
                  url: url(path, where, c),
                  headers: {
                    authorization: `Bearer ${await t.token(users[role])}`,
                    ...(purpose ? { "x-purpose": purpose } : {}),
                  },
                });
                checked++;
                const label = `${role} ${where}/${kind} ${purpose ? "purpose" : "no purpose"} ${path}`;
                const want = expected(role, where, path);
                if (want === "deny") {
                  if (!denied(res.statusCode))
                    failures.push(`${label}: expected a refusal, got ${res.statusCode}`);
                  continue;
                }
                if (res.statusCode !== 200) {
                  failures.push(`${label}: expected 200, got ${res.statusCode}`);
                  continue;
                }
                const text = JSON.stringify(part(path, res.json(), c));
                if (want === "absent") {
                  if (text !== "null") failures.push(`${label}: lists a case out of reach`);
                  continue;
                }
                const needToKnow = (["officer", "supervisor", "counsel"] as Role[]).includes(role);
                const shown = kind === "conf" && needToKnow && Boolean(purpose);
                const expectWords = words[path][kind];
                if (kind === "conf" && !shown)
                  for (const s of secrets) if (text.includes(s)) failures.push(`${label}: leaks "${s}"`);
                if (expectWords && (kind === "plain" || shown) && !text.includes(expectWords))
                  failures.push(`${label}: "${expectWords}" should show (redaction over-reaches)`);
                if (text.includes("Zorvaxi")) failures.push(`${label}: shows a protected alias`);
              }
      expect(failures).toEqual([]);
      expect(checked).toBe(roleList.length * 2 * 2 * 2 * 6);
    }, 300_000);
  });

  describe("hardening", () => {
    const signIn = async () => {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { username: "officer", password: "demo-password" },
      });
      const cookies = Object.fromEntries(r.cookies.map((c) => [c.name, c.value]));
      // The CSRF cookie comes with the first read (the app's GET /me).
      const me = await t.app.inject({ method: "GET", url: "/api/v1/me", cookies });
      for (const c of me.cookies) cookies[c.name] = c.value;
      return cookies;
    };
    const note = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/cases/${fx.cases.own.plain}/events`,
        headers: { "content-type": "application/json", ...headers },
        payload: { expectedVersion: 999, event: { on: "2026-02-01", type: "case.note", text: "csrf" } },
      });

    it("refuses a cookie-authenticated write from another site; accepts the token or a same-origin one", async () => {
      const c = await signIn();
      expect(c.immos_session).toBeTruthy();
      expect(c.immos_csrf).toBeTruthy();
      const cookie = `immos_session=${c.immos_session}; immos_csrf=${c.immos_csrf}`;
      expect((await note({ cookie, origin: "https://evil.example" })).statusCode).toBe(403);
      expect((await note({ cookie, "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
      expect((await note({ cookie, "sec-fetch-site": "same-site" })).statusCode).toBe(403);
      // Past the CSRF check, the stale version is refused by the use case: 409, not 403.
      expect(
        (await note({ cookie, origin: "https://evil.example", "x-csrf-token": c.immos_csrf })).statusCode,
      ).toBe(409);
      expect((await note({ cookie, "sec-fetch-site": "same-origin" })).statusCode).toBe(409);
      expect((await note({ cookie, origin: "http://localhost:80", host: "localhost:80" })).statusCode).toBe(
        409,
      );
      expect(
        (await note({ cookie, origin: "https://evil.example", "x-csrf-token": "forged" })).statusCode,
      ).toBe(403);
      // Bearer tokens are not sent by browsers on their own: exempt.
      const bearer = `Bearer ${await t.token("officer")}`;
      expect((await note({ authorization: bearer, origin: "https://evil.example" })).statusCode).toBe(409);
    });

    it("sends security headers (CSP, no sniffing, frame denial)", async () => {
      const r = await t.app.inject({ method: "GET", url: "/api/health" });
      expect(r.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(r.headers["x-frame-options"])).toMatch(/SAMEORIGIN|DENY/);
    });

    it("rate-limits password sign-in", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await t.app.inject({
          method: "POST",
          url: "/api/v1/auth/sign-in",
          remoteAddress: "10.9.9.9",
          payload: { username: "officer", password: "wrong-password" },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    });
  });
});

describe("no SQL built from strings in src/", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith(".test.ts") ? [p] : [];
    });
  const SQL_WORDS = /\b(select|insert|update|delete)\b[\s\S]{0,40}\b(from|into|set|where)\b/i;

  it("has no sql.raw and no query text joined with + or interpolated outside the sql tag", () => {
    const offences: string[] = [];
    for (const file of files("src")) {
      const text = readFileSync(file, "utf8");
      text.split("\n").forEach((line, i) => {
        const where = `${file}:${i + 1}`;
        if (/\bsql\.raw\s*\(/.test(line)) offences.push(`${where}: sql.raw(`);
        // A quoted SQL fragment joined with + is a query built from strings.
        if (/["'`][^"'`]*\b(select|insert into|update|delete from|where)\b[^"'`]*["'`]\s*\+/i.test(line)) {
          offences.push(`${where}: string-concatenated SQL`);
        }
        // A template literal holding SQL with ${...} but not tagged `sql` (or an execute of a plain string).
        for (const m of line.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
          const tagged = /\bsql(<[^`]*>)?\s*$/.test(line.slice(0, m.index));
          if (!tagged && SQL_WORDS.test(m[1])) offences.push(`${where}: untagged SQL template`);
        }
        if (/\.(execute|query)\(\s*`[^`]*\$\{/.test(line)) offences.push(`${where}: interpolated query text`);
      });
    }
    expect(offences).toEqual([]);
  });
});
