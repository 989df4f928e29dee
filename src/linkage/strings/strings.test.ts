import fc from "fast-check";
import jaroWinklerPackage from "jaro-winkler";
import talismanJaroWinkler from "talisman/metrics/jaro-winkler.js";
import { describe, expect, it } from "vitest";
import { adjacentTransposition, oneSubstitution, oneTypo } from "./edits.js";
import { jaro, jaroWinkler } from "./jaro-winkler.js";

describe("jaroWinkler", () => {
  it.each([
    ["MARTHA", "MARHTA", 0.961],
    ["DWAYNE", "DUANE", 0.84],
    ["DIXON", "DICKSONX", 0.813],
    ["JONES", "JOHNSON", 0.832],
    ["CRATE", "TRACE", 0.733],
  ])("%s / %s = %d (textbook)", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it("gives the textbook Jaro values", () => {
    expect(jaro("MARTHA", "MARHTA")).toBeCloseTo(0.944, 3);
    expect(jaro("DWAYNE", "DUANE")).toBeCloseTo(0.822, 3);
    expect(jaro("DIXON", "DICKSONX")).toBeCloseTo(0.767, 3);
  });

  it("handles empty and identical strings", () => {
    expect(jaroWinkler("", "")).toBe(1);
    expect(jaroWinkler("abc", "")).toBe(0);
    expect(jaroWinkler("abc", "abc")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });

  it("uses half the mismatch count as a real number (Jaro's definition)", () => {
    // 'abe' vs 'eabceab': 3 matches in order a,b,e vs e,a,b: 3 mismatches -> t = 1.5.
    expect(jaro("abe", "eabceab")).toBeCloseTo((1 + 3 / 7 + 1.5 / 3) / 3, 12);
  });

  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e", "h"), maxLength: 9 });

  it("agrees with the jaro-winkler package on every non-empty pair", () => {
    // The package scores two empty strings 0; we score identical strings 1 (never used: empty = missing).
    const nonEmpty = word.filter((w) => w.length > 0);
    fc.assert(
      fc.property(nonEmpty, nonEmpty, (a, b) => {
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinklerPackage(a, b), 12);
      }),
      { numRuns: 3000 },
    );
  });

  it("differs from talisman only where talisman rounds the transposition count down", () => {
    const talisman =
      (talismanJaroWinkler as unknown as { default?: typeof talismanJaroWinkler }).default ??
      talismanJaroWinkler;
    expect(talisman("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
    // talisman floors 3 mismatches / 2 to 1, so it scores this pair higher than the definition does.
    expect(talisman("abe", "eabceab")).toBeGreaterThan(jaroWinkler("abe", "eabceab") + 0.05);
  });

  it("is symmetric and within [0, 1]", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });
});

describe("one-typo tests", () => {
  it("recognises one substituted digit", () => {
    expect(oneSubstitution("1804974", "1804971")).toBe(true);
    expect(oneSubstitution("1804974", "1804974")).toBe(false);
    expect(oneSubstitution("1804974", "1804917")).toBe(false);
  });
  it("recognises two swapped neighbours", () => {
    expect(adjacentTransposition("5752601", "5752610")).toBe(true);
    expect(adjacentTransposition("5752601", "5752601")).toBe(false);
    expect(adjacentTransposition("1234", "2143")).toBe(false);
    expect(oneTypo("19981021", "19981012")).toBe(true);
    expect(oneTypo("19981021", "19891021")).toBe(true);
    expect(oneTypo("19981021", "19991120")).toBe(false);
  });
});
