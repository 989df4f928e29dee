/**
 * Comparison levels per field. Each comparison maps a pair of records to a level index (0 = the
 * strongest agreement, last = disagreement) or -1 when a value is missing (no evidence either
 * way). Levels are tried in order; the first that holds is the pair's level.
 */
import type { NameFeatures, PreparedData } from "./dataset.js";
import { oneTypo } from "./strings/edits.js";
import { jaroWinkler } from "./strings/jaro-winkler.js";
import type { PersonField } from "./types.js";

export interface Comparison {
  name: string;
  /** The field whose agreement this comparison measures (used to keep blocking bias out of training). */
  field: PersonField;
  levels: readonly string[];
  compare(data: PreparedData, a: number, b: number): number;
  /** Level indices whose weight is adjusted for how common the shared value is. */
  termFrequencyLevels: readonly number[];
}

// Jaro-Winkler bands as commonly used for names (Splink's defaults are 0.92 / 0.88 / 0.7).
const JW_HIGH = 0.92;
const JW_LOW = 0.8;

function sharesPhoneticCode(f: NameFeatures, x: number, y: number): boolean {
  const px = f.primary[x];
  const ax = f.alternate[x];
  const py = f.primary[y];
  const ay = f.alternate[y];
  return px !== "" && (px === py || px === ay || ax === py || ax === ay);
}

function nameAgrees(data: PreparedData, f: "givenName" | "familyName", x: number, other: PersonField, y: number) {
  const valuesX = data.fields[f].values;
  const valuesY = data.fields[other].values;
  const featX = data[f];
  const featY = data[other === "givenName" ? "givenName" : "familyName"];
  return featX.keys[x] === featY.keys[y] || jaroWinkler(valuesX[x], valuesY[y]) >= JW_HIGH;
}

function nameComparison(field: "givenName" | "familyName"): Comparison {
  const other = field === "givenName" ? "familyName" : "givenName";
  return {
    name: field,
    field,
    levels: ["exact", "transliteration", `jw>=${JW_HIGH}`, "swapped", "phonetic", `jw>=${JW_LOW}`, "else"],
    termFrequencyLevels: [0],
    compare(data, a, b) {
      const ids = data.fields[field].ids;
      const x = ids[a];
      const y = ids[b];
      if (x < 0 || y < 0) return -1;
      if (x === y) return 0;
      const feat = data[field];
      if (feat.keys[x] === feat.keys[y]) return 1;
      const values = data.fields[field].values;
      const jw = jaroWinkler(values[x], values[y]);
      if (jw >= JW_HIGH) return 2;
      // Given and family names exchanged between the two records.
      const otherIds = data.fields[other].ids;
      const ox = otherIds[a];
      const oy = otherIds[b];
      if ((oy >= 0 && nameAgrees(data, field, x, other, oy)) || (ox >= 0 && nameAgrees(data, field, y, other, ox)))
        return 3;
      if (sharesPhoneticCode(feat, x, y)) return 4;
      if (jw >= JW_LOW) return 5;
      return 6;
    },
  };
}

const birthDate: Comparison = {
  name: "birthDate",
  field: "birthDate",
  levels: ["exact", "one-digit-typo", "day-month-swapped", "same-year", "else"],
  termFrequencyLevels: [],
  compare(data, a, b) {
    const f = data.fields.birthDate;
    const x = f.ids[a];
    const y = f.ids[b];
    if (x < 0 || y < 0) return -1;
    if (x === y) return 0;
    const dx = f.values[x];
    const dy = f.values[y];
    if (oneTypo(dx, dy)) return 1;
    const yearX = dx.slice(0, 4);
    if (yearX === dy.slice(0, 4) && dx.slice(4, 6) === dy.slice(6, 8) && dx.slice(6, 8) === dy.slice(4, 6)) return 2;
    if (yearX === dy.slice(0, 4)) return 3;
    return 4;
  },
};

function codeComparison(field: "aNumber" | "postalCode"): Comparison {
  return {
    name: field,
    field,
    levels: ["exact", "one-character-typo", "else"],
    termFrequencyLevels: [],
    compare(data, a, b) {
      const f = data.fields[field];
      const x = f.ids[a];
      const y = f.ids[b];
      if (x < 0 || y < 0) return -1;
      if (x === y) return 0;
      return oneTypo(f.values[x], f.values[y]) ? 1 : 2;
    },
  };
}

function textComparison(field: "locality" | "nationality", fuzzy: boolean): Comparison {
  return {
    name: field,
    field,
    levels: fuzzy ? ["exact", "jw>=0.9", "else"] : ["exact", "else"],
    termFrequencyLevels: [0],
    compare(data, a, b) {
      const f = data.fields[field];
      const x = f.ids[a];
      const y = f.ids[b];
      if (x < 0 || y < 0) return -1;
      if (x === y) return 0;
      if (!fuzzy) return 1;
      return jaroWinkler(f.values[x], f.values[y]) >= 0.9 ? 1 : 2;
    },
  };
}

function sharedWordShare(w1: string[], w2: string[]): number {
  // Both lists are sorted: a merge counts the shared words.
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < w1.length && j < w2.length) {
    if (w1[i] === w2[j]) {
      shared++;
      i++;
      j++;
    } else if (w1[i] < w2[j]) i++;
    else j++;
  }
  return shared / Math.min(w1.length, w2.length);
}

const addressLine: Comparison = {
  name: "addressLine",
  field: "addressLine",
  levels: ["exact-words", "jw>=0.9", "half-the-words", "else"],
  termFrequencyLevels: [],
  compare(data, a, b) {
    const f = data.fields.addressLine;
    const x = f.ids[a];
    const y = f.ids[b];
    if (x < 0 || y < 0) return -1;
    if (x === y) return 0;
    if (jaroWinkler(f.values[x], f.values[y]) >= 0.9) return 1;
    if (sharedWordShare(data.addressWords[x], data.addressWords[y]) >= 0.5) return 2;
    return 3;
  },
};

const ALL: Comparison[] = [
  nameComparison("givenName"),
  nameComparison("familyName"),
  birthDate,
  codeComparison("aNumber"),
  textComparison("nationality", false),
  addressLine,
  textComparison("locality", true),
  codeComparison("postalCode"),
];

/** The comparisons for the fields this data set has. */
export function comparisonsFor(data: PreparedData): Comparison[] {
  return ALL.filter((c) => data.fields[c.field].present > 0);
}
