/**
 * The population board and placement proposals in Chromium: the board renders
 * its chart (an SVG with role="img" and a spoken summary, numbers in a table),
 * filters by office, lists the people behind a facility's numbers, and a
 * rebalancing proposal shows each recommendation with its reason; axe finds no
 * WCAG 2.1 AA violation on either page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

describe("detention in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(300);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, "supervisor");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the population board with an accessible chart, filtered by office", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Population" }).click();
    await page.getByRole("heading", { name: "Population board", level: 1 }).waitFor();
    await page.getByLabel("Office", { exact: true }).selectOption("HOU");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/office=HOU/);
    const chart = page.getByRole("img", { name: /^People held in office HOU/ });
    await chart.waitFor();
    const summary = await chart.getAttribute("aria-label");
    expect(summary).toMatch(/at the end, peak \d+ on \d{4}-\d{2}-\d{2}; capacity \d+ beds/);
    const status = await page
      .getByRole("status")
      .filter({ hasText: /held in \d+ facilities of office HOU/ })
      .textContent();
    const held = Number(/^(\d+) held/.exec(status ?? "")?.[1]);
    // The chart's last day is the board's "now": the same number, as text in the table.
    await page.getByText("Population by day (table)").click();
    const rows = page.getByRole("table", { name: /by day/ }).getByRole("row");
    const last = await rows.last().getByRole("cell").first().textContent();
    expect(Number(last)).toBe(held);
    expect(
      await page.getByRole("img", { name: /^HOU\d+ men: \d+ held of \d+ beds/ }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page, "population board");
  });

  it("lists the people behind a facility's number for the supervisor's office", async () => {
    const button = page.getByRole("button", { name: /^Show the [1-9]\d* held at HOU/ }).first();
    await button.click();
    await page
      .getByRole("status")
      .filter({ hasText: /held at .* for your offices/ })
      .waitFor();
    expect(
      await page
        .getByRole("table", { name: /People held at/ })
        .getByRole("row")
        .count(),
    ).toBeGreaterThan(1);
    await expectAccessible(page, "population board with people");
  });

  it("proposes a rebalancing with a reason for every recommendation", async () => {
    await page.getByRole("link", { name: "Propose placements →" }).click();
    await page.getByRole("heading", { name: "Placement proposals", level: 1 }).waitFor();
    // USWDS draws its own radio over a visually hidden input: click the label, as a person would.
    await page.locator('label[for="mode-rebalance"]').click();
    expect(await page.getByLabel("Rebalance everyone held at the office's facilities").isChecked()).toBe(
      true,
    );
    await page.getByRole("button", { name: "Propose placements" }).click();
    await page.getByRole("heading", { name: /Proposal for HOU/ }).waitFor({ timeout: 120_000 });
    const rows = page.getByRole("table", { name: "Recommendations with their reasons" }).getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    const reason = await rows.nth(1).getByRole("cell").nth(3).textContent();
    expect(reason?.length ?? 0).toBeGreaterThan(10);
    await expectAccessible(page, "placement proposal");
  });
});
