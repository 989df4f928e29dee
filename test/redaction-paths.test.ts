/**
 * Confidential words outside the case view (docs/oversight.md §2), over the
 * HTTP API on PGlite and PostgreSQL: removal manifests (verdicts, struck
 * reasons, gates, alerts), deadlines (per case, the sweep, the queue's
 * tasks), review requests, and persons (view and search). A reader without
 * a need to know, or with one but no stated purpose, gets the outcomes and
 * dates and the neutral WITHHELD; a need-to-know reader with a purpose gets
 * the words, and that read is logged as a disclosure. A plain case keeps its
 * words for everyone (the redaction does not over-reach).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WITHHELD } from "../src/app/oversight/verdict-redaction.js";
import { auditLog } from "../src/store/schema.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

const TODAY = "2026-11-27";
const PURPOSE = "Preparing the removal review";

/** Strings that name the protection or the 1367 petition of this file's confidential cases. */
const MARKERS = [
  "PROT-",
  "CONF-",
  "STAT-",
  "withholding",
  "protection",
  "motion.vawa.due",
  "I-360",
  "VAWA",
  "vawa",
  "tps",
  "TPS",
  "Qorvelle",
];
const leaks = (body: unknown) => MARKERS.filter((m) => JSON.stringify(body).includes(m));

/** A final order to El Salvador with everything a removal needs (as in test/movements.test.ts). */
function orderedHistory(country = "SV") {
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
    { on: "2026-11-20", type: "medical.clearance", fit: true },
  ];
}

