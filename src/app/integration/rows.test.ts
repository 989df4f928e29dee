import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importMappingSchema, resolveMapping } from "./mapping.js";
import { fastRow, type RowInput, rowSchema, rowValidator } from "./rows.js";

const mapping = resolveMapping(
  importMappingSchema.parse({
    id: "id",
    fields: {
      givenName: "g",
      familyName: "f",
      birthDate: { column: "dob", format: "DD/MM/YYYY" },
      aNumber: "a",
      sex: "sex",
      citizenship: "c",
      languages: "l",
      aliases: { column: "aka", separator: "|" },
      addressLine: "line",
      locality: "city",
      postalCode: "zip",
    },
  }),
);
const schema = rowSchema(mapping);

// Values near the edges of every check: valid and invalid dates, A-numbers, codes, lengths.
const text = (max: number) =>
  fc.oneof(
    fc.constant(""),
    fc.string({ maxLength: 6 }),
    fc.string({ minLength: max - 1, maxLength: max + 1 }),
  );
const edgy: fc.Arbitrary<RowInput> = fc.record({
  sourceId: text(200),
  givenName: text(200),
  familyName: text(200),
  birthDate: fc.oneof(
    fc.constantFrom(
      "",
      "1990",
      "31/02/1990",
      "29/02/2000",
      "29/02/1900",
      "1/2/1985",
      "00/01/1990",
      "12-01-1990",
    ),
    fc
      .tuple(
        fc.integer({ min: 0, max: 33 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1700, max: 2100 }),
      )
      .map(([d, m, y]) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`),
  ),
  aNumber: fc.constantFrom(
    "",
    "A123456789",
    "a12345678",
    "A-123-456-789",
    " 123 456 78 ",
    "A1234567",
    "B123456789",
  ),
  sex: fc.constantFrom("", "f", "M", "x", "female", "Male", "other", "constructor"),
  citizenship: fc.array(fc.constantFrom("mx", "US", "ZZ", "EU", "XX", "gbr", "", "toString"), {
    maxLength: 3,
  }),
  languages: fc.array(fc.constantFrom("es", "EN", "spa", "e", "engl", "e1"), { maxLength: 3 }),
  aliases: fc.array(fc.constantFrom("Ana Lopez", "Lopez, Ana", "Cher", ", Ana", "Lopez,", "Mary Ann Lee"), {
    maxLength: 3,
  }),
  addressLine: text(500),
  locality: text(200),
  postalCode: text(20),
});

// Mostly valid rows with one field drawn from the edge cases above.
const plausible: fc.Arbitrary<RowInput> = fc
  .tuple(
    edgy,
    fc.constantFrom<keyof RowInput>(
      "sourceId",
      "givenName",
      "birthDate",
      "aNumber",
      "sex",
      "citizenship",
      "aliases",
    ),
  )
  .map(([odd, field]) => ({
    sourceId: "r1",
    givenName: "Ana",
    familyName: "Lopez",
    birthDate: "29/02/2000",
    aNumber: "A-123-456-789",
    sex: "female",
    citizenship: ["mx", "US"],
    languages: ["es", "EN"],
    aliases: ["Lopez, Ana"],
    addressLine: "1 Main St",
    locality: "Houston",
    postalCode: "77001",
    [field]: odd[field],
  }));
const input = fc.oneof(edgy, plausible);

describe("fast row validation", () => {
  it("accepts exactly the rows Zod accepts, with the same values", () => {
    // Both sides of the check must be exercised: some generated rows valid, some not.
    const valid = fc.sample(input, { numRuns: 3000, seed: 1 }).filter((r) => schema.safeParse(r).success);
    expect(valid.length).toBeGreaterThan(30);
    expect(valid.length).toBeLessThan(2970);
    fc.assert(
      fc.property(input, (row) => {
        const slow = schema.safeParse(row);
        const fast = fastRow(mapping, row);
        if (slow.success) expect(fast).toEqual(slow.data);
        else expect(fast).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("still names every problem of a bad row (through Zod)", () => {
    const validate = rowValidator(mapping);
    const result = validate({ id: "r1", g: "Ana", f: "", dob: "31/02/1990", c: "MX;XX" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe("familyName");
    expect(result.reason).toContain('birthDate: "31/02/1990" is not a calendar date');
    expect(result.reason).toContain('"XX" is not an ISO 3166-1 alpha-2 country code');
  });
});
