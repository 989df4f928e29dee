/** I-213 Record of Deportable/Inadmissible Alien: the officer's record of an encounter. */
import { countryList, eventsOf, type FormSpec, identity, latestOf, NONE, stamp } from "./shared.js";

const words = (s: string) => s.replaceAll("_", " ");

export const i213: FormSpec = {
  id: "I-213",
  title: "Record of Deportable/Inadmissible Alien",
  subtitle: "Record of an encounter, prepared by the processing officer",
  audience: "internal",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["birthDate", "citizenship", "sex"]);
    const entry = latestOf(ctx.events, "entry");
    const arrest = latestOf(ctx.events, "arrest");
    const encounter = latestOf(ctx.events, "encounter");
    const apprehension = need.value("apprehension", arrest ?? encounter);
    const d = ctx.details?.i213;
    const narrative = need.value("narrative", d?.narrative);
    const disposition = need.value("disposition", d?.disposition);
    const claims = eventsOf(ctx.events, "citizenship.claimed");
    const fear = eventsOf(ctx.events, "fear.inquired");
    const interpreter = latestOf(ctx.events, "interpreter.recorded");
    return {
      person,
      languages: ctx.person.languages?.join(", ") || NONE,
      occupation: d?.occupation ?? NONE,
      entry: entry ? `${entry.on}, ${words(entry.manner)}${entry.class ? ` (${entry.class})` : ""}` : NONE,
      apprehension: apprehension
        ? {
            when: stamp(apprehension),
            location: words(apprehension.location),
            method: arrest
              ? `arrest, ${arrest.basis === "warrantless" ? "without warrant" : `on ${arrest.basis.toUpperCase().replace("I", "I-")}`}`
              : "encounter",
            source: encounter?.source ? words(encounter.source) : NONE,
          }
        : { when: "", location: "", method: "", source: "" },
      warrantless:
        arrest?.basis === "warrantless"
          ? {
              reasonToBelieve: String(arrest.reasonToBelieve ?? NONE),
              likelyToEscape: arrest.likelyToEscapeFacts ?? NONE,
            }
          : null,
      citizenshipInquiry:
        claims.length > 0
          ? claims.map((c) => `${c.on}: claim (${words(c.basis)}), evidence ${c.evidence}`)
          : ["No claim to U.S. citizenship recorded."],
      fearQuestions:
        fear.length > 0
          ? fear.map(
              (f) =>
                `${f.on}: ${f.expressed ? "fear expressed" : "no fear expressed"}${f.country ? ` (${countryList([f.country])})` : ""}`,
            )
          : ["Fear questions not recorded."],
      interpreter: interpreter ? interpreter.language : NONE,
      convictions: eventsOf(ctx.events, "conviction").map((c) => `${c.on}: ${c.category}`),
      narrative: narrative ?? "",
      disposition: disposition ?? "",
    };
  },
};
