/**
 * The documents path honours the law engine's service and signing rules, on
 * PGlite and PostgreSQL:
 * - NTA-08: only an authorised issuer may generate (sign) an NTA, an I-200 or
 *   an I-205; the issuer table and the form table are configuration;
 * - NTA-04: an NTA served on a child under 14 must be served on the adult the
 *   child lives with (else refused); one served in person on a detained person
 *   should also go to the person in charge of the facility (else flagged and
 *   needs acknowledgement); a 14-year-old may be served alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { putSetting } from "../src/store/repositories/settings.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const hearing = { date: "2027-01-12", time: "09:30", place: "Houston Immigration Court, 600 Jefferson St" };
const ntaDetails = {
  nta: {
    charges: [
      {
        section: "212(a)(6)(A)(i)",
        description: "an alien present in the United States without being admitted or paroled",
      },
    ],
    hearing,
  },
};
const address = { line1: "1457 Alder Court, Apt 3", city: "Pasadena", state: "TX", postalCode: "77506" };

describe.each(backends())("documents: signing authority and service rules on %s", (backend) => {
  let t: TestApp;
  let office: string;
  let seq = 0;
  const as = (user: string) => t.as(user);

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    office = (await as("officer")("GET", "/api/v1/me")).body.offices[0];
  });
  afterAll(() => t?.close());

  const open = async (person: Record<string, unknown> = {}, events: unknown[] = []) => {
    seq += 1;
    const r = await as("officer")("POST", "/api/v1/cases", {
      person: {
        givenName: "Jean",
        familyName: `Baptiste-${seq}`,
        aNumber: `A201-666-${String(100 + seq).padStart(3, "0")}`,
        birthDate: "1990-03-02",
        birthCountry: "HT",
        citizenship: ["HT"],
        languages: ["ht"],
        sex: "M",
        facts: { address },
        ...person,
      },
      case: { kind: "removal_240", officeCode: office },
      events: [
        { on: "2019-05-02", type: "entry", manner: "ewi" },
        { on: "2026-11-20", type: "encounter", location: "traffic_stop" },
        ...events,
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseId: string; number: string; version: number };
  };
  const render = (user: string, caseId: string, body: Record<string, unknown>) =>
    as(user)("POST", `/api/v1/cases/${caseId}/documents`, body);

  describe("NTA-08: issuing authority", () => {
    it("an officer may not sign an NTA or an I-200; a supervisor may", async () => {
      const c = await open();
      const byOfficer = await render("officer", c.caseId, { form: "I-862", details: ntaDetails });
      expect(byOfficer.status).toBe(422);
      expect(byOfficer.body.error.code).toBe("document_refused");
      expect(byOfficer.body.error.details.rules).toEqual(["NTA-08"]);
      expect(byOfficer.body.error.details.violations[0].citation).toContain("239.1(a)");
      expect(byOfficer.body.error.message).toContain("deportation officer");
      const warrant = await render("officer", c.caseId, {
        form: "I-200",
        details: { i200: { basis: ["charging_document"] } },
      });
      expect(warrant.status).toBe(422);
      expect(warrant.body.error.details.rules).toContain("NTA-08");
      const bySupervisor = await render("supervisor", c.caseId, { form: "I-862", details: ntaDetails });
      expect(bySupervisor.status, JSON.stringify(bySupervisor.body)).toBe(201);
      // Forms NTA-08 does not govern are not affected.
      expect((await render("officer", c.caseId, { form: "I-826" })).status).toBe(201);
      const list = await as("officer")("GET", `/api/v1/cases/${c.caseId}/documents`);
      expect(list.body.items.map((d: { form: string }) => d.form).sort()).toEqual(["I-826", "I-862"]);
    });

    it("one refusal names NTA-08 and every missing field", async () => {
      const c = await open({ facts: {} });
      const r = await render("officer", c.caseId, { form: "I-862", details: ntaDetails });
      expect(r.body.error.code).toBe("document_refused");
      expect(r.body.error.details.rules).toEqual(["NTA-08"]);
      expect(r.body.error.details.missing).toEqual(["person.address"]);
    });

    it("the I-205 needs a 241.2(a) official: refused by default, allowed once the issuer table names one", async () => {
      const c = await open({}, [{ on: "2026-11-21", type: "order.issued", by: "IJ", kind: "removal" }]);
      const before = await render("supervisor", c.caseId, { form: "I-205" });
      expect(before.status).toBe(422);
      expect(before.body.error.details.rules).toEqual(["NTA-08"]);
      expect(before.body.error.details.violations[0].citation).toContain("241.2(a)");
      await putSetting(t.ctx.database.db, "documents", "issuers", {
        users: { supervisor: "field_office_director" },
      });
      try {
        const after = await render("supervisor", c.caseId, { form: "I-205" });
        expect(after.status, JSON.stringify(after.body)).toBe(201);
        // The officer's own entry is still not an authorised title.
        expect((await render("officer", c.caseId, { form: "I-205" })).body.error.details.rules).toEqual([
          "NTA-08",
        ]);
      } finally {
        await putSetting(t.ctx.database.db, "documents", "issuers", {});
      }
    });

    it("the form table is the law configuration: a deployment may authorise deportation officers", async () => {
      const c = await open();
      await putSetting(t.ctx.database.db, "law", "issuingRoles", { "I-862": ["deportation_officer"] });
      try {
        expect((await render("officer", c.caseId, { form: "I-862", details: ntaDetails })).status).toBe(201);
        expect((await render("supervisor", c.caseId, { form: "I-862", details: ntaDetails })).status).toBe(
          422,
        );
      } finally {
        await putSetting(t.ctx.database.db, "law", "issuingRoles", {});
      }
    });

    it("a bulk job started by an officer records each NTA as refused by NTA-08", async () => {
      const c = await open();
      const job = await as("officer")("POST", "/api/v1/document-jobs", {
        form: "I-862",
        details: ntaDetails,
        selection: { caseIds: [c.number] },
      });
      expect(job.status).toBe(202);
      const end = Date.now() + 60_000;
      let view = job.body;
      while (view.status !== "done" && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        view = (await as("officer")("GET", `/api/v1/document-jobs/${job.body.id}`)).body;
      }
      expect(view.items[0].status).toBe("refused");
      expect(view.items[0].error.details.rules).toEqual(["NTA-08"]);
    });
  });

  describe("NTA-04: service on a child, on a detained person", () => {
    const ntaFor = async (c: { caseId: string }) => {
      const doc = await render("supervisor", c.caseId, { form: "I-862", details: ntaDetails });
      expect(doc.status, JSON.stringify(doc.body)).toBe(201);
      return doc.body.id as string;
    };
    const serve = (docId: string, body: Record<string, unknown>) =>
      as("officer")("POST", `/api/v1/documents/${docId}/service`, { on: "2026-11-27", lang: "ht", ...body });

    it("a child under 14 served alone is refused; served through the adult they live with, it is recorded", async () => {
      const c = await open({ birthDate: "2016-04-10" });
      const doc = await ntaFor(c);
      const alone = await serve(doc, {
        expectedVersion: c.version,
        recipients: [{ to: "person", method: "personal" }],
      });
      expect(alone.status).toBe(422);
      expect(alone.body.error.code).toBe("blocked_by_law");
      expect(alone.body.error.details.rules).toContain("NTA-04");
      const withAdult = await serve(doc, {
        expectedVersion: c.version,
        recipients: [
          { to: "custodian", method: "personal", name: "Marie Baptiste (mother)" },
          { to: "person", method: "personal" },
        ],
      });
      expect(withAdult.status, JSON.stringify(withAdult.body)).toBe(201);
      expect(withAdult.body.version).toBe(c.version + 1);
      const view = await as("officer")("GET", `/api/v1/cases/${c.caseId}`);
      expect(view.body.history.at(-1).event).toMatchObject({ type: "nta.served", servedTo: "custodian" });
    });

    it("a 14-year-old may be served alone", async () => {
      const c = await open({ birthDate: "2012-01-05" });
      const doc = await ntaFor(c);
      const alone = await serve(doc, {
        expectedVersion: c.version,
        recipients: [{ to: "person", method: "personal" }],
      });
      expect(alone.status, JSON.stringify(alone.body)).toBe(201);
      expect(alone.body.verdict.findings).toContainEqual(
        expect.objectContaining({ rule: "NTA-04", outcome: "ALLOW" }),
      );
    });

    it("a detained person served in person alone is flagged (acknowledge); with the facility's custodian it is not", async () => {
      const facilities = (await as("officer")("GET", "/api/v1/facilities")).body.items as {
        code: string;
        kinds: string[];
      }[];
      const adult = facilities.find((f) => f.kinds.includes("adult"));
      const booked = {
        on: "2026-11-21",
        type: "custody.booked",
        facility: { code: adult?.code, kind: "adult" },
        authority: "236a",
      };
      const c = await open({}, [booked]);
      const doc = await ntaFor(c);
      const alone = await serve(doc, {
        expectedVersion: c.version,
        recipients: [{ to: "person", method: "personal" }],
      });
      expect(alone.status).toBe(422);
      expect(alone.body.error.code).toBe("acknowledgement_required");
      expect(alone.body.error.message).toContain("NTA-04");
      expect(alone.body.error.message).toContain("person in charge of the facility");
      const withCustodian = await serve(doc, {
        expectedVersion: c.version,
        recipients: [
          { to: "person", method: "personal" },
          { to: "custodian", method: "personal", name: "Facility administrator" },
        ],
      });
      expect(withCustodian.status, JSON.stringify(withCustodian.body)).toBe(201);
      expect(withCustodian.body.verdict.findings).not.toContainEqual(
        expect.objectContaining({ rule: "NTA-04", outcome: "WARN" }),
      );
    });
  });
});
