/**
 * Validation of one imported row (Zod): the mapped values become an ImportedPerson, or the row
 * is quarantined with a reason naming the field. A-numbers go through normalizeANumber, dates
 * through the mapping's format and a calendar check, countries must be ISO 3166-1 alpha-2 codes
 * that exist, languages ISO 639 codes.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { normalizeANumber } from "../../domain/a-number.js";
import { AppError } from "../../domain/errors.js";
import type { ImportField, RawRow, ResolvedMapping } from "./mapping.js";

export interface ImportedPerson {
  sourceId: string;
  givenName: string;
  familyName: string;
  aliases: { given: string; family: string }[];
  /** YYYY or YYYY-MM-DD. */
  birthDate: string | null;
  aNumber: string | null;
  sex: "F" | "M" | "X" | null;
  citizenship: string[];
  languages: string[];
  address: { line: string | null; locality: string | null; postalCode: string | null } | null;
}

export type RowResult =
  | { ok: true; record: ImportedPerson; contentHash: string }
  | { ok: false; field: string; reason: string; contentHash: string };

const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
/** Alpha-2 codes that name a country or territory (ZZ is "unknown region", EU/UN are not countries). */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);
const countryCache = new Map<string, boolean>();
export function isCountryCode(code: string): boolean {
  let known = countryCache.get(code);
  if (known === undefined) {
    known = /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== undefined;
    if (countryCache.size < 10_000) countryCache.set(code, known);
  }
  return known;
}

const name = z.string().min(1, "missing").max(200, "longer than 200 characters");
const optional = (s: string) => (s === "" ? null : s);

export function rowSchema(m: ResolvedMapping) {
  return z.object({
    sourceId: z.string().min(1, `missing (column ${m.id})`).max(200),
    givenName: name,
    familyName: name,
    birthDate: z.string().transform((raw, ctx) => {
      if (raw === "") return null;
      const digits = m.birthDate(raw);
      if (digits.length === 4) return digits;
      const date = digits.length === 8 ? calendarDate(digits) : null;
      if (!date) {
        const why =
          digits.length === 8 ? "is not a calendar date" : `does not fit the format ${m.dateFormat}`;
        ctx.addIssue({ code: "custom", message: `"${raw}" ${why}` });
        return z.NEVER;
      }
      return date;
    }),
    aNumber: z.string().transform((raw, ctx) => {
      if (raw === "") return null;
      try {
        return normalizeANumber(raw);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: e instanceof AppError ? e.message : String(e) });
        return z.NEVER;
      }
    }),
    sex: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(["", "F", "M", "X", "FEMALE", "MALE"], "expected F, M or X"))
      .transform((s) => (s === "" ? null : (s[0] as "F" | "M" | "X"))),
    citizenship: z.array(
      z
        .string()
        .transform((s) => s.toUpperCase())
        .refine(isCountryCode, { error: (i) => `"${i.input}" is not an ISO 3166-1 alpha-2 country code` }),
    ),
    languages: z.array(
      z
        .string()
        .transform((s) => s.toLowerCase())
        .refine((s) => /^[a-z]{2,3}$/.test(s), {
          error: (i) => `"${i.input}" is not an ISO 639 language code`,
        }),
    ),
    aliases: z.array(
      z.string().transform((s, ctx) => {
        const alias = aliasOf(s);
        if (!alias) {
          ctx.addIssue({ code: "custom", message: `"${s}" needs a given and a family name` });
          return z.NEVER;
        }
        return alias;
      }),
    ),
    addressLine: z.string().max(500),
    locality: z.string().max(200),
    postalCode: z.string().max(20),
  });
}

/** YYYYMMDD as a real calendar date (YYYY-MM-DD), or null (31 February, month 13 ...). */
function calendarDate(digits: string): string | null {
  const [year, month, day] = [+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6, 8)];
  if (year < 1800 || month < 1 || month > 12 || day < 1) return null;
  // Checked by hand rather than with Temporal: this runs for every row of every import.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : null;
}

function sourceIdOf(row: RawRow, column: string): string {
  const v = row[column];
  return v === undefined || v === null || typeof v === "object" ? "" : String(v).trim();
}

/** Content hash of a raw row: its JSON in the file's own key order. */
export function contentHash(row: RawRow): string {
  return createHash("sha256").update(JSON.stringify(row)).digest("base64url").slice(0, 32);
}

export interface RowInput {
  sourceId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  aNumber: string;
  sex: string;
  citizenship: string[];
  languages: string[];
  aliases: string[];
  addressLine: string;
  locality: string;
  postalCode: string;
}
type RowValue = z.output<ReturnType<typeof rowSchema>>;

const A_NUMBER = /^A?(\d{8,9})$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const SEXES = new Map<string, "F" | "M" | "X" | null>([
  ["", null],
  ["F", "F"],
  ["M", "M"],
  ["X", "X"],
  ["FEMALE", "F"],
  ["MALE", "M"],
]);

