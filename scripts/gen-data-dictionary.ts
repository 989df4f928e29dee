/**
 * Writes docs/data-dictionary.md from the schema (see
 * src/app/analytics/data-dictionary.ts). `--check` exits 1 if the file is
 * out of date or a field is undocumented, without writing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildDataDictionary, dictionaryMarkdown } from "../src/app/analytics/data-dictionary.js";

const target = fileURLToPath(new URL("../docs/data-dictionary.md", import.meta.url));
const dictionary = await buildDataDictionary();
const markdown = dictionaryMarkdown(dictionary);
const columns = dictionary.tables.reduce((n, t) => n + t.columns.length, 0);
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  const stale = current !== markdown;
  if (stale)
    console.error("docs/data-dictionary.md is out of date: run npx tsx scripts/gen-data-dictionary.ts");
  if (dictionary.undocumented.length) console.error(`undocumented: ${dictionary.undocumented.join(", ")}`);
  process.exit(stale || dictionary.undocumented.length ? 1 : 0);
}
writeFileSync(target, markdown);
console.log(
  `docs/data-dictionary.md: ${dictionary.tables.length} tables, ${columns} columns, ${dictionary.exports.length} export fields; undocumented: ${dictionary.undocumented.length ? dictionary.undocumented.join(", ") : "none"}`,
);
