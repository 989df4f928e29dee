/**
 * The bridge between immos rows and the linkage library's PersonRecord: a person row, or an
 * imported source record, as the fields the Fellegi-Sunter model compares. And the fields shown
 * side by side on the review page.
 */
import type { PersonRecord } from "../../linkage/types.js";
import type { ImportedPerson } from "./rows.js";

/** YYYY-MM-DD, YYYY-MM or YYYY as YYYYMMDD with 00 for an unknown month or day. */
export function linkageDate(date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const digits = date.replace(/-/g, "");
  return digits.padEnd(8, "0");
}

export interface PersonLike {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  aNumber: string | null;
  citizenship: string[];
  facts?: unknown;
}

function addressOfFacts(facts: unknown) {
  const a = (facts as { address?: Record<string, unknown> } | null)?.address;
  if (!a || typeof a !== "object") return {};
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  return {
    addressLine: text(a.line1) ?? text(a.line),
    locality: text(a.city) ?? text(a.locality),
    postalCode: text(a.postalCode),
  };
}

function compact(fields: PersonRecord["fields"]): PersonRecord["fields"] {
  const out: PersonRecord["fields"] = {};
  for (const [k, v] of Object.entries(fields)) if (v) out[k as keyof typeof out] = v;
  return out;
}

export function personRecord(id: string, p: PersonLike): PersonRecord {
  return {
    id,
    source: "persons",
    fields: compact({
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: linkageDate(p.birthDate),
      aNumber: p.aNumber ?? undefined,
      nationality: p.citizenship[0],
      ...addressOfFacts(p.facts),
    }),
  };
}

export function importedRecord(id: string, source: string, r: ImportedPerson): PersonRecord {
  return {
    id,
    source,
    fields: compact({
      givenName: r.givenName,
      familyName: r.familyName,
      birthDate: linkageDate(r.birthDate),
      aNumber: r.aNumber ?? undefined,
      nationality: r.citizenship[0],
      addressLine: r.address?.line ?? undefined,
      locality: r.address?.locality ?? undefined,
      postalCode: r.address?.postalCode ?? undefined,
    }),
  };
}

/** A record as the review page shows it: a label and the compared fields, readable. */
export function displayRecord(label: string, r: PersonRecord) {
  const f = r.fields;
  const date = f.birthDate;
  return {
    label,
    fields: {
      givenName: f.givenName ?? null,
      familyName: f.familyName ?? null,
      birthDate: date
        ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`.replace(/-00/g, "")
        : null,
      aNumber: f.aNumber ?? null,
      nationality: f.nationality ?? null,
      addressLine: f.addressLine ?? null,
      locality: f.locality ?? null,
      postalCode: f.postalCode ?? null,
    },
  };
}
