/**
 * The law in the browser: a removal the law blocks shows "Blocked" with its
 * rule and remedy before it is pressed, and pressing records the attempt; an
 * action needing review is requested by the officer, approved by a
 * supervisor signed in in a second browser, then taken; "what if" on a chosen
 * date; the work queue. axe finds no WCAG 2.1 AA violation on any page.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, signIn, startServer } from "./support.js";

const today = Temporal.Now.plainDateISO();
const day = (n: number) => today.add({ days: n }).toString();

interface Finding {
  rule: string;
  outcome: string;
  remedy?: string;
}

describe("the law in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: Page;
  let supervisor: Page;
  let cookie: string;
  let blockedCase: { caseId: string; number: string };
  let reviewCase: { caseId: string; number: string };

  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return r.json();
  };
  const actionRow = (page: Page, label: string): Locator =>
    page
      .getByRole("list", { name: "Actions on this case" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${label}`) }) });

  beforeAll(async () => {
    server = await startServer(50);
    const login = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: "demo-password" }),
    });
    // Every cookie the server set (the session and the CSRF double-submit token).
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await call("GET", "/me");
    if (!me.offices) throw new Error(`sign-in failed: ${JSON.stringify(me)} ${login.status}`);
    const office = me.offices[0];
    // An appeal pending at the BIA: removal is stayed (and the order not final).
    blockedCase = await call("POST", "/cases", {
      person: { givenName: "Bruno", familyName: "Blocked-Law", citizenship: ["HN"], birthDate: "1990-01-01" },
      case: { kind: "removal_240", officeCode: office },
      events: [
        {
          on: day(-25),
          type: "order.issued",
          by: "IJ",
          kind: "removal",
          delivery: "oral",
          countries: ["HN"],
        },
        { on: day(-7), type: "appeal.received", forum: "BIA" },
      ],
    });
    // An unrepresented person with competency concerns waived appeal yesterday: scheduling needs review.
    reviewCase = await call("POST", "/cases", {
      person: {
        givenName: "Rosa",
        familyName: "Review-Law",
        citizenship: ["GT"],
        birthDate: "1990-01-01",
        facts: { competencyConcerns: true, represented: false },
      },
      case: { kind: "removal_240", officeCode: office },
      events: [
        { on: "2021-03-01", type: "travel_document.issued", country: "GT", validUntil: "2031-02-28" },
        { on: day(-1), type: "order.issued", by: "IJ", kind: "removal", delivery: "oral", countries: ["GT"] },
        { on: day(-1), type: "appeal.waived" },
        { on: day(-1), type: "medical.clearance", fit: true },
      ],
    });
    await call("POST", "/deadlines/sweep", { office });
    browser = await launchBrowser();
    officer = await (await browser.newContext()).newPage();
    supervisor = await (await browser.newContext()).newPage();
    await signIn(officer, server.url, "officer");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a blocked removal as Blocked with its rule and remedy before it is pressed", async () => {
    const expected = await call("POST", `/cases/${blockedCase.caseId}/actions/evaluate`, {
      action: { type: "removal.execute", on: day(0), country: "HN" },
    });
    expect(expected.verdict.outcome).toBe("BLOCK");
    const blocking = (expected.verdict.findings as Finding[]).filter((f) => f.outcome === "BLOCK");
    await officer.goto(`${server.url}/cases/${blockedCase.caseId}`);
    await officer.getByRole("heading", { name: "Blocked-Law, Bruno", level: 1 }).waitFor();
    const row = actionRow(officer, "Execute removal");
    await row.getByText("Blocked", { exact: true }).first().waitFor();
    const text = (await row.textContent()) ?? "";
    for (const f of blocking) {
      expect(text).toContain(f.rule);
      if (f.remedy) expect(text).toContain(f.remedy);
    }
    expect(text).toContain("What would have to change");
    await officer.getByRole("heading", { name: "Deadlines", level: 2 }).waitFor();
    await expectAccessible(officer, "case page with actions");
  });

  it("pressing a blocked action records the attempt", async () => {
    const before = await call("GET", `/cases/${blockedCase.caseId}`);
    const row = actionRow(officer, "Execute removal");
    await row.getByRole("button", { name: "Take: Execute removal" }).click();
    await row.getByRole("button", { name: "Submit: Execute removal" }).click();
    await row.getByRole("heading", { name: "Blocked: Execute removal was not taken" }).waitFor();
    const timeline = officer.getByRole("list", { name: "Timeline of events" });
    await expect
      .poll(async () => (await timeline.textContent()) ?? "", { timeout: 10_000 })
      .toContain("action.blocked");
    const after = await call("GET", `/cases/${blockedCase.caseId}`);
    expect(after.case.version).toBe(before.case.version + 1);
    expect(after.history.at(-1).event).toMatchObject({ type: "action.blocked", action: "removal.execute" });
    await expectAccessible(officer, "case page after a blocked attempt");
  });

  it("what if: the verdict of an action on a chosen date, with nothing written", async () => {
    const chosen = day(-30); // before the order was issued
    const expected = await call("POST", `/cases/${blockedCase.caseId}/actions/evaluate`, {
      action: { type: "removal.execute", on: chosen, country: "HN" },
    });
    const before = (await call("GET", `/cases/${blockedCase.caseId}`)).case.version;
    await officer.getByLabel("Action", { exact: true }).selectOption("removal.execute");
    await officer.getByLabel("Date", { exact: true }).fill(chosen);
    await officer.getByRole("button", { name: "See the verdict" }).click();
    const result = officer.getByText(`What if: Execute removal on ${chosen}`);
    await result.waitFor();
    const words: Record<string, string> = {
      BLOCK: "Blocked",
      REVIEW: "Needs review",
      WARN: "Warning",
      ALLOW: "Allowed",
    };
    expect(await result.textContent()).toContain(words[expected.verdict.outcome]);
    expect((await call("GET", `/cases/${blockedCase.caseId}`)).case.version).toBe(before);
    await expectAccessible(officer, "case page with a what-if verdict");
  });

  it("a REVIEW action: the officer requests, a supervisor in another browser approves, then it is taken", async () => {
    await officer.goto(`${server.url}/cases/${reviewCase.caseId}`);
    await officer.getByRole("heading", { name: "Review-Law, Rosa", level: 1 }).waitFor();
    const row = actionRow(officer, "Schedule removal");
    await row.getByText("Needs review", { exact: true }).first().waitFor();
    await row.getByRole("button", { name: "Take: Schedule removal" }).click();
    await row.getByRole("button", { name: "Submit: Schedule removal" }).click();
    await row.getByRole("heading", { name: "Review requested" }).waitFor();

    await signIn(supervisor, server.url, "supervisor");
    await supervisor
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Reviews", exact: true })
      .click();
    await supervisor.getByRole("heading", { name: "Reviews", level: 1 }).waitFor();
    const card = supervisor
      .getByRole("listitem")
      .filter({ has: supervisor.getByRole("heading", { name: `removal.schedule on ${day(0)}` }) });
    await card.waitFor();
    await expectAccessible(supervisor, "review queue");
    await card
      .getByLabel("Written reason (at least 10 characters)")
      .fill("Competency inquiry done; waiver is valid.");
    await card.getByRole("button", { name: "Approve" }).click();
    await supervisor.getByRole("heading", { name: "Decision recorded" }).waitFor();

    await officer.reload();
    const again = actionRow(officer, "Schedule removal");
    await again.getByRole("button", { name: "Take: Schedule removal" }).click();
    const select = again.getByLabel(/Approved review/);
    await select.waitFor();
    await expect.poll(() => select.locator("option").count(), { timeout: 10_000 }).toBe(2);
    await select.selectOption({ index: 1 });
    await again.getByRole("button", { name: "Submit: Schedule removal" }).click();
    await again.getByRole("heading", { name: "Done: Schedule removal" }).waitFor();
    const timeline = officer.getByRole("list", { name: "Timeline of events" });
    await expect
      .poll(async () => (await timeline.textContent()) ?? "", { timeout: 10_000 })
      .toContain("removal.scheduled");
    await expectAccessible(officer, "case page after the approved action");
  });

  it("the work queue lists the office's tasks, and is accessible", async () => {
    await officer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Work queue" }).click();
    await officer.getByRole("heading", { name: "Work queue", level: 1 }).waitFor();
    await officer.getByText(/\d+ open tasks?/).waitFor();
    await expectAccessible(officer, "work queue");
  });
});
