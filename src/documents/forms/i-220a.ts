/** I-220A Order of Release on Recognizance (INA 236(a)(2)(B); DET-02, NTA-07). */

import { reportingConditions } from "./release.js";
import { englishLanguageName, type FormSpec, identity, NONE } from "./shared.js";

export const i220a: FormSpec = {
  id: "I-220A",
  title: "Order of Release on Recognizance",
  subtitle: "Release before a final order, under section 236(a)(2)(B) of the Act",
  audience: "person",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber", "address"]);
    return {
      person,
      ...reportingConditions(ctx, need),
      language: englishLanguageName(ctx.person.languages?.[0]) ?? NONE,
    };
  },
};
