import { describe, expect, it } from "vitest";
import { normalizeANumber } from "./a-number.js";
import { AppError } from "./errors.js";
import { normalizeName, searchNames } from "./names.js";

describe("normalizeName", () => {
  it("removes accents and case", () => {
    expect(normalizeName("José  Núñez-García")).toBe("jose nunez garcia");
    expect(normalizeName("Đặng Thị Hương")).toBe("đang thi huong");
  });
  it("keeps non-Latin scripts searchable in their script", () => {
    expect(normalizeName("محمد الأحمد")).toBe("محمد الاحمد");
    expect(normalizeName("Иван Петров")).toBe("иван петров");
    expect(normalizeName("王 伟")).toBe("王 伟");
  });
  it("joins variants", () => {
    expect(
      searchNames([
        { given: "Ana", family: "Pérez" },
        { given: "Ana", family: "Perez" },
      ]),
    ).toBe("ana perez");
  });
});

describe("normalizeANumber", () => {
  it("accepts 8 or 9 digits, with or without A and dashes", () => {
    expect(normalizeANumber("A123456789")).toBe("A123456789");
    expect(normalizeANumber("a 12-345-678")).toBe("A012345678");
  });
  it("refuses anything else, naming the field", () => {
    for (const bad of ["A1234567", "A1234567890", "B12345678", "A12345678X", ""]) {
      expect(() => normalizeANumber(bad)).toThrow(AppError);
      try {
        normalizeANumber(bad);
      } catch (e) {
        expect((e as AppError).field).toBe("aNumber");
      }
    }
  });
});
