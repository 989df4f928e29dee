/**
 * The part of PreparedData the comparisons read, in a form a worker thread can receive
 * (structured clone: typed arrays and string arrays, no functions). Address words are rebuilt
 * on the other side rather than cloned as a million small arrays.
 */
import type { InternedField, NameFeatures, PreparedData } from "./dataset.js";
import { PERSON_FIELDS, type PersonField } from "./types.js";

export interface DataSnapshot {
  n: number;
  fields: Record<PersonField, InternedField>;
  givenName: Omit<NameFeatures, "codes"> & { codes: number };
  familyName: Omit<NameFeatures, "codes"> & { codes: number };
}

const names = (f: NameFeatures) => ({
  keys: f.keys,
  primary: f.primary,
  alternate: f.alternate,
  primaryId: f.primaryId,
  codes: f.codes,
});

export function toSnapshot(data: PreparedData): DataSnapshot {
  const fields = {} as Record<PersonField, InternedField>;
  for (const field of PERSON_FIELDS) fields[field] = data.fields[field];
  return { n: data.n, fields, givenName: names(data.givenName), familyName: names(data.familyName) };
}

export function fromSnapshot(s: DataSnapshot): PreparedData {
  return {
    n: s.n,
    recordIds: [],
    sources: [],
    fields: s.fields,
    givenName: s.givenName,
    familyName: s.familyName,
    addressWords: s.fields.addressLine.values.map((v) => v.split(" ")),
    phoneticIndex: () => {
      throw new Error("a snapshot has no phonetic index (blocking runs in the main thread)");
    },
  };
}
