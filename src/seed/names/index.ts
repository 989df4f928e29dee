/**
 * Countries of origin for the demo caseload, with their names' pools and
 * languages, and the one function that names a person. A person from a
 * country written in another script gets a Latin primary name (as it appears
 * on U.S. documents), the native-script name as a "native" alias, and a
 * second transliteration, because that is how the same person shows up
 * under different spellings across records.
 */
import type { PersonInput } from "../../app/schemas.js";
import type { Rng } from "../prng.js";
import { arabic, type ScriptPool } from "./arabic.js";
import { chinese, hindi, nepali } from "./asian.js";
import { russian, ukrainian } from "./cyrillic.js";
import {
  brazilian,
  guatemalan,
  haitian,
  jamaican,
  type LatinPool,
  nigerian,
  romanian,
  senegalese,
  spanish,
  vietnamese,
} from "./latin.js";

export type NameVariant = PersonInput["aliases"][number];

export interface Country {
  code: string;
  /** Relative share of the caseload. */
  weight: number;
  languages: readonly string[];
  /** A further language some people from this country speak, and how many. */
  extra?: readonly [language: string, share: number];
  pool: LatinPool | ScriptPool;
  /** Nationals hold Temporary Protected Status in the demo (a designated country). */
  tps?: boolean;
}

export const countries: readonly Country[] = [
  { code: "MX", weight: 22, languages: ["es"], pool: spanish },
  { code: "GT", weight: 13, languages: ["es"], pool: guatemalan },
  { code: "HN", weight: 11, languages: ["es"], pool: spanish, tps: true },
  { code: "SV", weight: 7, languages: ["es"], pool: spanish, tps: true },
  { code: "CO", weight: 5, languages: ["es"], pool: spanish },
  { code: "VE", weight: 5, languages: ["es"], pool: spanish, tps: true },
  { code: "EC", weight: 3, languages: ["es"], pool: spanish },
  { code: "CU", weight: 3, languages: ["es"], pool: spanish },
  { code: "NI", weight: 2, languages: ["es"], pool: spanish, tps: true },
  { code: "BR", weight: 4, languages: ["pt"], pool: brazilian },
  { code: "HT", weight: 5, languages: ["ht"], extra: ["fr", 0.4], pool: haitian, tps: true },
  { code: "VN", weight: 1.5, languages: ["vi"], pool: vietnamese },
  { code: "RO", weight: 1.5, languages: ["ro"], pool: romanian },
  { code: "SN", weight: 1, languages: ["fr", "wo"], pool: senegalese },
  { code: "NG", weight: 1, languages: ["en"], extra: ["yo", 0.4], pool: nigerian },
  { code: "JM", weight: 1, languages: ["en"], pool: jamaican },
  { code: "SY", weight: 1.5, languages: ["ar"], extra: ["ku", 0.15], pool: arabic, tps: true },
  { code: "EG", weight: 1, languages: ["ar"], pool: arabic },
  { code: "IQ", weight: 1, languages: ["ar"], extra: ["ku", 0.25], pool: arabic },
  { code: "SD", weight: 1, languages: ["ar"], pool: arabic, tps: true },
  { code: "YE", weight: 0.5, languages: ["ar"], pool: arabic, tps: true },
  { code: "RU", weight: 1.5, languages: ["ru"], pool: russian },
  { code: "UA", weight: 1.5, languages: ["uk"], extra: ["ru", 0.5], pool: ukrainian, tps: true },
  { code: "CN", weight: 3, languages: ["zh"], pool: chinese },
  { code: "IN", weight: 3.5, languages: ["hi"], extra: ["en", 0.4], pool: hindi },
  { code: "NP", weight: 1, languages: ["ne"], pool: nepali, tps: true },
];

export const countryByCode = new Map(countries.map((c) => [c.code, c]));
const weightedCountries = countries.map((c) => [c, c.weight] as const);

export function pickCountry(rng: Rng): Country {
  return rng.weighted(weightedCountries);
}

const nonAscii = /[^\x20-\x7e]/;

/** "Núñez" -> "Nunez", "Đặng" -> "Dang": how an accent-less form or keyboard spells it. */
export function stripDiacritics(s: string): string {
  if (!nonAscii.test(s)) return s;
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/Đ/g, "D")
    .replace(/đ/g, "d");
}

function isScriptPool(pool: LatinPool | ScriptPool): pool is ScriptPool {
  return "script" in pool;
}

export interface PersonName {
  givenName: string;
  familyName: string;
  aliases: NameVariant[];
}

function latinName(rng: Rng, pool: LatinPool, sex: "F" | "M", accentedFamily: boolean): PersonName {
  const givenName = rng.pick(sex === "F" ? pool.female : pool.male);
  const families = accentedFamily ? pool.family.filter((f) => nonAscii.test(f)) : pool.family;
  const first = rng.pick(families.length ? families : pool.family);
  let familyName = first;
  if (pool.doubleFamily && rng.chance(pool.doubleFamily)) {
    const second = rng.pick(pool.family);
    if (second !== first) familyName = `${first} ${second}`;
  }
  const aliases: NameVariant[] = [];
  if (familyName !== first && rng.chance(0.4))
    aliases.push({ given: givenName, family: first, script: "Latn", kind: "alias" });
  const plain = { given: stripDiacritics(givenName), family: stripDiacritics(familyName) };
  if ((plain.given !== givenName || plain.family !== familyName) && rng.chance(0.5)) {
    aliases.push({ ...plain, script: "Latn", kind: "alias" });
  }
  return { givenName, familyName, aliases };
}

function scriptName(rng: Rng, pool: ScriptPool, sex: "F" | "M"): PersonName {
  const given = rng.pick(sex === "F" ? pool.female : pool.male);
  const f = rng.pick(pool.family);
  const family = sex === "F" && f.length === 6 ? [f[3], f[4], f[5]] : [f[0], f[1], f[2]];
  const aliases: NameVariant[] = [
    { given: given[2], family: family[2], script: pool.script, kind: "native" },
  ];
  if (given[1] !== given[0] || family[1] !== family[0]) {
    aliases.push({ given: given[1], family: family[1], script: "Latn", kind: "transliteration" });
  }
  return { givenName: given[0], familyName: family[0], aliases };
}

/** A person's names. `accentedFamily` asks for a family name with diacritics (Latin pools only). */
export function personName(rng: Rng, country: Country, sex: "F" | "M", accentedFamily = false): PersonName {
  return isScriptPool(country.pool)
    ? scriptName(rng, country.pool, sex)
    : latinName(rng, country.pool, sex, accentedFamily);
}

export function languagesFor(rng: Rng, country: Country): string[] {
  const out = [...country.languages];
  if (country.extra && rng.chance(country.extra[1])) out.push(country.extra[0]);
  if (!out.includes("en") && rng.chance(0.15)) out.push("en");
  return out;
}
