/**
 * Blocking: candidate pairs are the union of equality joins on keys built from the fields. A
 * pair that several rules produce is kept once (packed pair keys, sorted; see candidatePairs),
 * with a mask of the rules that produced it. Blocks larger than `maxBlock`
 * are skipped: a key shared by that many records does not separate people, and the other rules
 * still meet the pair.
 */
import type { PreparedData } from "./dataset.js";
import type { PersonField } from "./types.js";

export interface BlockingRule {
  name: string;
  fields: readonly PersonField[];
  /** The key of record r as a non-negative number, or -1 when a field it needs is missing. */
  key(data: PreparedData, r: number): number;
  /** False: the rule finds candidates but m is not estimated on its pairs (see the last two rules). */
  trainsM?: boolean;
}

/** A key part: a small non-negative integer per record (-1 = missing) and an upper bound. */
type KeyPart = { of(d: PreparedData, r: number): number; size(d: PreparedData): number };

const fieldValue = (field: PersonField): KeyPart => ({
  of: (d, r) => d.fields[field].ids[r],
  size: (d) => d.fields[field].values.length,
});

const initialOf = (field: "givenName" | "familyName"): KeyPart => ({
  of: (d, r) => {
    const id = d.fields[field].ids[r];
    return id < 0 ? -1 : d.fields[field].values[id].charCodeAt(0) & 127;
  },
  size: () => 128,
});

const phoneticOf = (field: "givenName" | "familyName"): KeyPart => ({
  of: (d, r) => {
    const id = d.fields[field].ids[r];
    return id < 0 ? -1 : d[field].primaryId[id];
  },
  size: (d) => d[field].codes,
});

/** Digits of the birth date (YYYYMMDD) between the given offsets, as a number. */
const datePart = (...cuts: number[]): KeyPart => ({
  of: (d, r) => {
    const id = d.fields.birthDate.ids[r];
    if (id < 0) return -1;
    const date = d.fields.birthDate.values[id];
    let piece = "";
    for (let i = 0; i < cuts.length; i += 2) piece += date.slice(cuts[i], cuts[i + 1]);
    return Number(piece);
  },
  size: () => 1_000_000,
});

/** Numeric keys (mixed radix of the parts): Map lookups on numbers, no strings per record. */
function rule(name: string, fields: PersonField[], ...parts: KeyPart[]): BlockingRule {
  return {
    name,
    fields,
    key(d, r) {
      let key = 0;
      for (const part of parts) {
        const x = part.of(d, r);
        if (x < 0) return -1;
        key = key * part.size(d) + x;
      }
      return key;
    },
  };
}

/** Phonetic codes of given and family name as an unordered pair, so swapped names meet. */
const unorderedNames: BlockingRule = {
  name: "phonetic(given,family)",
  fields: ["givenName", "familyName"],
  key(d, r) {
    const g = phoneticOf("givenName").of(d, r);
    const f = phoneticOf("familyName").of(d, r);
    if (g < 0 || f < 0) return -1;
    // Both fields number their codes in one shared space, so the ids compare across fields.
    return Math.min(g, f) * d.givenName.codes + Math.max(g, f);
  },
};