describe.each(backends())("confidential words outside the case view (%s)", (backend) => {
  let t: TestApp;
  let office: string;
  let facility: string;
  let n = 0;

  const as = (who: string, purpose?: string) => async (method: string, url: string, body?: unknown) => {
    const res = await t.app.inject({
      method: method as "GET",
      url,
      headers: {
        authorization: `Bearer ${await t.token(who)}`,
        ...(purpose ? { "x-purpose": purpose } : {}),
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const officer = (purpose?: string) => as("officer", purpose);
  const disclosures = async () =>
    t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "disclosure.read"));

  const openCase = async (events: object[], person: Record<string, unknown> = {}) => {
    n += 1;
    const r = await officer()("POST", "/api/v1/cases", {
      person: {
        givenName: `Redact${n}`,
        familyName: "Paths",
        birthDate: "1990-01-01",
        citizenship: ["SV"],
        languages: ["es"],
        facts: { represented: true },
        ...person,
      },
      case: { kind: "removal_240", officeCode: office },
      events,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };
  const record = async (caseId: string, event: object) => {
    const v = (await officer()("GET", `/api/v1/cases/${caseId}`)).body.case.version;
    const r = await officer()("POST", `/api/v1/cases/${caseId}/events`, { expectedVersion: v, event });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: TODAY });
    office = (await officer()("GET", "/api/v1/me")).body.offices[0];
    const facilities = await officer()("GET", "/api/v1/facilities");
    facility = facilities.body.items.find((f: { officeCode: string }) => f.officeCode === office).code;
  }, 120_000);
  afterAll(() => t?.close());

  describe("removal manifests", () => {
    let movementId: string;
    let prot: { caseId: string };
    let plain: { caseId: string };

    beforeAll(async () => {
      const m = await officer()("POST", "/api/v1/movements", {
        kind: "flight",
        country: "SV",
        departOn: TODAY,
        departAt: "10:00",
        tz: "America/Chicago",
        stagingFacilityCode: facility,
        seats: 5,
      });
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      movementId = m.body.id;
      prot = await openCase(orderedHistory());
      plain = await openCase(orderedHistory());
      for (const c of [prot, plain]) {
        const added = await officer()("POST", `/api/v1/movements/${movementId}/manifest`, {
          caseId: c.caseId,
        });
        expect(added.status, JSON.stringify(added.body)).toBe(201);
      }
      // Withholding of removal to SV granted after the person was listed: the gate strikes them (PROT-01).
      await record(prot.caseId, {
        on: TODAY,
        type: "protection.granted",
        kind: "withholding",
        country: "SV",
      });
      await record(plain.caseId, {
        on: TODAY,
        at: "08:12",
        type: "stay.granted",
        by: "circuit",
        pending: "petition for review",
      });
    }, 120_000);

    interface Entry {
      status: string;
      lastGate: string;
      struckReason: { message: string; findings: { rule: string }[] };
    }
    const entry = (view: { entries: { caseId: string }[] }, caseId: string) =>
      view.entries.find((e) => e.caseId === caseId) as unknown as Entry;

    it("the struck reason, verdicts, gate and alert of a protected person are withheld without a purpose", async () => {
      for (const who of ["officer", "supervisor", "admin"]) {
        const r = await as(who)("GET", `/api/v1/movements/${movementId}`);
        expect(r.status, who).toBe(200);
        const e = entry(r.body, prot.caseId);
        expect(e.status).toBe("struck");
        expect(e.struckReason.message).toBe(WITHHELD);
        expect(e.struckReason.findings.length).toBeGreaterThan(0);
        expect(e.struckReason.findings.map((f: { rule: string }) => f.rule)).toContain("RESTRICTED");
        expect(e.lastGate).toBe("event:restricted");
        const alert = r.body.alerts.find((a: { caseId: string }) => a.caseId === prot.caseId);
        expect(alert.message).toBe(WITHHELD);
        expect(leaks(e), `${who}: ${JSON.stringify(e)}`).toEqual([]);
        expect(leaks(alert), who).toEqual([]);
        // The plain person's reasons stay readable: the redaction is per case.
        expect(entry(r.body, plain.caseId).struckReason.message).toContain("STAY-06");
      }
      const mine = await officer()("GET", "/api/v1/movements/alerts");
      const alert = mine.body.items.find((a: { caseId: string }) => a.caseId === prot.caseId);
      expect(alert.message).toBe(WITHHELD);
      expect(leaks(mine.body.items.filter((a: { caseId: string }) => a.caseId === prot.caseId))).toEqual([]);
      const onCase = await officer()("GET", `/api/v1/cases/${prot.caseId}/movements`);
      expect(onCase.body.entries[0].struckReason.message).toBe(WITHHELD);
      expect(leaks(onCase.body.entries)).toEqual([]);
    });

    it("with a purpose, a need-to-know reader sees why, and the read is logged; admin still does not", async () => {
      const before = (await disclosures()).length;
      const r = await officer(PURPOSE)("GET", `/api/v1/movements/${movementId}`);
      const e = entry(r.body, prot.caseId);
      expect(e.struckReason.message).toContain("PROT-01");
      expect(e.lastGate).toBe("event:protection.granted");
      const after = await disclosures();
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)).toMatchObject({ actor: "officer", purpose: PURPOSE, entityId: prot.caseId });
      const last = after[after.length - 1];
      expect((last.detail as { records: string[] }).records[0]).toMatch(/^manifest:/);

      const admin = await as("admin", PURPOSE)("GET", `/api/v1/movements/${movementId}`);
      expect(entry(admin.body, prot.caseId).struckReason.message).toBe(WITHHELD);
      expect((await disclosures()).length).toBe(before + 1);
    });

    it("a verdict's or deadlines' words shown with a purpose are logged as a disclosure; withheld ones are not", async () => {
      const action = { type: "removal.execute", on: TODAY, country: "SV" };
      const before = (await disclosures()).length;
      const blind = await officer()("POST", `/api/v1/cases/${prot.caseId}/actions/evaluate`, { action });
      expect(blind.status).toBe(200);
      expect(JSON.stringify(blind.body.verdict)).not.toContain("PROT-01");
      await officer()("GET", `/api/v1/cases/${prot.caseId}/deadlines`);
      expect((await disclosures()).length).toBe(before);

      const told = await officer(PURPOSE)("POST", `/api/v1/cases/${prot.caseId}/actions/evaluate`, {
        action,
      });
      expect(JSON.stringify(told.body.verdict)).toContain("PROT-01");
      await officer(PURPOSE)("GET", `/api/v1/cases/${prot.caseId}/deadlines`);
      const after = await disclosures();
      expect(after.length).toBe(before + 2);
      // The disclosures query has no order: compare the two newest entries' records as a set.
      const newest = after
        .filter((d) => d.entityId === prot.caseId)
        .map((d) => (d.detail as { records: string[] }).records[0]);
      expect(newest).toEqual(expect.arrayContaining(["verdict:removal.execute", "deadlines"]));
    });
  });

  describe("deadlines and review requests", () => {
    let vawa: { caseId: string };
    let tps: { caseId: string; number: string };
    let reviewId: string;

    beforeAll(async () => {
      // A final order and a VAWA self-petition: TIME-08 gives motion.vawa.due a year after the order.
      vawa = await openCase(
        [
          ...orderedHistory(),
          { on: "2026-07-01", type: "application.filed", form: "I-360", pending: true },
          { on: "2026-07-01", type: "confidentiality.flag", kind: "vawa_t_u_1367" },
        ].sort((a, b) => a.on.localeCompare(b.on)),
      );
      const s = scenario("SC-38b-removal");
      tps = await openScenarioCase(t, "officer", s, office, "RedactTps");
      const v = (await officer()("GET", `/api/v1/cases/${tps.caseId}`)).body.case.version;
      const r = await officer()("POST", `/api/v1/cases/${tps.caseId}/actions`, {
        expectedVersion: v,
        action: s.action,
        reason: "TPS designation under litigation; OPLA to confirm",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      reviewId = r.body.reviewId;
    }, 120_000);

    it("a confidential case's deadlines lose the words that name the petition, not their dates", async () => {
      const shown = await officer(PURPOSE)("GET", `/api/v1/cases/${vawa.caseId}/deadlines`);
      const vawaDue = shown.body.items.find((d: { kind: string }) => d.kind === "motion.vawa.due");
      expect(vawaDue).toBeDefined();
      for (const who of ["officer", "supervisor", "detention", "admin"]) {
        const r = await as(who)("GET", `/api/v1/cases/${vawa.caseId}/deadlines`);
        expect(r.status, who).toBe(200);
        expect(leaks(r.body), who).toEqual([]);
        expect(r.body.items.map((d: { due: string }) => d.due)).toContain(vawaDue.due);
        expect(r.body.items.some((d: { note?: string }) => d.note)).toBe(false);
      }
    });

    it("the sweep's report and the queue's tasks withhold them too, and show them with a purpose", async () => {
      const sweep = await officer()("POST", "/api/v1/deadlines/sweep", { office, withinDays: 366 });
      expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
      const items = sweep.body.offices
        .flatMap((o: { items: { caseId: string }[] }) => o.items)
        .filter((i: { caseId: string }) => i.caseId === vawa.caseId);
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((i: { kind: string }) => i.kind)).toContain("restricted");
      expect(leaks(items)).toEqual([]);

      const ofCase = (body: { items: { caseId: string }[] }) =>
        body.items.filter((i) => i.caseId === vawa.caseId || i.caseId === tps.caseId);
      for (const who of ["officer", "supervisor"]) {
        const q = await as(who)("GET", `/api/v1/queues/${office}?limit=500`);
        expect(q.status).toBe(200);
        expect(ofCase(q.body).length).toBeGreaterThan(0);
        expect(leaks(ofCase(q.body)), who).toEqual([]);
      }
      const shown = await officer(PURPOSE)("GET", `/api/v1/queues/${office}?limit=500`);
      expect(JSON.stringify(ofCase(shown.body))).toContain("motion.vawa.due");
    });

    it("a review request on a confidential case withholds its verdict, reasons and action details", async () => {
      for (const who of ["officer", "supervisor", "admin"]) {
        const r = await as(who)("GET", "/api/v1/reviews");
        expect(r.status).toBe(200);
        const review = r.body.items.find((x: { id: string }) => x.id === reviewId);
        expect(review, who).toBeDefined();
        expect(review.verdict.outcome).toBe("REVIEW");
        expect(review.requestReason).toBe(WITHHELD);
        expect(leaks(review), `${who}: ${JSON.stringify(review)}`).toEqual([]);
      }
      const shown = await as("supervisor", PURPOSE)("GET", "/api/v1/reviews");
      const review = shown.body.items.find((x: { id: string }) => x.id === reviewId);
      expect(review.verdict.findings.map((f: { rule: string }) => f.rule)).toContain("STAT-01");
      expect(review.requestReason).toContain("TPS");
      const denied = await as("admin", PURPOSE)("GET", "/api/v1/reviews");
      expect(leaks(denied.body.items.find((x: { id: string }) => x.id === reviewId))).toEqual([]);
    });
  });

  describe("persons", () => {
    let person: { caseId: string; personId: string };

    beforeAll(async () => {
      const c = await openCase([{ on: "2026-01-05", type: "encounter", location: "jail" }], {
        givenName: "Ilse",
        familyName: "Marovent",
        aliases: [{ given: "Qorvelle", family: "Tansimar", kind: "protected" }],
      });
      const view = await officer(PURPOSE)("GET", `/api/v1/cases/${c.caseId}`);
      person = { caseId: c.caseId, personId: view.body.person.id };
      // Others whose names are near the protected alias, so a hidden match would show as a gap.
      for (let i = 0; i < 3; i++) await openCase([], { givenName: "Qorvelle", familyName: `Tansima${i}` });
    }, 120_000);

    it("GET /persons/:id never shows a protected alias, with or without a purpose", async () => {
      for (const [who, purpose] of [
        ["officer", undefined],
        ["officer", PURPOSE],
        ["supervisor", undefined],
        ["admin", undefined],
      ] as const) {
        const r = await as(who, purpose)("GET", `/api/v1/persons/${person.personId}`);
        expect(r.status, who).toBe(200);
        expect(leaks(r.body), who).toEqual([]);
        expect(JSON.stringify(r.body)).toContain("Marovent");
      }
    });

    it("a search by the protected alias finds the others, never the person, on every page", async () => {
      const q = encodeURIComponent("Qorvelle Tansimar");
      const all = await officer()("GET", `/api/v1/cases?q=${q}&limit=50`);
      const ids = all.body.items.map((i: { id: string }) => i.id);
      expect(ids).not.toContain(person.caseId);
      expect(ids.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(all.body)).not.toContain("Marovent");
      // Page by page, one row at a time: the pages are exactly the full list, with no empty gap.
      const paged: string[] = [];
      for (let offset = 0; offset < ids.length + 2; offset++) {
        const r = await officer()("GET", `/api/v1/cases?q=${q}&limit=1&offset=${offset}`);
        paged.push(...r.body.items.map((i: { id: string }) => i.id));
        expect(r.body.items.length, `offset ${offset}`).toBe(offset < ids.length ? 1 : 0);
      }
      expect(paged).toEqual(ids);
      const byAliasOnly = await as("supervisor")("GET", `/api/v1/cases?q=${encodeURIComponent("Tansimar")}`);
      expect(byAliasOnly.body.items.map((i: { id: string }) => i.id)).not.toContain(person.caseId);
    });
  });
});
