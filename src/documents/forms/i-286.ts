/** I-286 Notification to Alien of Custody Determination (8 CFR 236.1(d); DET-02). */
import { englishLanguageName, type FormSpec, identity, latestOf, NONE } from "./shared.js";

const authorities = {
  "236a": "INA 236(a); 8 CFR 236.1",
  "236c": "INA 236(c); 8 CFR 236.1",
  "235b": "INA 235(b); 8 CFR 235.3",
  "241a": "INA 241(a); 8 CFR 241.4",
  "287": "INA 287; 8 CFR 287.3",
} as const;

export const i286: FormSpec = {
  id: "I-286",
  title: "Notification of Custody Determination",
  subtitle: "Initial custody decision, with notice of the right to ask an immigration judge to review it",
  audience: "person",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber"]);
    const decision = need.value("custodyDetermination", latestOf(ctx.events, "custody.determination"));
    if (decision?.decision === "bond") need.value("custodyDetermination.bond", decision.bond);
    const booked = latestOf(ctx.events, "custody.booked");
    return {
      person,
      authority: booked ? authorities[booked.authority] : authorities["236a"],
      decision: decision?.decision ?? "",
      decidedOn: decision?.on ?? "",
      bond: decision?.bond !== undefined ? `$${decision.bond.toLocaleString("en-US")}` : NONE,
      facility: ctx.facility ? `${ctx.facility.name} (${ctx.facility.code})` : NONE,
      serviceLanguage: englishLanguageName(ctx.person.languages?.[0]) ?? NONE,
    };
  },
};
