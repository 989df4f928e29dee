/** I-200 Warrant for Arrest of Alien (8 CFR 236.1(b), 287.5(e); ARR-01). */
import { eventsOf, type FormSpec, formatPlace, identity, latestOf, NONE } from "./shared.js";

const bases = {
  charging_document:
    "the execution of a charging document to initiate removal proceedings against the subject",
  proceedings_pending: "the pendency of ongoing removal proceedings against the subject",
  biometric_match:
    "biometric confirmation of the subject's identity and records indicating no lawful status or removability",
  statements:
    "statements made voluntarily by the subject, or other reliable evidence, indicating removability",
} as const;

export const i200: FormSpec = {
  id: "I-200",
  title: "Warrant for Arrest of Alien",
  subtitle: "Administrative warrant under section 236 of the Act and 8 CFR 236.1(b)",
  audience: "law_enforcement",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber"]);
    const chosen = ctx.details?.i200?.basis ?? derivedBasis(ctx);
    // ARR-01: the probable-cause basis is required; a warrant without one is a blank warrant.
    need.value("probableCause", chosen);
    const arrest = eventsOf(ctx.events, "arrest").find((e) => e.basis === "i200" && e.on >= ctx.issuedOn);
    return {
      person,
      probableCause: Object.entries(bases).map(([key, text]) => ({
        text,
        checked: chosen.includes(key as keyof typeof bases),
      })),
      office: formatPlace(ctx.case.office) ?? NONE,
      service: arrest
        ? { on: arrest.on, at: arrest.at ?? "", place: arrest.location }
        : { on: "", at: "", place: "" },
    };
  },
};

function derivedBasis(ctx: Parameters<FormSpec["fields"]>[0]): (keyof typeof bases)[] {
  const out: (keyof typeof bases)[] = [];
  if (latestOf(ctx.events, "nta.served")) out.push("charging_document", "proceedings_pending");
  return out;
}
