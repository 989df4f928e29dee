/**
 * Request to a consulate for a travel document. Addressed to a foreign
 * government, so it carries identity data only (CONF-01 template
 * redaction): the case kind, the events, the court and anything else that
 * could reveal or imply a protection claim are never read here.
 */
import {
  countryList,
  type FormSpec,
  formatName,
  formatPartialDate,
  formatPlace,
  formatSex,
  latestOf,
  NONE,
} from "./shared.js";

export const travelDocRequest: FormSpec = {
  id: "TRAVEL-DOC-REQUEST",
  title: "Request for a Travel Document",
  subtitle: "Identity particulars for the issuance of a travel document",
  audience: "foreign_government",
  translatedKeys: [],
  fields(ctx, need) {
    const p = ctx.person;
    const country =
      ctx.details?.travelDocument?.country ?? latestOf(ctx.events, "travel_document.requested")?.country;
    need.value("travelDocument.country", country);
    const consulate = need.value(
      "travelDocument.consulate",
      formatPlace(ctx.details?.travelDocument?.consulate),
    );
    need.value("person.birthDate", p.birthDate);
    need.value("person.citizenship", p.citizenship);
    return {
      person: {
        name: formatName(p.names),
        aliases: p.aliases?.join("; ") || NONE,
        birthDate: formatPartialDate(p.birthDate) ?? "",
        birthCountry: p.birthCountry ? (countryList([p.birthCountry]) ?? NONE) : NONE,
        citizenship: countryList(p.citizenship) ?? "",
        sex: formatSex(p.sex) ?? NONE,
        aNumber: p.aNumber ?? NONE,
      },
      country: country ? (countryList([country]) ?? "") : "",
      consulate: consulate ?? "",
      remarks: ctx.details?.travelDocument?.remarks ?? NONE,
    };
  },
};
