/**
 * The actions added to the catalog, from the case page: "Add to a movement's
 * manifest" (manifest.add) puts the person on the movement named in the form,
 * through the law and the movement's own gate; "Close the case" (case.close)
 * shows Blocked before it is pressed while no departure is verified (EXE-06),
 * and pressing records the attempt. axe finds no WCAG 2.1 AA violation.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

const today = Temporal.Now.plainDateISO("UTC");
const day = (n: number) => today.add({ days: n }).toString();

/** A clean removal to El Salvador: final order, passport, notice served, no fear, fit to travel. */
const history = [
  { on: day(-120), type: "order.issued", by: "IJ", kind: "removal", delivery: "oral", countries: ["SV"] },
  { on: day(-120), type: "appeal.waived", knowing: true },
  { on: day(-60), type: "travel_document.issued", country: "SV", validUntil: day(900) },
  {
    on: day(-10),
    type: "removal_notice.served",
    country: "SV",
    language: "es",
    servedTo: ["person"],
    method: "personal",
  },
  { on: day(-10), type: "fear.inquired", country: "SV", expressed: false },
  { on: day(-2), type: "medical.clearance", fit: true },
];

describe("new case actions in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  let person: { caseId: string; number: string };
  let movement: { id: string; number: string };

  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return r.json();
  };
  const actionRow = (label: string): Locator =>
    page
      .getByRole("list", { name: "Actions on this case" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${label}`) }) });

  beforeAll(async () => {
    server = await startServer(10);
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: "demo-password" }),
    });
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const office = (await call("GET", "/me")).offices[0];
    const facility = (await call("GET", "/facilities")).items.find(
      (f: { officeCode: string }) => f.officeCode === office,
    ).code;
    movement = await call("POST", "/movements", {
      kind: "flight",
      country: "SV",
      departOn: day(2),
      departAt: "10:00",
      stagingFacilityCode: facility,
      seats: 10,
    });
    if (!movement.number) throw new Error(`movement not created: ${JSON.stringify(movement)}`);
    person = await call("POST", "/cases", {
      person: {
        givenName: "Ana",
        familyName: "Manifest-Form",
        birthDate: "1990-01-01",
        citizenship: ["SV"],
        languages: ["es"],
        facts: { represented: true },
      },
      case: { kind: "removal_240", officeCode: office },
      events: history,
    });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, "officer");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("adds the person to a movement's manifest from the case page", async () => {
    await page.goto(`${server.url}/cases/${person.caseId}`);
    await page.getByRole("heading", { name: "Manifest-Form, Ana", level: 1 }).waitFor();
    const row = actionRow("Add to a movement's manifest");
    await row.getByText("Allowed", { exact: true }).first().waitFor();
    await row.getByRole("button", { name: "Take: Add to a movement's manifest" }).click();
    await row.getByLabel("Movement (optional)").fill(movement.number);
    await row.getByLabel("Date (optional)").fill(day(2));
    await expectAccessible(page, "case page with the manifest form open");
    await row.getByRole("button", { name: "Submit: Add to a movement's manifest" }).click();
    await row.getByRole("heading", { name: "Done: Add to a movement's manifest" }).waitFor();
    const m = await call("GET", `/movements/${movement.id}`);
    expect(m.entries.find((e: { caseId: string }) => e.caseId === person.caseId)).toMatchObject({
      status: "listed",
      role: "primary",
    });
    await expectAccessible(page, "case page after adding to a manifest");
  });

  it("shows closing the case as Blocked (no verified departure), and pressing records the attempt", async () => {
    const before = await call("GET", `/cases/${person.caseId}`);
    const row = actionRow("Close the case");
    await row.getByText("Blocked", { exact: true }).first().waitFor();
    expect((await row.textContent()) ?? "").toContain("EXE-06");
    await row.getByRole("button", { name: "Take: Close the case" }).click();
    await row.getByLabel("Reason (optional)").selectOption("removed");
    await row.getByRole("button", { name: "Submit: Close the case" }).click();
    await row.getByRole("heading", { name: "Blocked: Close the case was not taken" }).waitFor();
    const after = await call("GET", `/cases/${person.caseId}`);
    expect(after.case.version).toBe(before.case.version + 1);
    expect(after.history.at(-1).event).toMatchObject({ type: "action.blocked", action: "case.close" });
    await expectAccessible(page, "case page after a blocked close");
  });
});