/**
 * The schema's checks and transforms written out by hand for one row: the same value for a row the
 * schema accepts, and undefined for any row it might refuse, which then goes through Zod for the
 * full list of problems. Zod per row was most of an import's CPU time; a valid row never needs
 * its error machinery. `rows.test.ts` checks the two agree on generated rows, valid and not.
 */
export function fastRow(m: ResolvedMapping, v: RowInput): RowValue | undefined {
  const { sourceId, givenName, familyName } = v;
  if (sourceId.length < 1 || sourceId.length > 200) return undefined;
  if (givenName.length < 1 || givenName.length > 200) return undefined;
  if (familyName.length < 1 || familyName.length > 200) return undefined;
  if (v.addressLine.length > 500 || v.locality.length > 200 || v.postalCode.length > 20) return undefined;
  let birthDate: string | null = null;
  if (v.birthDate !== "") {
    const digits = m.birthDate(v.birthDate);
    if (digits.length === 4) birthDate = digits;
    else {
      birthDate = digits.length === 8 ? calendarDate(digits) : null;
      if (birthDate === null) return undefined;
    }
  }
  let aNumber: string | null = null;
  if (v.aNumber !== "") {
    // normalizeANumber's own steps, without the exception for a bad number.
    const match = A_NUMBER.exec(v.aNumber.trim().toUpperCase().replace(/[\s-]/g, ""));
    if (!match) return undefined;
    aNumber = `A${match[1].padStart(9, "0")}`;
  }
  const sex = SEXES.get(v.sex.toUpperCase());
  if (sex === undefined) return undefined;
  const citizenship: string[] = [];
  for (const raw of v.citizenship) {
    const code = raw.toUpperCase();
    if (!isCountryCode(code)) return undefined;
    citizenship.push(code);
  }
  const languages: string[] = [];
  for (const raw of v.languages) {
    const code = raw.toLowerCase();
    if (!LANGUAGE.test(code)) return undefined;
    languages.push(code);
  }
  const aliases: { given: string; family: string }[] = [];
  for (const s of v.aliases) {
    const alias = aliasOf(s);
    if (!alias) return undefined;
    aliases.push(alias);
  }
  return {
    sourceId,
    givenName,
    familyName,
    birthDate,
    aNumber,
    sex,
    citizenship,
    languages,
    aliases,
    addressLine: v.addressLine,
    locality: v.locality,
    postalCode: v.postalCode,
  };
}

/** "Family, Given" or "Given ... Family"; null without both parts. */
function aliasOf(s: string): { given: string; family: string } | null {
  const comma = s.indexOf(",");
  const [given, family] =
    comma >= 0
      ? [s.slice(comma + 1).trim(), s.slice(0, comma).trim()]
      : [s.slice(0, s.lastIndexOf(" ")).trim(), s.slice(s.lastIndexOf(" ") + 1).trim()];
  return given && family ? { given, family } : null;
}

export function rowValidator(m: ResolvedMapping) {
  const schema = rowSchema(m);
  const text = (row: RawRow, f: ImportField) => m.text(row, f);
  return (row: RawRow): RowResult => {
    const hash = contentHash(row);
    if ("__unparsed" in row)
      return { ok: false, field: "row", reason: "row: not a JSON object", contentHash: hash };
    const input: RowInput = {
      sourceId: sourceIdOf(row, m.id),
      givenName: text(row, "givenName"),
      familyName: text(row, "familyName"),
      birthDate: text(row, "birthDate"),
      aNumber: text(row, "aNumber"),
      sex: text(row, "sex"),
      citizenship: m.list(row, "citizenship"),
      languages: m.list(row, "languages"),
      aliases: m.list(row, "aliases"),
      addressLine: text(row, "addressLine"),
      locality: text(row, "locality"),
      postalCode: text(row, "postalCode"),
    };
    const fast = fastRow(m, input);
    if (fast) return accepted(fast, hash);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        field: String(i.path[0] ?? "row"),
        message: i.message,
      }));
      return {
        ok: false,
        field: issues[0].field,
        reason: issues.map((i) => `${i.field}: ${i.message}`).join("; "),
        contentHash: hash,
      };
    }
    return accepted(parsed.data, hash);
  };
}

function accepted(v: RowValue, hash: string): RowResult {
  const address =
    v.addressLine || v.locality || v.postalCode
      ? {
          line: optional(v.addressLine),
          locality: optional(v.locality),
          postalCode: optional(v.postalCode),
        }
      : null;
  return {
    ok: true,
    contentHash: hash,
    record: {
      sourceId: v.sourceId,
      givenName: v.givenName,
      familyName: v.familyName,
      aliases: v.aliases,
      birthDate: v.birthDate,
      aNumber: v.aNumber,
      sex: v.sex,
      citizenship: [...new Set(v.citizenship)],
      languages: [...new Set(v.languages)],
      address,
    },
  };
}
