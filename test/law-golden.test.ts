/**
 * The law engine's verdicts over a generated caseload must equal the golden
 * master recorded before the engine was optimised (test/law-golden.json;
 * inputs in bench/law-golden-cases.ts). A difference means a verdict changed:
 * find it with `npx tsx bench/law-golden.ts --dump DIR` before and after.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  digests,
  type GoldenDigests,
  goldenActions,
  goldenCases,
  goldenSeeds,
  goldenVerdicts,
} from "../bench/law-golden-cases.js";

const golden = JSON.parse(
  readFileSync(new URL("./law-golden.json", import.meta.url), "utf8"),
) as GoldenDigests;

describe("law engine golden master", () => {
  it("covers every seed, variant and action type", () => {
    const c = goldenCases(goldenSeeds[0], 1)[0];
    const types = goldenActions(c, c.mid).map((a) => a.type);
    for (const seed of goldenSeeds)
      for (const variant of ["today", "mid", "today-alt", "mid-alt"])
        for (const type of types) expect(golden[`${seed}/${variant}/${type}`]?.length).toBeGreaterThan(0);
  });

  it.each(goldenSeeds)(
    "seed %i: every verdict equals the golden master",
    (seed) => {
      const now = digests(goldenVerdicts(seed));
      const expected = Object.fromEntries(Object.entries(golden).filter(([k]) => k.startsWith(`${seed}/`)));
      expect(now).toEqual(expected);
    },
    300_000,
  );
});
