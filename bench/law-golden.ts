/**
 * The law engine's golden master (see bench/law-golden-cases.ts).
 *   npx tsx bench/law-golden.ts            compare with test/law-golden.json
 *   npx tsx bench/law-golden.ts --write    record test/law-golden.json (an intended change of the law only)
 *   npx tsx bench/law-golden.ts --dump DIR write every verdict as text, to diff two runs
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { digests, type GoldenDigests, goldenSeeds, goldenVerdicts } from "./law-golden-cases.js";

const file = new URL("../test/law-golden.json", import.meta.url);
const args = process.argv.slice(2);
const started = performance.now();
const all = new Map<string, string[]>();
for (const seed of goldenSeeds) for (const [k, v] of goldenVerdicts(seed)) all.set(k, v);
const count = [...all.values()].reduce((s, l) => s + l.length, 0);
console.log(`${count} verdicts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const now = digests(all);

if (args[0] === "--dump") {
  const dir = args[1] ?? "/tmp/law-golden-dump";
  mkdirSync(dir, { recursive: true });
  for (const [key, list] of all)
    writeFileSync(join(dir, `${key.replaceAll("/", "_")}.txt`), `${list.join("\n")}\n`);
  console.log(`wrote ${all.size} files to ${dir}`);
} else if (args[0] === "--write") {
  writeFileSync(file, `${JSON.stringify(now, null, 0).replaceAll('],"', '],\n"')}\n`);
  console.log(`wrote ${Object.keys(now).length} keys to test/law-golden.json`);
} else {
  const golden = JSON.parse(readFileSync(file, "utf8")) as GoldenDigests;
  let bad = 0;
  for (const key of new Set([...Object.keys(golden), ...Object.keys(now)])) {
    const a = golden[key] ?? [];
    const b = now[key] ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if (a[i] !== b[i]) {
        bad++;
        console.log(`differs: ${key} chunk ${i}`);
      }
  }
  console.log(bad ? `${bad} chunks differ` : "all verdicts match the golden master");
  process.exitCode = bad ? 1 : 0;
}
