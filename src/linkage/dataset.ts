/**
 * The records in columnar, interned form: per field an Int32Array of value ids (-1 = missing)
 * and the unique normalised values, with per-value features (transliteration key, phonetic
 * codes, term frequency) computed once per distinct value rather than once per record or pair.
 */
import { doubleMetaphone } from "double-metaphone";
import { transliterationKey } from "./aliases.js";
import {
  addressTokens,
  compactName,
  normalizeANumber,
  normalizeBirthDate,
  normalizeCode,
  normalizeName,
  normalizeText,
} from "./normalize.js";
import type { PersonField, PersonRecord } from "./types.js";

export interface InternedField {
  /** Value id per record; -1 when missing. */
  ids: Int32Array;
  /** Distinct normalised values. */
  values: string[];
  /** How many records hold each value. */
  counts: number[];
  /** Records with a value. */
  present: number;
}

export interface NameFeatures {
  /** Transliteration key per distinct value. */
  keys: string[];
  /** Double Metaphone primary and alternate code per distinct value. */
  primary: string[];
  alternate: string[];
  /** Number of each primary code in a numbering shared by both name fields (for blocking keys). */
  primaryId: Int32Array;
  codes: number;
}

export interface PreparedData {
  n: number;
  recordIds: string[];
  sources: string[];
  fields: Record<PersonField, InternedField>;
  givenName: NameFeatures;
  familyName: NameFeatures;
  /** Sorted distinct address words per distinct address value. */
  addressWords: string[][];
  /** Number of a phonetic code, shared by given and family names. */
  phoneticIndex(code: string): number;
}

const NORMALIZERS: Record<PersonField, (raw: string | undefined) => string> = {
  givenName: (raw) => compactName(normalizeName(raw)),
  familyName: (raw) => compactName(normalizeName(raw)),
  birthDate: normalizeBirthDate,
  aNumber: normalizeANumber,
  nationality: normalizeText,
  // Word order in an address line varies between sources; the sorted words are the value.
  addressLine: (raw) => [...new Set(addressTokens(raw))].sort().join(" "),
  locality: normalizeText,
  postalCode: normalizeCode,
};

function intern(records: readonly PersonRecord[], field: PersonField): InternedField {
  const normalize = NORMALIZERS[field];
  const ids = new Int32Array(records.length);
  const index = new Map<string, number>();
  const rawCache = new Map<string, number>();
  const values: string[] = [];
  const counts: number[] = [];
  let present = 0;
  for (let r = 0; r < records.length; r++) {
    const raw = records[r].fields[field];
    if (raw === undefined || raw === "") {
      ids[r] = -1;
      continue;
    }
    let id = rawCache.get(raw);
    if (id === undefined) {
      const value = normalize(raw);
      id = value === "" ? -1 : index.get(value);
      if (id === undefined) {
        id = values.length;
        index.set(value, id);
        values.push(value);
        counts.push(0);
      }
      rawCache.set(raw, id);
    }
    ids[r] = id;
    if (id >= 0) {
      counts[id]++;
      present++;
    }
  }
  return { ids, values, counts, present };
}

function nameFeatures(field: InternedField, phoneticIndex: (code: string) => number): NameFeatures {
  const keys: string[] = [];
  const primary: string[] = [];
  const alternate: string[] = [];
  for (const value of field.values) {
    keys.push(transliterationKey(value));
    const [p, a] = doubleMetaphone(value);
    primary.push(p);
    alternate.push(a);
  }
  return {
    keys,
    primary,
    alternate,
    primaryId: Int32Array.from(primary, (code) => (code === "" ? -1 : phoneticIndex(code))),
    get codes() {
      return phoneticIndex("") + 1;
    },
  };
}

export function prepare(records: readonly PersonRecord[]): PreparedData {
  const fields = {} as Record<PersonField, InternedField>;
  for (const field of Object.keys(NORMALIZERS) as PersonField[]) fields[field] = intern(records, field);
  const codeIds = new Map<string, number>();
  // "" asks for the count so far (an upper bound for key arithmetic) without adding a code.
  const phoneticIndex = (code: string) => {
    if (code === "") return codeIds.size;
    let id = codeIds.get(code);
    if (id === undefined) {
      id = codeIds.size;
      codeIds.set(code, id);
    }
    return id;
  };
  return {
    phoneticIndex,
    n: records.length,
    recordIds: records.map((r) => r.id),
    sources: records.map((r) => r.source ?? ""),
    fields,
    givenName: nameFeatures(fields.givenName, phoneticIndex),
    familyName: nameFeatures(fields.familyName, phoneticIndex),
    addressWords: fields.addressLine.values.map((v) => v.split(" ")),
  };
}

/** Whether a field has any value at all (an unmapped field has none). */
export function hasField(data: PreparedData, field: PersonField): boolean {
  return data.fields[field].present > 0;
}