export const BLOCKING_RULES: readonly BlockingRule[] = [
  rule("aNumber", ["aNumber"], fieldValue("aNumber")),
  rule("birthDate+givenInitial", ["birthDate", "givenName"], fieldValue("birthDate"), initialOf("givenName")),
  rule(
    "birthDate+familyInitial",
    ["birthDate", "familyName"],
    fieldValue("birthDate"),
    initialOf("familyName"),
  ),
  unorderedNames,
  rule(
    "postalCode+phonetic(family)",
    ["postalCode", "familyName"],
    fieldValue("postalCode"),
    phoneticOf("familyName"),
  ),
  rule(
    "postalCode+phonetic(given)",
    ["postalCode", "givenName"],
    fieldValue("postalCode"),
    phoneticOf("givenName"),
  ),
  // Any one slip in a birth date (year, month or day) leaves one of these three parts intact.
  // Not phonetic(givenName)+birthMonthDay: given names have few phonetic codes and month+day only
  // 366 values, so its blocks were the largest of all rules (a quarter of all candidate pairs
  // at 1M records) while nearly every true pair in them was met by another rule.
  rule(
    "phonetic(givenName)+birthYearMonth",
    ["givenName", "birthDate"],
    phoneticOf("givenName"),
    datePart(0, 6),
  ),
  rule(
    "phonetic(givenName)+birthYearDay",
    ["givenName", "birthDate"],
    phoneticOf("givenName"),
    datePart(0, 4, 6, 8),
  ),
  ...(["familyName"] as const).flatMap((name) => [
    rule(`phonetic(${name})+birthYearMonth`, [name, "birthDate"], phoneticOf(name), datePart(0, 6)),
    rule(`phonetic(${name})+birthYearDay`, [name, "birthDate"], phoneticOf(name), datePart(0, 4, 6, 8)),
    rule(`phonetic(${name})+birthMonthDay`, [name, "birthDate"], phoneticOf(name), datePart(4, 8)),
  ]),
  rule(
    "birthDate+postalCode",
    ["birthDate", "postalCode"],
    fieldValue("birthDate"),
    fieldValue("postalCode"),
  ),
  rule(
    "birthDate+nationality",
    ["birthDate", "nationality"],
    fieldValue("birthDate"),
    fieldValue("nationality"),
  ),
  // A wrong birth date and a mistyped postal code: the place and a name still meet.
  rule("addressLine", ["addressLine"], fieldValue("addressLine")),
  rule(
    "locality+phonetic(family)",
    ["locality", "familyName"],
    fieldValue("locality"),
    phoneticOf("familyName"),
  ),
  // These two find candidates only. Until the rule mask was widened to 32 bits, a 16-bit mask
  // silently kept EM off their pairs; with EM on them, m of the names rose so far that on a small
  // population (test/person-linkage.test.ts, 157 records) a record agreeing only on names and place
  // linked at p = 0.9998. Kept off, as every measured figure was taken, until that is studied.
  {
    ...rule(
      "locality+phonetic(given)",
      ["locality", "givenName"],
      fieldValue("locality"),
      phoneticOf("givenName"),
    ),
    trainsM: false,
  },
  {
    ...rule("birthDate+locality", ["birthDate", "locality"], fieldValue("birthDate"), fieldValue("locality")),
    trainsM: false,
  },
];

export interface CandidatePairs {
  a: Int32Array;
  b: Int32Array;
  count: number;
  /** Bit k set when the pair agrees on rule k's key (whether or not its block was skipped for size). */
  rules: Uint32Array;
  ruleNames: string[];
  ruleFields: (readonly PersonField[])[];
  /** Whether m is estimated on each rule's pairs. */
  ruleTrains: boolean[];
  /** Pairs each rule contributed (before de-duplication) and blocks skipped for size. */
  perRule: { name: string; pairs: number; skippedBlocks: number }[];
}

function keyIds(data: PreparedData, rule: BlockingRule): { ids: Int32Array; sizes: number[] } {
  const ids = new Int32Array(data.n);
  const index = new Map<number, number>();
  const sizes: number[] = [];
  for (let r = 0; r < data.n; r++) {
    const key = rule.key(data, r);
    if (key < 0) {
      ids[r] = -1;
      continue;
    }
    let id = index.get(key);
    if (id === undefined) {
      id = sizes.length;
      index.set(key, id);
      sizes.push(0);
    }
    sizes[id]++;
    ids[r] = id;
  }
  return { ids, sizes };
}

/** A growable Float64Array of packed pairs. */
class PackedBuffer {
  data = new Float64Array(1 << 16);
  count = 0;
  push(x: number) {
    if (this.count === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.count++] = x;
  }
}

export function blockingRulesFor(data: PreparedData): BlockingRule[] {
  return BLOCKING_RULES.filter((rule) => rule.fields.every((f) => data.fields[f].present > 0));
}

