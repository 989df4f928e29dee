/** I-220B Order of Supervision (INA 241(a)(3); 8 CFR 241.5; DET-05, STAY-07). */

import { describeOrder, latestRemovalOrder } from "./i-205.js";
import { reportingConditions } from "./release.js";
import { englishLanguageName, type FormSpec, identity, NONE } from "./shared.js";

export const i220b: FormSpec = {
  id: "I-220B",
  title: "Order of Supervision",
  subtitle: "Release under a final order, under section 241(a)(3) of the Act and 8 CFR 241.5",
  audience: "person",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber", "address"]);
    const order = need.value("order", latestRemovalOrder(ctx));
    return {
      person,
      order: describeOrder(order) ?? "",
      ...reportingConditions(ctx, need),
      language: englishLanguageName(ctx.person.languages?.[0]) ?? NONE,
    };
  },
};
