/** The person fields the linker compares. Every field is optional: a source maps only what it has. */
export const PERSON_FIELDS = [
  "givenName",
  "familyName",
  "birthDate",
  "aNumber",
  "nationality",
  "addressLine",
  "locality",
  "postalCode",
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * One input record, as read from a source. Values are raw strings (trimmed; empty = missing);
 * `birthDate` must already be `YYYYMMDD` (see mapping.ts for source formats), possibly with 00
 * for an unknown day or month.
 */
export interface PersonRecord {
  id: string;
  source?: string;
  fields: Partial<Record<PersonField, string>>;
}

/** One field's part of a pair's match weight: what a reviewer sees. */
export interface FieldContribution {
  comparison: string;
  level: string;
  /** log2(m/u) for the level, plus the term-frequency adjustment, in bits. 0 when a value is missing. */
  bits: number;
}

export interface ScoredPair {
  a: number;
  b: number;
  /** Match weight in bits, prior included. */
  weight: number;
  probability: number;
}

export type ProgressReporter = (stage: string, done: number, total: number) => void;
