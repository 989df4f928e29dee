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
  /** The key of record r, or null when a field it needs is missing. */
  key(data: PreparedData, r: number): string | null;
}

function value(data: PreparedData, field: PersonField, r: number): string | null {
  const id = data.fields[field].ids[r];
  return id < 0 ? null : data.fields[field].values[id];
}

function phonetic(data: PreparedData, field: "givenName" | "familyName", r: number): string | null {
  const id = data.fields[field].ids[r];
  return id < 0 ? null : data[field].primary[id] || null;
}

function join(...parts: (string | null)[]): string | null {
  return parts.some((p) => p === null) ? null : parts.join("|");
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: "aNumber", fields: ["aNumber"], key: (d, r) => value(d, "aNumber", r) },
  {
    name: "birthDate+givenInitial",
    fields: ["birthDate", "givenName"],
    key: (d, r) => join(value(d, "birthDate", r), value(d, "givenName", r)?.[0] ?? null),
  },
  {
    name: "birthDate+familyInitial",
    fields: ["birthDate", "familyName"],
    key: (d, r) => join(value(d, "birthDate", r), value(d, "familyName", r)?.[0] ?? null),
  },
  {
    // Sorted so that exchanged given and family names meet.
    name: "phonetic(given,family)",
    fields: ["givenName", "familyName"],
    key: (d, r) => {
      const g = phonetic(d, "givenName", r);
      const f = phonetic(d, "familyName", r);
      return g === null || f === null ? null : g < f ? `${g}|${f}` : `${f}|${g}`;
    },
  },
  {
    name: "postalCode+phonetic(family)",
    fields: ["postalCode", "familyName"],
    key: (d, r) => join(value(d, "postalCode", r), phonetic(d, "familyName", r)),
  },
  {
    name: "postalCode+phonetic(given)",
    fields: ["postalCode", "givenName"],
    key: (d, r) => join(value(d, "postalCode", r), phonetic(d, "givenName", r)),
  },
  // A typo in the birth date breaks the rules above; these keep either half of the date.
  // Any one slip in a birth date (year, month or day) leaves one of these three parts intact.
  ...(["givenName", "familyName"] as const).flatMap((name) =>
    (
      [
        ["birthYearMonth", 0, 6],
        ["birthYearDay", 0, 4, 6, 8],
        ["birthMonthDay", 4, 8],
      ] as const
    ).map(([part, ...cut]) => ({
      name: `phonetic(${name})+${part}`,
      fields: [name, "birthDate"] as PersonField[],
      key: (d: PreparedData, r: number) => {
        const date = value(d, "birthDate", r);
        if (date === null) return null;
        const piece =
          cut.length === 4
            ? date.slice(cut[0], cut[1]) + date.slice(cut[2], cut[3])
            : date.slice(cut[0], cut[1]);
        return join(phonetic(d, name, r), piece);
      },
    })),
  ),
  {
    name: "birthDate+postalCode",
    fields: ["birthDate", "postalCode"],
    key: (d, r) => join(value(d, "birthDate", r), value(d, "postalCode", r)),
  },
  {
    name: "birthDate+nationality",
    fields: ["birthDate", "nationality"],
    key: (d, r) => join(value(d, "birthDate", r), value(d, "nationality", r)),
  },
  // A wrong birth date and a mistyped postal code: the place and a name still meet.
  { name: "addressLine", fields: ["addressLine"], key: (d, r) => value(d, "addressLine", r) },
  {
    name: "locality+phonetic(family)",
    fields: ["locality", "familyName"],
    key: (d, r) => join(value(d, "locality", r), phonetic(d, "familyName", r)),
  },
  {
    name: "locality+phonetic(given)",
    fields: ["locality", "givenName"],
    key: (d, r) => join(value(d, "locality", r), phonetic(d, "givenName", r)),
  },
  {
    name: "birthDate+locality",
    fields: ["birthDate", "locality"],
    key: (d, r) => join(value(d, "birthDate", r), value(d, "locality", r)),
  },
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
  const index = new Map<string, number>();
  const sizes: number[] = [];
  for (let r = 0; r < data.n; r++) {
    const key = rule.key(data, r);
    if (key === null) {
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
  maxBlock = 64,
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
