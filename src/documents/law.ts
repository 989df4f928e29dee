/**
 * Document-level law checks: pure functions of the data a document would
 * print. They complement (and do not replace) the law engine's rule files;
 * the rule ids and citations are those of docs/law/RULES.md.
 */
import type { LawViolation } from "./errors.js";

/** Placeholders that are not a date, a time or a place (NTA-01: "TBD" is rejected). */
const PLACEHOLDER =
  /^(tbd|tba|to be (set|determined|announced|scheduled)|unknown|n\/?a|none|pending|-+|\?+)$/i;

export function isPlaceholder(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "" || PLACEHOLDER.test(value.trim());
}

export interface HearingData {
  date?: string;
  time?: string;
  place?: string;
}

/** NTA-01: a notice to appear must state the date, time and place of the hearing. */
export function checkNta01(hearing: HearingData | undefined): LawViolation[] {
  const gaps: string[] = [];
  if (isPlaceholder(hearing?.date) || !/^\d{4}-\d{2}-\d{2}$/.test(hearing?.date ?? "")) gaps.push("date");
  if (isPlaceholder(hearing?.time) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(hearing?.time ?? ""))
    gaps.push("time");
  if (isPlaceholder(hearing?.place)) gaps.push("place");
  if (gaps.length === 0) return [];
  return [
    {
      rule: "NTA-01",
      citation:
        "INA 239(a)(1)(G); Pereira v. Sessions, 585 U.S. 198 (2018); Niz-Chavez v. Garland, 593 U.S. 155 (2021)",
      message: `a notice to appear must state the ${gaps.join(", ")} of the hearing`,
    },
  ];
}

export interface WarrantData {
  form?: string;
  signedBy?: string;
  signedOn?: string;
}

/** ARR-04: every detainer is accompanied by a signed I-200 or I-205. */
export function checkArr04(warrant: WarrantData | undefined): LawViolation[] {
  const form = warrant?.form?.toUpperCase();
  const ok =
    (form === "I-200" || form === "I-205") && !isPlaceholder(warrant?.signedBy) && !!warrant?.signedOn;
  if (ok) return [];
  return [
    {
      rule: "ARR-04",
      citation: "ICE Policy 10074.2; 8 CFR 287.7",
      message: "a detainer must be accompanied by a signed I-200 or I-205",
    },
  ];
}

/**
 * Words that reveal, or let a reader infer, a protection claim (8 CFR 208.6):
 * the claim itself, its forms and its findings, in the languages immos ships.
 */
const PROTECTED_TERMS = [
  /asyl/i, // asylum, asylee, asilo, asile
  /refug/i, // refugee, refugiado, réfugié
  /\bfears?\b|\bfeared\b|\bmiedo\b|\btemor\b|\bcrainte\b/i,
  /persecu/i,
  /tortur/i,
  /withhold/i,
  /\bCAT\b/,
  /credible|reasonable[- ]fear/i,
  /\bI-?589\b|\bI-?870\b|\bI-?863\b/i,
  /\b1?208\.(6|16|17|18|30|31)\b/,
  /\b241\(b\)\(3\)/,
  /protection (claim|grant|application)/i,
  /لجوء|اضطهاد|تعذيب/,
  /庇护|迫害|酷刑/,
  /убежищ|преследован|пытк/i,
  /tị nạn|ngược đãi|tra tấn/i,
  /\bazil|refijye|pèsekisyon|pèsekite|tòti|\bkrent\b/i, // Haitian Creole
];

/** Every string in `value`, with its path. */
function* strings(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/** CONF-01: nothing that reveals a protection claim goes to a foreign government. */
export function checkConf01(data: unknown): LawViolation[] {
  const hits: string[] = [];
  for (const [path, text] of strings(data)) {
    if (PROTECTED_TERMS.some((term) => term.test(text))) hits.push(path);
  }
  if (hits.length === 0) return [];
  return [
    {
      rule: "CONF-01",
      citation: "8 CFR 208.6, 1208.6",
      message: `content addressed to a foreign government would reveal or imply a protection claim (fields: ${hits.join(", ")})`,
    },
  ];
}
