/**
 * Browser-test support: a real immos server (`npm start`'s entry point) on a
 * free port with a fresh embedded database, and Debian's Chromium driven by
 * playwright-core. No browser is downloaded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(persons = 200): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "immos-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn("npx", ["tsx", "src/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      IMMOS_DATA_DIR: join(dir, "data"),
      IMMOS_SEED_PERSONS: String(persons),
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: npx -> tsx -> node all stop together
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    const check = setInterval(() => {
      if (out.includes("immos is serving")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.on("exit", (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url,
    output: () => out,
    async stop() {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));
      try {
        process.kill(-(child.pid as number), "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** axe-core in the page: WCAG 2.1 A and AA rules; any violation fails the test with its ids. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function signIn(page: Page, url: string, username: string, password = "demo-password") {
  await page.goto(url);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
}