/** Rules are numbered in 5 bits of a packed pair (and one bit each of a 32-bit mask). */
const MAX_RULES = 32;

/**
 * Every rule's pairs are packed as ((a * n + b) * 32 + rule), a < b, into one array of doubles
 * (exact below 2^53, so up to about 16 million records), sorted natively and run through once:
 * equal pairs are neighbours, their rule numbers become the pair's rule mask. No set of seen
 * pairs, no lookups of earlier rules' keys per pair, and the pairs come out ordered by record,
 * which the compare stage reads with better locality.
 */
export function candidatePairs(
  data: PreparedData,
  rules: readonly BlockingRule[],
  maxBlock = 32,
  onProgress?: (done: number, total: number) => void,
): CandidatePairs {
  if (rules.length > MAX_RULES) throw new Error(`at most ${MAX_RULES} blocking rules`);
  const n = data.n;
  if ((n * n + n) * MAX_RULES > Number.MAX_SAFE_INTEGER) throw new Error(`too many records to pack: ${n}`);
  const packed = new PackedBuffer();
  const perRule: CandidatePairs["perRule"] = [];
  const keys: Int32Array[] = [];
  for (let k = 0; k < rules.length; k++) {
    const { ids, sizes } = keyIds(data, rules[k]);
    keys.push(ids);
    // Counting sort of records by key id gives each block as a contiguous run.
    const start = new Int32Array(sizes.length + 1);
    for (let id = 0; id < sizes.length; id++) start[id + 1] = start[id] + sizes[id];
    const fill = start.slice(0, sizes.length);
    const order = new Int32Array(start[sizes.length]);
    for (let r = 0; r < n; r++) if (ids[r] >= 0) order[fill[ids[r]]++] = r;
    let pairs = 0;
    let skippedBlocks = 0;
    for (let id = 0; id < sizes.length; id++) {
      const size = sizes[id];
      if (size < 2) continue;
      if (size > maxBlock) {
        skippedBlocks++;
        continue;
      }
      // Records within a block are in increasing order (the counting sort is stable).
      for (let p = start[id]; p < start[id + 1]; p++) {
        const x = order[p];
        for (let q = p + 1; q < start[id + 1]; q++) {
          packed.push((x * n + order[q]) * MAX_RULES + k);
          pairs++;
        }
      }
    }
    perRule.push({ name: rules[k].name, pairs, skippedBlocks });
    onProgress?.(k + 1, rules.length);
  }
  const all = packed.data.subarray(0, packed.count).sort();
  let count = 0;
  for (let i = 0; i < all.length; i++)
    if (i === 0 || Math.floor(all[i] / MAX_RULES) !== Math.floor(all[i - 1] / MAX_RULES)) count++;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const mask = new Uint32Array(count);
  let p = -1;
  let last = -1;
  for (let i = 0; i < all.length; i++) {
    const pair = Math.floor(all[i] / MAX_RULES);
    const rule = all[i] - pair * MAX_RULES;
    if (pair !== last) {
      p++;
      last = pair;
      a[p] = Math.floor(pair / n);
      b[p] = pair - a[p] * n;
    }
    mask[p] = (mask[p] | (1 << rule)) >>> 0;
  }
  // Training runs EM per rule on the pairs that agree on its key: add the rules whose block was
  // too big to produce the pair but whose key it shares all the same.
  for (let k = 0; k < keys.length; k++) {
    const ids = keys[k];
    const bit = (1 << k) >>> 0;
    for (let q = 0; q < count; q++) {
      const kx = ids[a[q]];
      if (kx >= 0 && kx === ids[b[q]]) mask[q] = (mask[q] | bit) >>> 0;
    }
  }
  return {
    a,
    b,
    count,
    rules: mask,
    ruleNames: rules.map((r) => r.name),
    ruleFields: rules.map((r) => r.fields),
    ruleTrains: rules.map((r) => r.trainsM !== false),
    perRule,
  };
}
