/** Seeding N persons writes N persons, N cases and every generated event, on both backends. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCases } from "../src/store/repositories/cases.js";
import { countPersons } from "../src/store/repositories/persons.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

describe.each(backends())("seed on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { persons: 40, today: "2026-11-27" });
  });
  afterAll(() => t?.close());

  it("writes every generated person and case", async () => {
    expect(await countPersons(t.ctx.database.db)).toBe(40);
    expect(await countCases(t.ctx.database.db)).toBe(40);
    const list = await t.as("admin")("GET", "/api/v1/cases?limit=100");
    expect(list.body.items).toHaveLength(40);
  });
});
