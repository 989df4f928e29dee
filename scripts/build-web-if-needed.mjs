// Builds the web app when dist/web is missing or older than its sources, so `npm start` always serves the current UI.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const out = "dist/web/index.html";
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
if (!existsSync(out) || statSync(out).mtimeMs < newest("src/web")) {
  console.log("Building the web app…");
  execSync("npx vite build --logLevel warn", { stdio: "inherit" });
}
