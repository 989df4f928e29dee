/** I-246 Application for a Stay of Deportation or Removal (8 CFR 241.6; STAY-07). */

import { describeOrder, latestRemovalOrder } from "./i-205.js";
import { countryList, eventsOf, type FormSpec, identity, NONE } from "./shared.js";

export const i246: FormSpec = {
  id: "I-246",
  title: "Application for a Stay of Deportation or Removal",
  subtitle: "Request to ICE for a discretionary administrative stay of a final order",
  audience: "internal",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber", "birthDate", "birthCountry", "citizenship", "address"]);
    const d = ctx.details?.i246;
    const order = need.value("order", latestRemovalOrder(ctx));
    const stayUntil = need.value("stayUntil", d?.stayUntil);
    const reasons = need.value("reasons", d?.reasons);
    return {
      person,
      entries: eventsOf(ctx.events, "entry").map(
        (e) => `${e.on}: ${e.manner}${e.class ? ` (${e.class})` : ""}`,
      ),
      order: describeOrder(order) ?? "",
      pending: eventsOf(ctx.events, "application.filed")
        .filter((a) => a.pending)
        .map((a) => `${a.form}, filed ${a.on}`),
      stayUntil: stayUntil ?? "",
      reasons: reasons ?? "",
      passport: d?.passport
        ? `${d.passport.number}, ${countryList([d.passport.country])}, valid until ${d.passport.expiresOn}`
        : NONE,
      convictions: eventsOf(ctx.events, "conviction").map((c) => `${c.on}: ${c.category}`),
      family: d?.family ?? [],
    };
  },
};
