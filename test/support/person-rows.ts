/**
 * Synthetic person rows for import tests and the import benchmark (all names generated; no real
 * person). Deterministic for a seed: the same call gives the same file, byte for byte.
 */
import { seededRandom } from "../../src/linkage/model.js";

const GIVEN = [
  "maria",
  "jose",
  "wei",
  "fatima",
  "oleksandr",
  "nguyen",
  "priya",
  "ahmed",
  "sofia",
  "kwame",
  "ana",
  "li",
  "dmytro",
  "amina",
  "carlos",
  "mei",
];
const SYLLABLES = [
  "ra",
  "mo",
  "ki",
  "ta",
  "len",
  "so",
  "var",
  "du",
  "bel",
  "zin",
  "qu",
  "ash",
  "or",
  "pen",
  "gal",
  "tri",
];
const COUNTRIES = ["MX", "GT", "HN", "SV", "CN", "IN", "UA", "NG", "VN", "PL"];
const CITIES = ["Houston", "Dallas", "San Antonio", "El Paso", "Austin"];

export interface PersonRow {
  rec_id: string;
  given: string;
  family: string;
  dob: string; // DD/MM/YYYY
  a_number: string;
  country: string;
  langs: string;
  street: string;
  city: string;
  zip: string;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function personRows(n: number, seed = 7, prefix = "r"): PersonRow[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const rows: PersonRow[] = [];
  for (let i = 0; i < n; i++) {
    const family = cap(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
    const year = 1950 + Math.floor(random() * 55);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    rows.push({
      rec_id: `${prefix}${i + 1}`,
      given: cap(pick(GIVEN)),
      family,
      dob: `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`,
      a_number: `A${String(100_000_000 + Math.floor(random() * 899_999_999)).padStart(9, "0")}`,
      country: pick(COUNTRIES),
      langs: pick(["es", "en;es", "zh", "uk", "hi", "vi"]),
      street: `${1 + Math.floor(random() * 999)} ${cap(pick(SYLLABLES) + pick(SYLLABLES))} St`,
      city: pick(CITIES),
      zip: String(77000 + Math.floor(random() * 999)),
    });
  }
  return rows;
}

const COLUMNS: (keyof PersonRow)[] = [
  "rec_id",
  "given",
  "family",
  "dob",
  "a_number",
  "country",
  "langs",
  "street",
  "city",
  "zip",
];

export function toCsv(rows: PersonRow[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${COLUMNS.join(",")}\n${rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(",")).join("\n")}\n`;
}

export const MAPPING = {
  id: "rec_id",
  fields: {
    givenName: "given",
    familyName: "family",
    birthDate: { column: "dob", format: "DD/MM/YYYY" },
    aNumber: "a_number",
    citizenship: "country",
    languages: { column: "langs", separator: ";" },
    addressLine: "street",
    locality: "city",
    postalCode: "zip",
  },
};
