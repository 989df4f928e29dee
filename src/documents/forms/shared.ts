/**
 * What every form function shares: the collector of missing fields, the
 * identity block, and the formatting of names, addresses, countries and
 * dates. Formatting happens here, in TypeScript, so that the stored data
 * holds exactly the text printed and re-renders to the same bytes.
 */
import type { CaseEvent, EventOf, EventType } from "../../domain/events.js";
import type { Address, DocumentContext } from "../context.js";
import type { LawViolation } from "../errors.js";
import type { RenderWarning } from "../i18n.js";

export type FormId =
  | "I-862"
  | "I-200"
  | "I-205"
  | "I-213"
  | "I-286"
  | "I-247A"
  | "I-826"
  | "I-296"
  | "I-220A"
  | "I-220B"
  | "EOIR-33"
  | "I-246"
  | "TRAVEL-DOC-REQUEST";

/** Who receives the document; CONF-01 forbids protected content for a foreign government. */
export type Audience = "person_and_court" | "person" | "internal" | "law_enforcement" | "foreign_government";

export type DocumentData = Record<string, unknown> & {
  form: FormId;
  lang: string;
  issuedOn: string;
};

export interface FormSpec {
  id: FormId;
  title: string;
  subtitle: string;
  audience: Audience;
  /** Translation keys printed in the person's language; empty for English-only forms. */
  translatedKeys: readonly string[];
  /** Computes exactly the form's fields; records every missing one on `need`. */
  fields(ctx: DocumentContext, need: Need, lang: string): Record<string, unknown>;
  /** Document-level law checks on the computed data (pure). */
  check?(data: DocumentData): LawViolation[];
}

export const NONE = "None recorded";

/** Collects missing fields; `need.value` returns the value so form code stays linear. */
export class Need {
  readonly missing: string[] = [];
  value<T>(path: string, value: T | undefined | null): T {
    if (isBlank(value)) this.missing.push(path);
    return value as T;
  }
  /** Records `path` as missing when `ok` is false. */
  that(path: string, ok: boolean): void {
    if (!ok) this.missing.push(path);
  }
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function formatName(names: DocumentContext["person"]["names"]): string {
  const given = [names.given, names.middle].filter((p) => p && p.trim() !== "").join(" ");
  return given ? `${names.family.toUpperCase()}, ${given}` : names.family.toUpperCase();
}

export function formatAddress(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  const cityLine = [address.city, [address.state, address.postalCode].filter(Boolean).join(" ")]
    .filter((p) => p && p !== "")
    .join(", ");
  const parts = [
    address.line1,
    address.line2,
    cityLine,
    address.country ? countryName(address.country) : undefined,
  ];
  return parts.filter((p) => p && p !== "").join(", ");
}

export function formatPlace(place: { name: string; address: Address } | undefined): string | undefined {
  return place ? `${place.name}, ${formatAddress(place.address)}` : undefined;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

export function countryList(codes: readonly string[] | undefined): string | undefined {
  return codes && codes.length > 0 ? codes.map(countryName).join("; ") : undefined;
}

/** A birth date may be partial (YYYY or YYYY-MM); say so rather than invent a day. */
export function formatPartialDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}$/.test(date)) return `${date} (month and day unknown)`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date} (day unknown)`;
  return date;
}

const sexNames = { F: "Female", M: "Male", X: "Another sex (X)" } as const;
export function formatSex(sex: "F" | "M" | "X" | undefined): string | undefined {
  return sex ? sexNames[sex] : undefined;
}

/** Events of a type, oldest first (stable for equal dates: recording order). */
export function eventsOf<T extends EventType>(events: readonly CaseEvent[], type: T): EventOf<T>[] {
  return events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.type === type)
    .sort((a, b) => (a.e.on === b.e.on ? a.i - b.i : a.e.on < b.e.on ? -1 : 1))
    .map(({ e }) => e as EventOf<T>);
}

export function latestOf<T extends EventType>(events: readonly CaseEvent[], type: T): EventOf<T> | undefined {
  const all = eventsOf(events, type);
  return all[all.length - 1];
}

export function stamp(e: { on: string; at?: string }): string {
  return e.at ? `${e.on} ${e.at}` : e.on;
}

/** The fields shared by every document's frame. */
export function frame(
  spec: FormSpec,
  ctx: DocumentContext,
  lang: string,
  need: Need,
): Record<string, unknown> {
  return {
    form: spec.id,
    title: spec.title,
    subtitle: spec.subtitle,
    confidentiality: confidentialityOf(spec.audience),
    office: need.value("office", formatPlace(ctx.case.office)),
    caseId: ctx.case.id,
    issuedOn: ctx.issuedOn,
    lang,
    officer: {
      name: need.value("officer.name", ctx.officer.name),
      title: need.value("officer.title", ctx.officer.title),
    },
  };
}

function confidentialityOf(audience: Audience): string {
  switch (audience) {
    case "foreign_government":
      return "identity data only (CONF-01 template redaction); for the receiving government";
    case "law_enforcement":
      return "law-enforcement sensitive; personal data";
    case "internal":
      return "internal record; personal data; protected fields may appear (8 CFR 208.6, 8 U.S.C. 1367)";
    case "person":
      return "for the person named; personal data";
    case "person_and_court":
      return "for the person named and the immigration court; personal data";
  }
}

/** The person's identity block; `required` names the fields this form cannot do without. */
export function identity(
  ctx: DocumentContext,
  need: Need,
  required: ReadonlyArray<"aNumber" | "birthDate" | "citizenship" | "sex" | "address" | "birthCountry">,
): Record<string, string> {
  const p = ctx.person;
  const values: Record<string, string | undefined> = {
    name: formatName(p.names),
    aliases: p.aliases && p.aliases.length > 0 ? p.aliases.join("; ") : undefined,
    aNumber: p.aNumber,
    birthDate: formatPartialDate(p.birthDate),
    birthCountry: p.birthCountry ? countryName(p.birthCountry) : undefined,
    citizenship: countryList(p.citizenship),
    sex: formatSex(p.sex),
    address: formatAddress(p.address),
    phone: p.phone,
  };
  need.that("person.names", p.names.family.trim() !== "");
  for (const key of required) need.value(`person.${key}`, values[key]);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) out[key] = value ?? NONE;
  return out;
}

export type { LawViolation, RenderWarning };

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
export function englishLanguageName(code: string | undefined): string | undefined {
  return code ? (languageNames.of(code) ?? code) : undefined;
}
