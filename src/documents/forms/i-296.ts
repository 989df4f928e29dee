/** I-296 Notice to Alien Ordered Removed/Departure Verification (EXE-06). */

import { describeOrder, latestRemovalOrder } from "./i-205.js";
import { countryList, type FormSpec, identity, latestOf, NONE } from "./shared.js";

const bars = {
  5: "five (5) years from the date of departure: INA 212(a)(9)(A)(i)",
  10: "ten (10) years from the date of departure: INA 212(a)(9)(A)(ii)",
  20: "twenty (20) years from the date of departure, as a second or subsequent removal: INA 212(a)(9)(A)(ii)",
  permanent: "at any time, after a conviction for an aggravated felony: INA 212(a)(9)(A)(ii)",
} as const;

export const i296: FormSpec = {
  id: "I-296",
  title: "Notice to Alien Ordered Removed / Departure Verification",
  subtitle: "Re-entry bar and verification of departure",
  audience: "person",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber"]);
    const order = need.value("order", latestRemovalOrder(ctx));
    const bar = need.value("barYears", ctx.details?.i296?.barYears);
    const departure = latestOf(ctx.events, "departure.verified");
    return {
      person,
      order: describeOrder(order) ?? "",
      bars: Object.entries(bars).map(([key, text]) => ({ text, checked: String(bar) === key })),
      departure: departure
        ? { on: departure.on, country: countryList([departure.country]) ?? NONE, via: departure.via ?? NONE }
        : null,
    };
  },
};
