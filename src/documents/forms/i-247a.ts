/** I-247A Immigration Detainer - Notice of Action (8 CFR 287.7; ICE Policy 10074.2; ARR-04). */
import { checkArr04, type WarrantData } from "../law.js";
import { eventsOf, type FormSpec, formatPlace, identity, NONE } from "./shared.js";

const bases = {
  final_order: "a final order of removal against the subject",
  proceedings_pending: "the pendency of ongoing removal proceedings against the subject",
  biometric_match:
    "biometric confirmation of the subject's identity and records indicating no lawful status or removability",
  statements: "statements made by the subject, or other reliable evidence, indicating removability",
} as const;

export const i247a: FormSpec = {
  id: "I-247A",
  title: "Immigration Detainer - Notice of Action",
  subtitle: "Request to a law-enforcement agency under 8 CFR 287.7",
  audience: "law_enforcement",
  translatedKeys: ["i247a.notice"],
  fields(ctx, need) {
    const person = identity(ctx, need, ["birthDate", "citizenship", "sex"]);
    const d = ctx.details?.i247a;
    const agency = need.value("agency", formatPlace(d?.agency));
    const basis = need.value("probableCause", d?.basis);
    const criminal = [...eventsOf(ctx.events, "charge.filed"), ...eventsOf(ctx.events, "conviction")].sort(
      (a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0),
    );
    const latest = criminal.at(-1);
    return {
      person,
      to: agency ?? "",
      probableCause: Object.entries(bases).map(([key, text]) => ({ text, checked: key === basis })),
      warrant: {
        form: d?.warrant?.form ?? "",
        number: d?.warrant?.number ?? NONE,
        signedBy: d?.warrant?.signedBy ?? "",
        signedOn: d?.warrant?.signedOn ?? "",
      },
      operativeOnConviction: d?.operativeOnConviction ?? false,
      criminal: latest
        ? `${latest.on}: ${latest.type === "conviction" ? "conviction" : "charge"}, ${latest.category}`
        : NONE,
    };
  },
  check(data) {
    return checkArr04(data.warrant as WarrantData);
  },
};
