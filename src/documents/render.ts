/**
 * renderDocument: context -> (data, PDF). renderFromData: stored data -> the
 * same PDF bytes. The data is the exact text printed (translations
 * included), so a stored record re-renders identically as long as its
 * template version and the font set are unchanged.
 */
import { existsSync } from "node:fs";
import { canonicalJson, sha256 } from "./canonical.js";
import { type DocumentContext, documentContextSchema } from "./context.js";
import { compileTemplate, templatesDir } from "./engine.js";
import { DocumentIncompleteError, DocumentRefusedError, type LawViolation } from "./errors.js";
import { uncoveredCharacters } from "./fonts.js";
import { formSpecs, isFormId } from "./forms/index.js";
import { type DocumentData, type FormId, type FormSpec, frame as frameOf, Need } from "./forms/shared.js";
import { type RenderWarning, resolveStrings } from "./i18n.js";
import { checkConf01 } from "./law.js";

/** The template version new documents are rendered with. */
export const currentTemplateVersion = "v1";

export interface RenderRequest {
  form: FormId;
  context: DocumentContext;
  /** Language of the notice parts; defaults to the person's first language. */
  lang?: string;
}

export interface RenderedDocument {
  form: FormId;
  pdf: Uint8Array;
  sha256: string;
  /** The exact field values printed; store it to re-render with renderFromData. */
  data: DocumentData;
  dataHash: string;
  templateVersion: string;
  lang: string;
  warnings: RenderWarning[];
}

export function templateFile(form: FormId, version: string): string {
  return `${form.toLowerCase()}.${version}.typ`;
}

function specOf(form: string): FormSpec {
  if (!isFormId(form)) throw new Error(`unknown form ${form}`);
  return formSpecs[form];
}

function chooseLang(
  spec: FormSpec,
  ctx: DocumentContext,
  asked: string | undefined,
  warnings: RenderWarning[],
) {
  if (spec.translatedKeys.length === 0) return "en";
  if (asked) return asked;
  const first = ctx.person.languages?.[0];
  if (first) return first;
  warnings.push({
    code: "person_language_unknown",
    message: "no language is recorded for the person; the notice was rendered in English (NTA-06)",
  });
  return "en";
}

/** Law checks on the data: the form's own, and CONF-01 for anything bound for a foreign government. */
function violationsOf(spec: FormSpec, data: DocumentData): LawViolation[] {
  const own = spec.check?.(data) ?? [];
  const conf = spec.audience === "foreign_government" ? checkConf01(data) : [];
  return [...own, ...conf];
}

export function renderDocument(request: RenderRequest): RenderedDocument {
  const ctx = documentContextSchema.parse(request.context);
  const spec = specOf(request.form);
  const warnings: RenderWarning[] = [];
  const lang = chooseLang(spec, ctx, request.lang, warnings);
  const need = new Need();
  const frame = frameOf(spec, ctx, lang, need);
  const { textValues, ...fields } = spec.fields(ctx, need, lang) as Record<string, unknown> & {
    textValues?: Record<string, string>;
  };
  const resolved = resolveStrings(spec.translatedKeys, lang, textValues ?? {});
  warnings.push(...resolved.warnings);
  const data = {
    ...frame,
    ...fields,
    text: resolved.text,
    // Typeset right-to-left only when the notice really is in that language.
    textLang: resolved.fellBack.length > 0 ? "en" : lang,
  } as unknown as DocumentData;
  const violations = violationsOf(spec, data);
  if (violations.length > 0) throw new DocumentRefusedError(spec.id, violations, need.missing);
  if (need.missing.length > 0) throw new DocumentIncompleteError(spec.id, need.missing);
  const missingGlyphs = uncoveredCharacters(canonicalJson(data));
  if (missingGlyphs.length > 0) {
    warnings.push({
      code: "glyph_missing",
      characters: missingGlyphs,
      message: `no immos font can print ${missingGlyphs.join(" ")}; those characters print as empty boxes`,
    });
  }
  return produce(spec, currentTemplateVersion, data, lang, warnings);
}

/** Re-renders stored data; the bytes equal those of the original rendering. */
export function renderFromData(form: FormId, templateVersion: string, data: DocumentData, lang: string) {
  const spec = specOf(form);
  if (data.form !== form) throw new Error(`data is for ${String(data.form)}, not ${form}`);
  if (data.lang !== lang) throw new Error(`data was rendered in ${String(data.lang)}, not ${lang}`);
  if (!existsSync(templatesDir + templateFile(spec.id, templateVersion))) {
    throw new Error(`no template ${templateVersion} for ${form}`);
  }
  const violations = violationsOf(spec, data);
  if (violations.length > 0) throw new DocumentRefusedError(spec.id, violations);
  return produce(spec, templateVersion, data, lang, []);
}

function produce(
  spec: FormSpec,
  templateVersion: string,
  data: DocumentData,
  lang: string,
  warnings: RenderWarning[],
): RenderedDocument {
  const pdf = compileTemplate(templateFile(spec.id, templateVersion), templateVersion, data);
  return {
    form: spec.id,
    pdf,
    sha256: sha256(pdf),
    data,
    dataHash: sha256(canonicalJson(data)),
    templateVersion,
    lang,
    warnings,
  };
}
