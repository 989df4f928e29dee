/**
 * Link reviews in Chromium: two imports leave an uncertain pair; the review page shows the two
 * records side by side with each field's contribution; accepting merges the persons (the
 * merged id then redirects); axe finds no WCAG 2.1 AA violation on the imports and review pages.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAPPING, type PersonRow, personRows, toCsv } from "../test/support/person-rows.js";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

describe("link reviews in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  const base = personRows(150, 5, "b");

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
  const upload = async (source: string, rows: PersonRow[]) => {
    const started = await call("POST", "/imports", {
      source,
      fileName: `${source}.csv`,
      format: "csv",
      mapping: MAPPING,
      content: toCsv(rows),
      thresholds: { upper: 0.99, lower: 0.05 },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    for (let i = 0; i < 600; i++) {
      const s = await call("GET", `/imports/${started.body.id}`);
      if (s.body.status === "done") return s.body;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`import ${source} did not finish`);
  };

  beforeAll(async () => {
    server = await startServer(20);
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "supervisor", password: "demo-password" }),
    });
    cookie = (login.headers.get("set-cookie") as string).split(";")[0];
    await upload("base", base);
    // Same name and birth date as b3, another A-number and address: neither sure nor unlikely.
    const partner = await upload("partner", [
      { ...base[2], rec_id: "u1", a_number: "A999000111", street: "1 Other Rd", zip: "78000" },
    ]);
    expect(partner.reviews).toBe(1);
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, "supervisor");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows imports with their progress; the page is accessible", async () => {
    await page.getByRole("link", { name: "Imports" }).click();
    await page.getByRole("heading", { name: "Imports", level: 1 }).waitFor();
    const row = page.getByRole("row", { name: /partner\.csv/ });
    await row.waitFor();
    expect(await row.locator("progress").getAttribute("value")).toBe("1");
    await expectAccessible(page, "imports page");
  });

  it("shows the two records side by side with contributions; accepting merges", async () => {
    await page.getByRole("link", { name: "Link reviews" }).click();
    await page.getByRole("heading", { name: "Link reviews", level: 1 }).waitFor();
    const records = page.getByRole("table", { name: /The two records, base b3 and partner u1/ });
    await records.waitFor();
    const given = records.getByRole("row", { name: /Given name/ });
    expect(await given.locator("td").allTextContents()).toEqual([base[2].given, base[2].given]);
    const aNumber = records.getByRole("row", { name: /A-number/ });
    expect((await aNumber.locator("td").allTextContents())[1]).toBe("A999000111");
    const why = page.getByRole("table", { name: /contribution to the match weight/ });
    const aRow = why.getByRole("row", { name: /^aNumber/ });
    expect(await aRow.locator("td").first().textContent()).toBe("else");
    expect(await aRow.locator("td").nth(1).textContent()).toMatch(/^−\d/);
    expect(
      await why
        .getByRole("row", { name: /^birthDate/ })
        .locator("td")
        .nth(1)
        .textContent(),
    ).toMatch(/^\+\d/);
    await expectAccessible(page, "link review page");

    const pending = (await call("GET", "/link-reviews")).body.items[0];
    await page.getByRole("button", { name: "Accept: same person" }).click();
    await page.getByText("base b3 and partner u1 merged.").waitFor();
    await page.getByText("0 pending link reviews").waitFor();
    const a = await call("GET", `/persons/${pending.personA}`);
    const b = await call("GET", `/persons/${pending.personB}`);
    expect(a.body.id).toBe(b.body.id);
    expect([a.body.redirected, b.body.redirected].sort()).toEqual([false, true]);
    await expectAccessible(page, "link review page after the decision");
  });
});
