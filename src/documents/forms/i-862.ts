/** I-862 Notice to Appear: the charging document of INA 240 proceedings (RULES.md §2, NTA-01..08). */
import type { DocumentContext } from "../context.js";
import { languageName, resolveStrings } from "../i18n.js";
import { checkNta01, type HearingData } from "../law.js";
import {
  countryList,
  eventsOf,
  type FormSpec,
  formatPlace,
  identity,
  latestOf,
  type Need,
  NONE,
} from "./shared.js";

export const ntaNoticeKeys = [
  "nta.notice.title",
  "nta.notice.ordered",
  "nta.notice.warning",
  "nta.notice.carry",
  "nta.notice.counsel",
  "nta.notice.conduct",
  "nta.notice.failure",
  "nta.notice.address",
  "nta.notice.surrender",
  "nta.prompt.title",
  "nta.prompt.body",
  "nta.service.oral",
  "label.signature",
  "label.date",
] as const;

const classifications = {
  arriving: "You are an arriving alien.",
  present_without_admission:
    "You are an alien present in the United States who has not been admitted or paroled.",
  admitted_removable:
    "You have been admitted to the United States, but are removable for the reasons stated below.",
} as const;

/** Where an arrest or encounter took place that requires the 8 U.S.C. 1229(e) statement (CONF-05). */
const protectedLocations = new Set(["shelter", "courthouse", "family_court"]);

function classificationOf(ctx: DocumentContext): keyof typeof classifications | undefined {
  const explicit = ctx.details?.nta?.classification;
  if (explicit) return explicit;
  if (eventsOf(ctx.events, "encounter").some((e) => e.location === "port_of_entry")) return "arriving";
  const entry = latestOf(ctx.events, "entry");
  if (entry?.manner === "ewi") return "present_without_admission";
  if (entry?.manner === "admitted") return "admitted_removable";
  if (entry?.manner === "parole") return "arriving";
  return undefined;
}

const entryManner = {
  ewi: "without being admitted or paroled after inspection by an immigration officer",
  admitted: "and were admitted",
  parole: "and were paroled",
} as const;

function allegations(ctx: DocumentContext): string[] {
  const out = ["You are not a citizen or national of the United States."];
  const citizenship = countryList(ctx.person.citizenship);
  if (citizenship)
    out.push(
      `You are a native of ${ctx.person.birthCountry ? countryList([ctx.person.birthCountry]) : citizenship} and a citizen of ${citizenship}.`,
    );
  const entry = latestOf(ctx.events, "entry");
  if (entry) {
    const place = ctx.details?.nta?.entryPlace;
    const at = place ? ` at or near ${place}` : "";
    const cls = entry.class ? ` as a ${entry.class}` : "";
    out.push(
      `You entered the United States${at} on or about ${entry.on} ${entryManner[entry.manner]}${cls}.`,
    );
  }
  for (const c of eventsOf(ctx.events, "conviction")) {
    out.push(`On ${c.on} you were convicted of an offence in the category: ${c.category}.`);
  }
  return [...out, ...(ctx.details?.nta?.allegations ?? [])];
}

function hearingOf(ctx: DocumentContext): HearingData {
  const scheduled = ctx.details?.nta?.hearing;
  if (scheduled) return scheduled;
  const served = latestOf(ctx.events, "nta.served");
  return served?.hearing ?? {};
}

export const i862: FormSpec = {
  id: "I-862",
  title: "Notice to Appear",
  subtitle: "In removal proceedings under section 240 of the Immigration and Nationality Act",
  audience: "person_and_court",
  translatedKeys: ntaNoticeKeys,
  fields(ctx, need: Need, lang) {
    const person = identity(ctx, need, ["aNumber", "birthDate", "citizenship", "address"]);
    const classification = need.value("classification", classificationOf(ctx));
    const charges = need.value("charges", ctx.details?.nta?.charges);
    const hearing = hearingOf(ctx);
    need.value("hearing.date", hearing.date);
    need.value("hearing.time", hearing.time);
    need.value("hearing.place", hearing.place);
    const served = latestOf(ctx.events, "nta.served");
    const credibleFear = eventsOf(ctx.events, "fear.screened").some(
      (e) => e.kind === "credible" && e.result === "positive",
    );
    const locations = [...eventsOf(ctx.events, "arrest"), ...eventsOf(ctx.events, "encounter")].map(
      (e) => e.location,
    );
    const language = languageName(lang);
    const values = {
      place: hearing.place ?? "",
      date: hearing.date ?? "",
      time: hearing.time ?? "",
      language,
    };
    const english = resolveStrings(["nta.notice.ordered"], "en", values);
    return {
      person,
      classification: classification ? classifications[classification] : NONE,
      classificationKey: classification ?? null,
      allegations: allegations(ctx),
      charges: charges ?? [],
      hearing: { date: hearing.date ?? "", time: hearing.time ?? "", place: hearing.place ?? "" },
      court: formatPlace(ctx.case.court) ?? NONE,
      orderedEnglish: english.text["nta.notice.ordered"],
      afterCredibleFear: credibleFear,
      section1229e: locations.some((l) => protectedLocations.has(l)),
      counsel: ctx.counsel
        ? `${ctx.counsel.name}${ctx.counsel.eoirId ? ` (EOIR ID ${ctx.counsel.eoirId})` : ""}`
        : NONE,
      service: served
        ? { on: served.on, method: served.method, servedTo: served.servedTo }
        : { on: "", method: "", servedTo: "" },
      oralLanguage: language,
      textValues: values,
    };
  },
  check(data) {
    return checkNta01(data.hearing as HearingData);
  },
};
