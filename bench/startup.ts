/**
 * `npm start` to the first page served: on a new data folder (create,
 * migrate, seed the demo) and on the existing one (reopen).
 * Usage: npx tsx bench/startup.ts [persons=2000]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { machine } from "./support.js";

const persons = process.argv[2] ?? "2000";
const dir = mkdtempSync(join(tmpdir(), "immos-start-"));

async function timeToFirstPage(port: number): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    env: {
      ...process.env,
      PORT: String(port),
      IMMOS_DATA_DIR: join(dir, "data"),
      IMMOS_SEED_PERSONS: persons,
      DATABASE_URL: "",
    },
    stdio: "ignore",
    detached: true, // its own process group, so npm's child server stops with it
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.ok && (await res.text()).includes('<div id="root">'))
          return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-(child.pid as number), "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

console.log(`startup benchmark (${persons}-person demo); ${machine()}`);
console.log(`new data folder:      ${(await timeToFirstPage(3917)).toFixed(1)} s to the first page`);
console.log(`existing data folder: ${(await timeToFirstPage(3918)).toFixed(1)} s to the first page`);
rmSync(dir, { recursive: true, force: true });
