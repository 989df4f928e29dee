/**
 * Translations of the notices that a person must understand (I-826, the
 * notice parts of the I-862, the I-247A notice to the detainee). Each
 * language is a reviewable JSON file in ./i18n; English is the source.
 * A language or a string that is missing renders in English and says so in
 * the warnings: never a silent fallback.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface Catalog {
  meta: { lang: string; name: string; status: string };
  strings: Record<string, string>;
}
export type Catalogs = Readonly<Record<string, Catalog>>;

export interface RenderWarning {
  code: "translation_missing" | "person_language_unknown" | "glyph_missing";
  message: string;
  lang?: string;
  keys?: string[];
  characters?: string[];
}

const i18nDir = fileURLToPath(new URL("./i18n/", import.meta.url));

function loadShippedCatalogs(): Catalogs {
  const out: Record<string, Catalog> = {};
  for (const file of readdirSync(i18nDir).sort()) {
    if (!file.endsWith(".json")) continue;
    const catalog = JSON.parse(readFileSync(i18nDir + file, "utf8")) as Catalog;
    out[catalog.meta.lang] = catalog;
  }
  return out;
}

export const shippedCatalogs: Catalogs = loadShippedCatalogs();
export const shippedLanguages: readonly string[] = Object.keys(shippedCatalogs);

/** Fills {name} placeholders; an unknown placeholder is a bug in a translation file. */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`translation placeholder {${name}} has no value`);
    return value;
  });
}

/** The language's own name ("Español"), or the English name when not shipped. */
export function languageName(lang: string, catalogs: Catalogs = shippedCatalogs): string {
  const own = catalogs[lang]?.meta.name;
  if (own) return own;
  return new Intl.DisplayNames(["en"], { type: "language" }).of(lang) ?? lang;
}

export interface Resolved {
  /** The language the text is actually in, per key; "en" where it fell back. */
  text: Record<string, string>;
  /** Keys rendered in English although another language was asked for. */
  fellBack: string[];
  warnings: RenderWarning[];
}

const RTL = new Set(["ar", "fa", "he", "ps", "ur"]);

function isolated(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, `\u2068${v}\u2069`]));
}

/** Resolves keys in `lang`, falling back to English with a warning for each gap. */
export function resolveStrings(
  keys: readonly string[],
  lang: string,
  values: Readonly<Record<string, string>> = {},
  catalogs: Catalogs = shippedCatalogs,
): Resolved {
  const english = catalogs.en;
  if (!english) throw new Error("the English catalog is missing");
  const wanted = catalogs[lang];
  const text: Record<string, string> = {};
  const fellBack: string[] = [];
  for (const key of keys) {
    const source = english.strings[key];
    if (source === undefined) throw new Error(`unknown translation key ${key}`);
    const translated = lang === "en" ? source : wanted?.strings[key];
    if (translated === undefined) fellBack.push(key);
    // In a right-to-left notice, an address or a time is isolated so bidi does not reorder its parts.
    const isolate = translated !== undefined && RTL.has(lang);
    text[key] = interpolate(translated ?? source, isolate ? isolated(values) : values);
  }
  const warnings: RenderWarning[] = [];
  if (fellBack.length > 0) {
    warnings.push({
      code: "translation_missing",
      lang,
      keys: fellBack,
      message: wanted
        ? `${fellBack.length} string(s) have no ${lang} translation and were rendered in English`
        : `no ${lang} translation is shipped; the notice was rendered in English`,
    });
  }
  return { text, fellBack, warnings };
}
