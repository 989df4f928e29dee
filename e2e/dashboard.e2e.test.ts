/**
 * The dashboard in Chromium: reached from the header, its charts are images
 * with accessible names, the numbers behind a chart open the records they
 * count (for a role that may read cases), and axe finds no WCAG 2.1 AA
 * violation with the charts' tables and the records open.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

describe("dashboard in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(200);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows charts with accessible names, and is accessible", async () => {
    await signIn(page, server.url, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const chart = page.getByRole("img", { name: /^Detained by facility on \d{4}-\d{2}-\d{2}/ });
    await chart.waitFor({ timeout: 60_000 });
    expect(await chart.isVisible()).toBe(true);
    await page.getByRole("img", { name: /^Cases by office and stage/ }).waitFor();
    await page.getByRole("img", { name: /^Capacity forecast, 90 days/ }).waitFor();
    await page.getByText("Numbers behind “Cases by office and stage”").click();
    await expectAccessible(page, "dashboard");
  });

  it("a number opens the records behind it, each linking to its case", async () => {
    const status = await page
      .getByRole("status")
      .filter({ hasText: /cases; \d+ persons detained/ })
      .textContent();
    const detained = Number(/(\d+) persons detained/.exec(status ?? "")?.[1]);
    await page.getByText(/^Numbers behind “Detained by facility/).click();
    const first = page.getByRole("button", { name: /: show the records of Detained by facility/ }).first();
    const value = Number((await first.textContent())?.trim());
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(detained);
    await first.click();
    const heading = page.getByRole("heading", { name: /^Records: Persons detained at / });
    await heading.waitFor();
    const table = page.getByRole("table", { name: /^Persons detained at / });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(value);
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toContain(
      "format=csv",
    );
    await expectAccessible(page, "dashboard with records");
    await table.locator("tbody tr").first().getByRole("link").click();
    await page.getByRole("list", { name: "Timeline of events" }).waitFor();
  });

  it("an analyst sees the figures but no records", async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, server.url, "analyst").catch(() => undefined);
    await p.goto(`${server.url}/dashboard`);
    await p.getByRole("img", { name: /^Cases by office and stage/ }).waitFor({ timeout: 60_000 });
    await p.getByText("Numbers behind “Cases by office and stage”").click();
    expect(await p.getByRole("button", { name: /show the records/ }).count()).toBe(0);
    await ctx.close();
  });
});
