import { describe, expect, it } from "vitest";
import { transliterationKey } from "./aliases.js";
import {
  addressTokens,
  compactName,
  normalizeANumber,
  normalizeBirthDate,
  normalizeCode,
  normalizeName,
} from "./normalize.js";

describe("normalizeName", () => {
  it("removes accents and transliterates other scripts", () => {
    expect(normalizeName("  Łukasz ")).toBe("lukasz");
    expect(normalizeName("José-María")).toBe("jose maria");
    expect(normalizeName("Сергей")).toBe("sergey");
    expect(normalizeName("O'Brien")).toBe("obrien");
    expect(normalizeName("")).toBe("");
    expect(compactName("van der berg")).toBe("vanderberg");
  });
});

describe("transliterationKey", () => {
  it("gives romanisations of one name the same key", () => {
    expect(transliterationKey("mohammed")).toBe(transliterationKey("muhammad"));
    expect(transliterationKey("youssef")).toBe(transliterationKey("yusuf"));
    expect(transliterationKey("aleksandr")).toBe(transliterationKey("alexander"));
    expect(transliterationKey("khaled")).toBe(transliterationKey("haled"));
    expect(transliterationKey("tatyana")).toBe(transliterationKey("tatiana"));
  });
  it("keeps different names apart", () => {
    expect(transliterationKey("maria")).not.toBe(transliterationKey("mario"));
    expect(transliterationKey("smith")).not.toBe(transliterationKey("jones"));
  });
});

describe("codes and dates", () => {
  it("normalises A-numbers", () => {
    expect(normalizeANumber("A012-345-678")).toBe("12345678");
    expect(normalizeANumber("12345678")).toBe("12345678");
    expect(normalizeANumber("  ")).toBe("");
  });
  it("normalises postal codes and addresses", () => {
    expect(normalizeCode("sw1a 1aa")).toBe("SW1A1AA");
    expect(addressTokens("12 Hurley St., Lakes Estate")).toEqual([
      "12",
      "hurley",
      "street",
      "lakes",
      "estate",
    ]);
  });
  it("keeps YYYYMMDD dates, unknown days included, and rejects impossible ones", () => {
    expect(normalizeBirthDate("19560409")).toBe("19560409");
    expect(normalizeBirthDate("19560400")).toBe("19560400");
    expect(normalizeBirthDate("1956")).toBe("19560000");
    expect(normalizeBirthDate("19561340")).toBe("");
    expect(normalizeBirthDate("1956041")).toBe("");
  });
});
