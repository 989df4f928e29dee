/**
 * Blocking: candidate pairs are the union of equality joins on keys built from the fields. A
 * pair that several rules produce is kept once (by the first rule that produces it; later rules
 * test the earlier keys instead of keeping a set of seen pairs). Blocks larger than `maxBlock`
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
  ...(["givenName", "familyName"] as const).flatMap((name) => [
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
  rule(
    "locality+phonetic(given)",
    ["locality", "givenName"],
    fieldValue("locality"),
    phoneticOf("givenName"),
  ),
  rule("birthDate+locality", ["birthDate", "locality"], fieldValue("birthDate"), fieldValue("locality")),
];

export interface CandidatePairs {
  a: Int32Array;
  b: Int32Array;
  count: number;
  /** Bit k set when the pair agrees on rule k's key. */
  rules: Uint16Array;
  ruleNames: string[];
  ruleFields: (readonly PersonField[])[];
  /** Pairs each rule contributed (before de-duplication) and blocks skipped for size. */
  perRule: { name: string; pairs: number; skippedBlocks: number }[];
}

interface RuleKeys {
  ids: Int32Array;
  skipped: Uint8Array;
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

class PairBuffer {
  a = new Int32Array(1 << 16);
  b = new Int32Array(1 << 16);
  count = 0;
  push(x: number, y: number) {
    if (this.count === this.a.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
    }
    this.a[this.count] = x;
    this.b[this.count] = y;
    this.count++;
  }
}

export function blockingRulesFor(data: PreparedData): BlockingRule[] {
  return BLOCKING_RULES.filter((rule) => rule.fields.every((f) => data.fields[f].present > 0));
}

export function candidatePairs(
  data: PreparedData,
  rules: readonly BlockingRule[],
  maxBlock = 32,
  onProgress?: (done: number, total: number) => void,
): CandidatePairs {
  const keys: RuleKeys[] = [];
  const out = new PairBuffer();
  const perRule: CandidatePairs["perRule"] = [];
  for (let k = 0; k < rules.length; k++) {
    const { ids, sizes } = keyIds(data, rules[k]);
    const skipped = new Uint8Array(sizes.length);
    // Counting sort of records by key id gives each block as a contiguous run.
    const start = new Int32Array(sizes.length + 1);
    for (let id = 0; id < sizes.length; id++) start[id + 1] = start[id] + sizes[id];
    const fill = start.slice(0, sizes.length);
    const order = new Int32Array(start[sizes.length]);
    for (let r = 0; r < data.n; r++) if (ids[r] >= 0) order[fill[ids[r]]++] = r;
    let pairs = 0;
    let skippedBlocks = 0;
    for (let id = 0; id < sizes.length; id++) {
      const size = sizes[id];
      if (size < 2) continue;
      if (size > maxBlock) {
        skipped[id] = 1;
        skippedBlocks++;
        continue;
      }
      for (let p = start[id]; p < start[id + 1]; p++) {
        for (let q = p + 1; q < start[id + 1]; q++) {
          const x = order[p];
          const y = order[q];
          pairs++;
          if (seenByEarlierRule(keys, x, y)) continue;
          out.push(Math.min(x, y), Math.max(x, y));
        }
      }
    }
    keys.push({ ids, skipped });
    perRule.push({ name: rules[k].name, pairs, skippedBlocks });
    onProgress?.(k + 1, rules.length);
  }
  const rulesMask = new Uint16Array(out.count);
  for (let p = 0; p < out.count; p++) {
    let mask = 0;
    for (let k = 0; k < keys.length; k++) {
      const kx = keys[k].ids[out.a[p]];
      if (kx >= 0 && kx === keys[k].ids[out.b[p]]) mask |= 1 << k;
    }
    rulesMask[p] = mask;
  }
  return {
    a: out.a.subarray(0, out.count),
    b: out.b.subarray(0, out.count),
    count: out.count,
    rules: rulesMask,
    ruleNames: rules.map((r) => r.name),
    ruleFields: rules.map((r) => r.fields),
    perRule,
  };
}

function seenByEarlierRule(keys: readonly RuleKeys[], x: number, y: number): boolean {
  for (const { ids, skipped } of keys) {
    const kx = ids[x];
    if (kx >= 0 && kx === ids[y] && skipped[kx] === 0) return true;
  }
  return false;
}
