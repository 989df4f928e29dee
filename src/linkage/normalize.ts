/**
 * Normalisation of raw field values into the forms the comparisons use. Every function returns
 * "" for a missing or unusable value. Non-Latin scripts and accents are transliterated to ASCII
 * (any-ascii), so "Łukasz" and "Lukasz", "Сергей" and "Sergey" meet.
 */
import anyAscii from "any-ascii";

const NON_ALNUM = /[^a-z0-9]+/g;
const NON_LETTER = /[^a-z]+/g;

function ascii(value: string): string {
  // any-ascii is slow relative to the rest; most values are already ASCII.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  return /^[\x00-\x7f]*$/.test(value) ? value : anyAscii(value);
}

/** Lowercase ASCII letters, one space between words; apostrophes and hyphens join or split words. */
export function normalizeName(raw: string | undefined): string {
  if (!raw) return "";
  return ascii(raw).toLowerCase().replace(/['`]/g, "").replace(NON_LETTER, " ").trim();
}

/** A name with its spaces removed, so "van der berg" and "vanderberg" are equal. */
export function compactName(name: string): string {
  return name.replace(/ /g, "");
}

const STREET_WORDS: Record<string, string> = {
  st: "street",
  str: "street",
  rd: "road",
  ave: "avenue",
  av: "avenue",
  pl: "place",
  cres: "crescent",
  dr: "drive",
  ln: "lane",
  ct: "court",
  hwy: "highway",
  blvd: "boulevard",
  cct: "circuit",
  apt: "apartment",
};

/** Address words, lowercase ASCII, common street abbreviations expanded. */
export function addressTokens(raw: string | undefined): string[] {
  if (!raw) return [];
  return ascii(raw)
    .toLowerCase()
    .replace(NON_ALNUM, " ")
    .trim()
    .split(" ")
    .filter((t) => t.length > 0)
    .map((t) => STREET_WORDS[t] ?? t);
}

/** Free text like a locality or nationality: lowercase ASCII words. */
export function normalizeText(raw: string | undefined): string {
  if (!raw) return "";
  return ascii(raw).toLowerCase().replace(NON_ALNUM, " ").trim();
}

/** Codes (postal code): uppercase letters and digits only. */
export function normalizeCode(raw: string | undefined): string {
  if (!raw) return "";
  return ascii(raw)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "");
}

/** A-numbers are written A012345678, 012-345-678, 12345678: keep the digits without leading zeros. */
export function normalizeANumber(raw: string | undefined): string {
  if (!raw) return "";
  const code = normalizeCode(raw).replace(/^A/, "");
  return code.replace(/^0+(?=.)/, "");
}

/**
 * A birth date as YYYYMMDD. Accepts YYYYMMDD with 00 for an unknown month or day (kept: the
 * year still counts) and a bare YYYY (month and day become 00). Anything else is missing.
 */
export function normalizeBirthDate(raw: string | undefined): string {
  if (!raw) return "";
  const digits = raw.replace(/[^0-9]/g, "");
  if (digits.length === 4) return `${digits}0000`;
  if (digits.length !== 8) return "";
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (month > 12 || day > 31) return "";
  return digits;
}
