/**
 * Oversight in the browser: a name made of markup renders as text and never
 * runs; the built app runs under the CSP with no violation; confidential parts
 * are withheld until the officer states a purpose, then shown and logged; the
 * auditor sees the audit page (linked in the header) with the verify result
 * and the disclosure. axe finds no WCAG 2.1 AA violation on these pages.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

const XSS_NAME = "<img src=x onerror=alert(1)>";
const PURPOSE = "Preparing the credible fear review";

describe("oversight in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseNumber = "";
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  const watch = (p: Page) => {
    p.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    p.on("console", (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text()))
        cspViolations.push(m.text());
    });
  };

  beforeAll(async () => {
    server = await startServer(20);
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: "demo-password" }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const opened = await fetch(`${server.url}/api/v1/cases`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        person: {
          givenName: XSS_NAME,
          familyName: `"Quote'd" <script>alert(2)</script>`,
          citizenship: ["GT"],
        },
        case: { kind: "removal_240", officeCode: "HOU" },
        events: [
          { on: "2026-01-05", type: "encounter", location: "jail" },
          { on: "2026-01-06", type: "fear.claimed", country: "GT" },
          { on: "2026-01-07", type: "application.filed", form: "I-589", pending: true },
          { on: "2026-01-07", type: "confidentiality.flag", kind: "asylum_208_6" },
        ],
      }),
    }).then((r) => r.json());
    caseNumber = opened.number;
    if (!caseNumber) throw new Error(`could not open the case: ${JSON.stringify(opened)}`);
    expect(caseNumber).toBeTruthy();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    watch(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a name made of markup as text, runs none of it, and withholds the confidential parts", async () => {
    await signIn(page, server.url, "officer");
    await page.goto(`${server.url}/cases/${caseNumber}`);
    const h1 = page.getByRole("heading", { level: 1 });
    await h1.waitFor();
    expect(await h1.textContent()).toContain(XSS_NAME);
    expect(await h1.textContent()).toContain("<script>alert(2)</script>");
    expect(await page.locator("main img[src='x']").count()).toBe(0);
    expect(await page.locator("main script").count()).toBe(0);
    await page.getByLabel("Purpose of access").waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).not.toContain("I-589");
    expect(main).not.toContain("asylum_208_6");
    await expectAccessible(page, "case page with the purpose dialog");
  });

  it("shows the confidential parts once a purpose is stated", async () => {
    await page.getByLabel("Purpose of access").fill(PURPOSE);
    await page.getByRole("button", { name: "Show confidential information" }).click();
    await page.getByText(`Confidential information shown for: ${PURPOSE}`).waitFor();
    const timeline = page.getByRole("list", { name: "Timeline of events" });
    expect(await timeline.textContent()).toContain("I-589");
    await expectAccessible(page, "case page with confidential parts");
  });

  it("gives the auditor an audit page with the verify result and the logged disclosure", async () => {
    const auditorPage = await (await browser.newContext()).newPage();
    watch(auditorPage);
    await signIn(auditorPage, server.url, "auditor");
    await auditorPage.getByRole("link", { name: "Audit" }).click();
    await auditorPage.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await auditorPage.getByText("The audit log is intact").waitFor();
    await auditorPage.getByLabel("Action (or its start, e.g. disclosure)").fill("disclosure");
    await auditorPage.getByRole("button", { name: "Search" }).click();
    const table = auditorPage.getByRole("table");
    await expect.poll(async () => (await table.textContent()) ?? "").toContain(PURPOSE);
    expect(await table.textContent()).toContain("officer");
    await expectAccessible(auditorPage, "audit page");
    // The officer's header has no Audit link.
    expect(await page.getByRole("link", { name: "Audit" }).count()).toBe(0);
  });

  it("ran nothing from the markup, and the built app raised no CSP violation", () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
