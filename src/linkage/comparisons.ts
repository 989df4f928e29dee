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
  /** Further fields it reads, if any. */
  alsoReads?: readonly PersonField[];
  /** False when level 0 is not plain equality of `field` (its u is then sampled, not counted). */
  exactIsEquality?: boolean;
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

function nameAgrees(
  data: PreparedData,
  f: "givenName" | "familyName",
  x: number,
  other: PersonField,
  y: number,
) {
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
      if (
        (oy >= 0 && nameAgrees(data, field, x, other, oy)) ||
        (ox >= 0 && nameAgrees(data, field, y, other, ox))
      )
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
    if (yearX === dy.slice(0, 4) && dx.slice(4, 6) === dy.slice(6, 8) && dx.slice(6, 8) === dy.slice(4, 6))
      return 2;
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

/** Levenshtein distance at most 1, or two neighbours swapped: a single keying slip. */
function withinOneEdit(x: string, y: string): boolean {
  const lx = x.length;
  const ly = y.length;
  if (Math.abs(lx - ly) > 1) return false;
  if (lx === ly) return oneTypo(x, y);
  const [short, long] = lx < ly ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  for (let k = i; k < short.length; k++) if (short.charCodeAt(k) !== long.charCodeAt(k + 1)) return false;
  return true;
}

/**
 * Share of words two addresses have in common, a word counting when it is equal or one slip
 * away from an unused word of the other address. Word-based rather than Jaro-Winkler on the
 * whole line: word order varies, and it is several times cheaper on long strings.
 */
function sharedWords(w1: readonly string[], w2: readonly string[]): number {
  let shared = 0;
  let used = 0;
  for (const x of w1) {
    for (let j = 0; j < w2.length; j++) {
      if ((used & (1 << j)) === 0 && x === w2[j]) {
        used |= 1 << j;
        shared++;
        break;
      }
    }
  }
  if (shared < w1.length && shared < w2.length) {
    for (const x of w1) {
      if (w2.includes(x)) continue;
      for (let j = 0; j < w2.length && j < 31; j++) {
        if ((used & (1 << j)) === 0 && withinOneEdit(x, w2[j])) {
          used |= 1 << j;
          shared++;
          break;
        }
      }
    }
  }
  return shared;
}

const addressLine: Comparison = {
  name: "addressLine",
  field: "addressLine",
  levels: ["exact-words", "all-but-one-word", "half-the-words", "else"],
  termFrequencyLevels: [],
  compare(data, a, b) {
    const f = data.fields.addressLine;
    const x = f.ids[a];
    const y = f.ids[b];
    if (x < 0 || y < 0) return -1;
    if (x === y) return 0;
    const w1 = data.addressWords[x];
    const w2 = data.addressWords[y];
    const shared = sharedWords(w1, w2);
    const longer = Math.max(w1.length, w2.length);
    if (shared >= longer - 1 && shared > 0) return 1;
    if (shared * 2 >= Math.min(w1.length, w2.length)) return 2;
    return 3;
  },
};

const postalCode = codeComparison("postalCode");
const locality = textComparison("locality", true);

/**
 * Postal code and locality in one comparison: they describe one place, so agreeing on both is
 * not twice the evidence of agreeing on one (Fellegi-Sunter assumes comparisons independent).
 */
const place: Comparison = {
  name: "place",
  field: "postalCode",
  alsoReads: ["locality"],
  exactIsEquality: false,
  levels: ["postalCode+locality", "postalCode", "locality", "postalCode-typo-or-locality-jw>=0.9", "else"],
  termFrequencyLevels: [],
  compare(data, a, b) {
    const pc = data.fields.postalCode.present > 0 ? postalCode.compare(data, a, b) : -1;
    const lc = data.fields.locality.present > 0 ? locality.compare(data, a, b) : -1;
    if (pc < 0 && lc < 0) return -1;
    if (pc === 0 && lc === 0) return 0;
    if (pc === 0) return 1;
    if (lc === 0) return 2;
    if (pc === 1 || lc === 1) return 3;
    return 4;
  },
};

const ALL: Comparison[] = [
  nameComparison("givenName"),
  nameComparison("familyName"),
  birthDate,
  codeComparison("aNumber"),
  textComparison("nationality", false),
  addressLine,
  place,
];

/** Every field a comparison reads. */
export function fieldsOf(comparison: Comparison): PersonField[] {
  return [comparison.field, ...(comparison.alsoReads ?? [])];
}

/** The comparisons for the fields this data set has. */
export function comparisonsFor(data: PreparedData): Comparison[] {
  return ALL.filter((c) => fieldsOf(c).some((f) => data.fields[f].present > 0));
}
