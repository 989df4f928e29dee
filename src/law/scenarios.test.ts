/**
 * Every scenario file in scenarios/ (the shared examples and the project's
 * own, one or more per rule) must pass. They are a floor: the rules are
 * implemented from RULES.md, not from these files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateScenario } from "./evaluate-scenario.js";
import { parseScenario } from "./scenario.js";

const root = new URL("../../scenarios/", import.meta.url).pathname;
const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());

for (const folder of folders) {
  const dir = join(root, folder.name);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  describe(`scenarios/${folder.name}`, () => {
    for (const file of files) {
      it(file, () => {
        const s = parseScenario(JSON.parse(readFileSync(join(dir, file), "utf8")), file);
        const r = evaluateScenario(s, file);
        expect(
          r.differences,
          JSON.stringify(r.verdict.findings.map((f) => `${f.rule} ${f.outcome}`)),
        ).toEqual([]);
      });
    }
  });
}
