/**
 * Persons with stable ids, on PGlite and PostgreSQL: an imported record joins the existing
 * person it matches or creates one; uncertain pairs wait in the review queue (accept merges,
 * reject does not); a merge moves cases and redirects the merged id, and a split restores both
 * persons and their cases exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { importText } from "./support/imports.js";
import { MAPPING, type PersonRow, personRows, toCsv } from "./support/person-rows.js";

describe.each(backends())("person linkage on %s", (backend) => {
  let t: TestApp;
  let sup: ReturnType<TestApp["as"]>;
  const base = personRows(150, 5, "b");
  const personOfRecord = new Map<string, string>();

  const recordsOf = async (importId: string) => {
    // Source records are listed per person; walk the import's persons through the API.
    const view = await sup("GET", `/api/v1/imports/${importId}`);
    return view.body;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
    sup = t.as("supervisor");
    const first = await importText(sup, { source: "base", content: toCsv(base), mapping: MAPPING });
    expect(first).toMatchObject({ status: "done", accepted: 150, createdPersons: 150, linked: 0 });
    await recordsOf(first.id);
  });
  afterAll(() => t?.close());

  const personIdOf = async (source: string, sourceId: string): Promise<string> => {
    const key = `${source}:${sourceId}`;
    const known = personOfRecord.get(key);
    if (known) return known;
    const { ctx } = t;
    const { sql } = await import("drizzle-orm");
    const res = await ctx.database.db.execute(
      sql`select person_id from source_records where source = ${source} and source_id = ${sourceId}`,
    );
    const id = ((res as unknown as { rows: { person_id: string }[] }).rows ?? res)[0].person_id;
    personOfRecord.set(key, id);
    return id;
  };

  it("links a matching record to the existing person and creates persons for new ones", async () => {
    const typo: PersonRow = { ...base[0], rec_id: "p1", given: `${base[0].given}a` };
    const swapped: PersonRow = { ...base[1], rec_id: "p2", given: base[1].family, family: base[1].given };
    const fresh = personRows(2, 99, "p-new");
    const uncertain: PersonRow[] = [
      { ...base[2], rec_id: "u1", a_number: "A999000111", street: "1 Other Rd", zip: "78000" },
      { ...base[3], rec_id: "u2", a_number: "", dob: `01/01/${base[3].dob.slice(6)}`, street: "", zip: "" },
      { ...base[4], rec_id: "u3", a_number: "", dob: "", street: "" },
    ];
    const r = await importText(sup, {
      source: "partner",
      content: toCsv([typo, swapped, ...fresh, ...uncertain]),
      mapping: MAPPING,
      thresholds: { upper: 0.99, lower: 0.05 },
    });
    expect(r).toMatchObject({ status: "done", accepted: 7, linked: 3, createdPersons: 4, reviews: 2 });
    expect(await personIdOf("partner", "p1")).toBe(await personIdOf("base", base[0].rec_id));
    expect(await personIdOf("partner", "p2")).toBe(await personIdOf("base", base[1].rec_id));
    const baseIds = new Set(await Promise.all(base.map((b) => personIdOf("base", b.rec_id))));
    const created = [
      await personIdOf("partner", fresh[0].rec_id),
      await personIdOf("partner", fresh[1].rec_id),
    ];
    expect(new Set(created).size).toBe(2);
    for (const id of created) expect(baseIds.has(id)).toBe(false);
    const shown = await sup("GET", `/api/v1/persons/${created[0]}`);
    expect(shown.body).toMatchObject({
      redirected: false,
      person: { givenName: fresh[0].given, familyName: fresh[0].family },
    });
    expect(shown.body.sourceRecords.map((s: { sourceId: string }) => s.sourceId)).toEqual([fresh[0].rec_id]);
  });

  it("queues uncertain pairs with both records and each field's contribution; accept merges, reject does not", async () => {
    const pending = (await sup("GET", "/api/v1/link-reviews?status=pending")).body.items;
    expect(pending).toHaveLength(2);
    for (const review of pending) {
      expect(review.probability).toBeGreaterThanOrEqual(0.05);
      expect(review.probability).toBeLessThan(0.99);
      expect(review.records.map((x: { label: string }) => x.label.split(" ")[0]).sort()).toEqual([
        "base",
        "partner",
      ]);
      const comparisons = review.explanation.contributions.map((c: { comparison: string }) => c.comparison);
      expect(comparisons).toEqual(
        expect.arrayContaining(["givenName", "familyName", "birthDate", "aNumber"]),
      );
      const bits =
        review.explanation.priorBits +
        review.explanation.contributions.reduce((s: number, c: { bits: number }) => s + c.bits, 0);
      expect(1 / (1 + 2 ** -bits)).toBeCloseTo(review.probability, 6);
    }
    const u1Person = await personIdOf("partner", "u1");
    const u2Person = await personIdOf("partner", "u2");
    const reviewOf = (pid: string) =>
      pending.find((x: { personA: string; personB: string }) => x.personA === pid || x.personB === pid);
    const accepted = await sup("POST", `/api/v1/link-reviews/${reviewOf(u1Person).id}/decision`, {
      decision: "accept",
    });
    expect(accepted.status).toBe(200);
    const rejected = await sup("POST", `/api/v1/link-reviews/${reviewOf(u2Person).id}/decision`, {
      decision: "reject",
      reason: "different birth day",
    });
    expect(rejected.status).toBe(200);
    // Accepted: the record's new person now redirects to the base person (created first).
    const base2 = await personIdOf("base", base[2].rec_id);
    expect(accepted.body.merge).toMatchObject({ survivorId: base2, mergedId: u1Person });
    const followed = await sup("GET", `/api/v1/persons/${u1Person}`);
    expect(followed.body).toMatchObject({
      id: base2,
      requestedId: u1Person,
      redirected: true,
      redirectedFrom: [u1Person],
    });
    expect(followed.body.sourceRecords.map((s: { sourceId: string }) => s.sourceId).sort()).toEqual([
      base[2].rec_id,
      "u1",
    ]);
    expect(followed.body.person.aliases).toEqual([]);
    // Rejected: still two persons, and the same pair is not asked again by a later import.
    expect((await sup("GET", `/api/v1/persons/${u2Person}`)).body.redirected).toBe(false);
    const again = await importText(sup, {
      source: "partner-2",
      content: toCsv([
        {
          ...base[3],
          rec_id: "u2-again",
          a_number: "",
          dob: `01/01/${base[3].dob.slice(6)}`,
          street: "",
          zip: "",
        },
      ]),
      mapping: MAPPING,
      thresholds: { upper: 0.99, lower: 0.05 },
    });
    expect(again.linked).toBe(1);
    expect(await personIdOf("partner-2", "u2-again")).toBe(u2Person);
    expect((await sup("GET", "/api/v1/link-reviews?status=pending")).body.items).toEqual([]);
    expect((await t.as("officer")("GET", "/api/v1/link-reviews")).status).toBe(403);
  });

  it("a merge moves cases and redirects; a split restores both persons and their cases", async () => {
    const officer = t.as("officer");
    const me = await officer("GET", "/api/v1/me");
    const opened = await officer("POST", "/api/v1/cases", {
      person: {
        givenName: "Rosa",
        familyName: "Mergeable",
        aNumber: "A 204-555-918",
        birthDate: "1991-05-06",
        citizenship: ["HN"],
        languages: ["es"],
      },
      case: { kind: "removal_240", officeCode: me.body.offices[0] },
      events: [{ on: "2026-01-05", type: "encounter", location: "jail" }],
    });
    expect(opened.status).toBe(201);
    const merged =
      opened.body.personId ?? (await officer("GET", `/api/v1/cases/${opened.body.caseId}`)).body.person.id;
    const survivor = await personIdOf("base", base[5].rec_id);
    const before = [
      (await sup("GET", `/api/v1/persons/${survivor}`)).body,
      (await sup("GET", `/api/v1/persons/${merged}`)).body,
    ];
    const merge = await sup("POST", "/api/v1/persons/merge", {
      survivorId: survivor,
      mergedId: merged,
      reason: "same person, checked by phone",
    });
    expect(merge.status).toBe(200);
    expect(merge.body.movedCases).toEqual([opened.body.caseId]);
    expect((await officer("GET", `/api/v1/cases/${opened.body.caseId}`)).body.person.id).toBe(survivor);
    const redirected = await sup("GET", `/api/v1/persons/${merged}`);
    expect(redirected.body).toMatchObject({
      id: survivor,
      redirected: true,
      person: { aNumber: before[0].person.aNumber },
    });
    expect(redirected.body.person.aliases).toContainEqual({
      given: "Rosa",
      family: "Mergeable",
      kind: "alias",
    });
    expect(redirected.body.cases.map((c: { id: string }) => c.id)).toEqual([opened.body.caseId]);

    const split = await sup("POST", `/api/v1/persons/${merged}/split`, { reason: "two people after all" });
    expect(split.status).toBe(200);
    expect((await officer("GET", `/api/v1/cases/${opened.body.caseId}`)).body.person.id).toBe(merged);
    const after = [
      (await sup("GET", `/api/v1/persons/${survivor}`)).body,
      (await sup("GET", `/api/v1/persons/${merged}`)).body,
    ];
    const strip = (v: { person: { version: number }; merges: unknown }) => ({
      ...v,
      person: { ...v.person, version: 0 },
      merges: [],
    });
    expect(after.map(strip)).toEqual(before.map(strip));
    expect(after[1].merges).toHaveLength(1);
    expect(after[1].merges[0].splitAt).not.toBeNull();
    // A split is itself undone by merging again; splitting twice is refused.
    expect(
      (await sup("POST", `/api/v1/persons/${merged}/split`, { reason: "two people after all" })).status,
    ).toBe(404);
    const audit = await t.as("auditor")("GET", "/api/v1/audit?entity=person");
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["person.merge", "person.split"]));
  });

  it("holds reviews beyond the import's cap as deferred: counted and listed, not lost", async () => {
    // Same names and birth date as a base person, another A-number and address: uncertain pairs.
    const rows: PersonRow[] = [5, 6, 7].map((i) => ({
      ...base[i],
      rec_id: `cap${i}`,
      a_number: `A99900${i}222`,
      street: "9 Elsewhere Ave",
      zip: "79000",
    }));
    // reviewCap is part of the /imports/start thresholds (the helper's type names only upper/lower).
    const thresholds = { upper: 0.99, lower: 0.05, reviewCap: 1 } as { upper: number; lower: number };
    const r = await importText(sup, { source: "capped", content: toCsv(rows), mapping: MAPPING, thresholds });
    expect(r.status).toBe("done");
    expect(r.reviews).toBe(1);
    const view = await sup("GET", `/api/v1/imports/${r.id}`);
    expect(view.status).toBe(200);
    expect(view.body.deferredReviews).toBeGreaterThanOrEqual(1);
    const deferred = await sup("GET", "/api/v1/link-reviews?status=deferred&limit=200");
    const mine = deferred.body.items.filter((x: { importId: string }) => x.importId === r.id);
    expect(mine).toHaveLength(view.body.deferredReviews);
    expect(r.reviews + mine.length).toBeGreaterThanOrEqual(2);
    const pending = await sup("GET", "/api/v1/link-reviews?status=pending&limit=200");
    const pendingMine = pending.body.items.filter((x: { importId: string }) => x.importId === r.id);
    expect(pendingMine).toHaveLength(1);
    // The pending one is the strongest of the import's reviews.
    for (const d of mine) expect(d.probability).toBeLessThanOrEqual(pendingMine[0].probability);
  });
});
