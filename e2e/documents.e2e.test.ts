/**
 * Documents in Chromium: on a case page, generate a Notice to Appear (charge
 * and hearing typed in), see it listed with a PDF preview, record its service;
 * axe finds no WCAG 2.1 AA violation on the page with the panel.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

describe("documents in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    server = await startServer(50);
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: "demo-password" }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const me = await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json();
    const opened = await fetch(`${server.url}/api/v1/cases`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        person: {
          givenName: "Marisol",
          familyName: "Documento-Prueba",
          aNumber: "A209-555-731",
          birthDate: "1988-02-11",
          birthCountry: "GT",
          citizenship: ["GT"],
          languages: ["es"],
          facts: { address: { line1: "88 Cedar Lane", city: "Houston", state: "TX", postalCode: "77002" } },
        },
        case: { kind: "removal_240", officeCode: me.offices[0] },
        events: [
          { on: "2018-03-01", type: "entry", manner: "ewi" },
          { on: "2026-01-05", type: "encounter", location: "jail" },
        ],
      }),
    }).then((r) => r.json());
    caseId = opened.caseId;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    // An NTA is signed by a supervisory officer (NTA-08: a deportation officer may not issue one).
    await signIn(page, server.url, "supervisor");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("generates an NTA on the case page, lists and previews it; the page is accessible", async () => {
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole("heading", { name: "Documents", level: 2 }).waitFor();
    await page.getByText("No documents yet.").waitFor();
    await expectAccessible(page, "case page with documents panel");

    await page.getByLabel("Form", { exact: true }).selectOption("I-862");
    await page.getByLabel("Hearing date").fill("2027-02-03");
    await page.getByLabel("Hearing time").fill("10:00");
    await page
      .getByLabel("Hearing place (court address)")
      .fill("Houston Immigration Court, 600 Jefferson St");
    await page.getByRole("button", { name: "Generate", exact: true }).click();

    const row = page.getByRole("row", { name: /I-862/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("es");
    const frame = page.locator('iframe[title^="I-862 for case"]');
    await frame.waitFor({ state: "attached" });
    const src = await frame.getAttribute("src");
    const pdf = await page.request.get(`${server.url}${src}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page, "case page with a generated NTA");
  });

  it("records the NTA's service and shows it", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("Date served").fill(today);
    await page.getByRole("button", { name: "Record service" }).click();
    const row = page.getByRole("row", { name: /I-862/ });
    await expect.poll(() => row.textContent()).toContain(`person (personal, ${today})`);
    await expectAccessible(page, "case page after service");
  });
});
