import { describe, expect, it } from "vitest";
import { clusterPairs } from "./cluster.js";
import { comparisonsFor } from "./comparisons.js";
import { prepare } from "./dataset.js";
import { expectationMaximisation, initialM, patternsOf } from "./em.js";
import { pairMetrics } from "./evaluate.js";
import { linkRecords } from "./link.js";
import { dateConverter } from "./mapping.js";
import { seededRandom } from "./model.js";
import { explain } from "./score.js";
import type { PersonRecord } from "./types.js";

const person = (id: string, fields: PersonRecord["fields"]): PersonRecord => ({ id, fields });

function levelOf(name: string, a: PersonRecord["fields"], b: PersonRecord["fields"]) {
  const data = prepare([person("a", a), person("b", b)]);
  const comparison = comparisonsFor(data).find((c) => c.name === name)!;
  const level = comparison.compare(data, 0, 1);
  return level < 0 ? "missing" : comparison.levels[level];
}

describe("comparison levels", () => {
  it("grades names", () => {
    expect(levelOf("givenName", { givenName: "José" }, { givenName: "jose" })).toBe("exact");
    expect(levelOf("givenName", { givenName: "Mohammed" }, { givenName: "Muhammad" })).toBe(
      "transliteration",
    );
    expect(levelOf("givenName", { givenName: "jonathon" }, { givenName: "jonathan" })).toBe("jw>=0.92");
    expect(
      levelOf(
        "givenName",
        { givenName: "jett", familyName: "colegate" },
        { givenName: "colegate", familyName: "jett" },
      ),
    ).toBe("swapped");
    expect(levelOf("familyName", { familyName: "Smith" }, { familyName: "Smyth" })).toBe("transliteration");
    expect(levelOf("familyName", { familyName: "Knight" }, { familyName: "Nite" })).toBe("phonetic");
    expect(levelOf("familyName", { familyName: "smith" }, { familyName: "" })).toBe("missing");
    expect(levelOf("familyName", { familyName: "smith" }, { familyName: "okafor" })).toBe("else");
  });

  it("grades birth dates", () => {
    expect(levelOf("birthDate", { birthDate: "19800102" }, { birthDate: "19800102" })).toBe("exact");
    expect(levelOf("birthDate", { birthDate: "19800102" }, { birthDate: "19800103" })).toBe("one-digit-typo");
    expect(levelOf("birthDate", { birthDate: "19800305" }, { birthDate: "19800503" })).toBe(
      "day-month-swapped",
    );
    expect(levelOf("birthDate", { birthDate: "19800305" }, { birthDate: "19801121" })).toBe("same-year");
    expect(levelOf("birthDate", { birthDate: "19800305" }, { birthDate: "19751121" })).toBe("else");
  });

  it("grades A-numbers and places", () => {
    expect(levelOf("aNumber", { aNumber: "A012345678" }, { aNumber: "12345678" })).toBe("exact");
    expect(levelOf("aNumber", { aNumber: "12345678" }, { aNumber: "12345679" })).toBe("one-character-typo");
    expect(
      levelOf(
        "place",
        { postalCode: "2000", locality: "sydney" },
        { postalCode: "2000", locality: "Sydney" },
      ),
    ).toBe("postalCode+locality");
    expect(levelOf("place", { locality: "sydney" }, { locality: "sydnye" })).toBe(
      "postalCode-typo-or-locality-jw>=0.9",
    );
  });
});

describe("expectation maximisation", () => {
  it("recovers m and the match share of a known mixture", () => {
    // Two comparisons, two levels each (agree / disagree); matches agree with 0.9 and 0.8.
    const random = seededRandom(7);
    const m = [0.9, 0.8];
    const u = [0.05, 0.1];
    const pairs = 20_000;
    const levels = new Int8Array(pairs * 2);
    for (let p = 0; p < pairs; p++) {
      const match = random() < 0.3;
      for (let c = 0; c < 2; c++) levels[p * 2 + c] = random() < (match ? m[c] : u[c]) ? 0 : 1;
    }
    const uTable = u.map((x) => [x, 1 - x]);
    const result = expectationMaximisation(patternsOf(levels, 2), uTable, initialM([2, 2]), new Set());
    expect(result.lambda).toBeCloseTo(0.3, 1);
    expect(result.m[0][0]).toBeCloseTo(0.9, 1);
    expect(result.m[1][0]).toBeCloseTo(0.8, 1);
  });
});

describe("clustering", () => {
  it("does not chain two people through one ambiguous record", () => {
    // 0~1 and 1~2 are links, but 0 and 2 clearly differ: average linkage keeps 2 apart.
    const p = (a: number, b: number) => (a + b === 1 ? 0.99 : a + b === 3 ? 0.9 : 0.01);
    const edges = [
      { a: 0, b: 1, weight: 10 },
      { a: 1, b: 2, weight: 3 },
    ];
    const average = clusterPairs(3, edges, p, { threshold: 0.5 });
    expect(average[0]).toBe(average[1]);
    expect(average[2]).not.toBe(average[0]);
    const connected = clusterPairs(3, edges, p, { threshold: 0.5, method: "connected" });
    expect(new Set(connected).size).toBe(1);
  });
});

describe("mapping", () => {
  it("converts date formats to YYYYMMDD", () => {
    expect(dateConverter("YYYY-MM-DD")("1980-3-7")).toBe("19800307");
    expect(dateConverter("DD/MM/YYYY")("07/03/1980")).toBe("19800307");
    expect(dateConverter("MM/DD/YYYY")("03/07/1980")).toBe("19800307");
    expect(dateConverter("YYYYMMDD")("garbage")).toBe("");
  });
});

describe("linkRecords", () => {
  it("links a small population and explains each pair", () => {
    const random = seededRandom(3);
    const given = [
      "anna",
      "omar",
      "li",
      "maria",
      "ivan",
      "chen",
      "sara",
      "yusuf",
      "john",
      "mei",
      "piotr",
      "ada",
    ];
    const family = [
      "novak",
      "haddad",
      "wong",
      "garcia",
      "petrov",
      "tanaka",
      "smith",
      "okafor",
      "berg",
      "silva",
    ];
    const records: PersonRecord[] = [];
    const truth: number[] = [];
    for (let e = 0; e < 400; e++) {
      const g = given[Math.floor(random() * given.length)];
      const f = family[Math.floor(random() * family.length)] + (e % 37);
      const birthDate = `19${50 + (e % 50)}0${1 + (e % 9)}${10 + (e % 18)}`;
      const aNumber = String(20_000_000 + e * 13);
      records.push(person(`r${e}`, { givenName: g, familyName: f, birthDate, aNumber }));
      truth.push(e);
      if (e % 3 === 0) {
        records.push(
          person(`d${e}`, { givenName: g.toUpperCase(), familyName: `${f}e`, birthDate, aNumber }),
        );
        truth.push(e);
      }
    }
    const result = linkRecords(records);
    const metrics = pairMetrics(truth, result.clusterOf);
    expect(metrics.f1).toBeGreaterThan(0.95);
    const link = result.links[0];
    const why = explain(result.model, result.data, link.a, link.b);
    expect(why.map((c) => c.comparison)).toEqual(["givenName", "familyName", "birthDate", "aNumber"]);
    const total = result.model.priorBits + why.reduce((s, c) => s + c.bits, 0);
    expect(total).toBeCloseTo(link.weight, 6);
  });
});
