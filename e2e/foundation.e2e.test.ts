/**
 * The web app in Chromium: sign in, search a name in Arabic script and one
 * with diacritics typed without them, open a case, see its timeline; axe
 * finds no WCAG 2.1 AA violation on any page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

describe("foundation in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(200);
    // Two known persons in the officer's office, made through the API as the officer.
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: "demo-password" }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const me = await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json();
    const open = (person: object, events: object[]) =>
      fetch(`${server.url}/api/v1/cases`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ person, case: { kind: "removal_240", officeCode: me.offices[0] }, events }),
      }).then((r) => r.json());
    await open(
      {
        givenName: "Khaled",
        familyName: "Haddad-Zeta",
        aliases: [{ given: "خالد", family: "حداد", script: "Arab", kind: "native" }],
        citizenship: ["SY"],
        languages: ["ar"],
      },
      [{ on: "2026-01-05", type: "encounter", location: "jail" }],
    );
    await open({ givenName: "Iñés", familyName: "Zúñiga-Quintero", citizenship: ["MX"], languages: ["es"] }, [
      { on: "2026-01-05", type: "encounter", location: "jail" },
      {
        on: "2026-01-06",
        type: "nta.served",
        hearing: { date: "2026-03-02", time: "09:00", place: "Houston Immigration Court" },
        servedTo: "person",
        method: "personal",
      },
    ]);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in, and the sign-in page is accessible", async () => {
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(page, "sign-in");
    await signIn(page, server.url, "officer");
    await page
      .getByRole("status")
      .filter({ hasText: /cases?$/ })
      .waitFor();
    await expectAccessible(page, "case list");
  });

  it("finds a name searched in Arabic script", async () => {
    await page.getByLabel("Search by name or A-number").fill("خالد حداد");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Haddad-Zeta, Khaled" }).waitFor();
  });

  it("finds a name with diacritics typed without them, opens the case and shows its timeline", async () => {
    await page.getByLabel("Search by name or A-number").fill("ines zuniga");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Zúñiga-Quintero, Iñés" }).click();
    await page.getByRole("heading", { name: "Zúñiga-Quintero, Iñés", level: 1 }).waitFor();
    const timeline = page.getByRole("list", { name: "Timeline of events" });
    await expect.poll(() => timeline.getByRole("listitem").count()).toBe(2);
    expect(await timeline.textContent()).toContain("nta.served");
    expect(await page.textContent("main")).toContain("Houston Immigration Court");
    await expectAccessible(page, "case page");
  });
});
