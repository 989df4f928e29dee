/** I-205 Warrant of Removal/Deportation (8 CFR 241.2; FIN-01, ARR-06). */
import type { DocumentContext } from "../context.js";
import { countryList, eventsOf, type FormSpec, identity, latestOf, NONE } from "./shared.js";

const removalKinds = new Set([
  "removal",
  "deportation",
  "exclusion",
  "expedited_removal",
  "reinstatement",
  "administrative_238b",
  "stipulated_removal",
]);

const issuers = {
  IJ: "an Immigration Judge",
  BIA: "the Board of Immigration Appeals",
  DHS: "a designated official",
};

const defaultProvisions: Record<string, string> = {
  removal: "INA 240",
  deportation: "former INA 242",
  exclusion: "former INA 236",
  expedited_removal: "INA 235(b)(1)",
  reinstatement: "INA 241(a)(5)",
  administrative_238b: "INA 238(b)",
  stipulated_removal: "INA 240(d)",
};

export function latestRemovalOrder(ctx: DocumentContext) {
  return eventsOf(ctx.events, "order.issued")
    .filter((o) => removalKinds.has(o.kind))
    .at(-1);
}

export function describeOrder(order: ReturnType<typeof latestRemovalOrder>): string | undefined {
  if (!order) return undefined;
  const absentia = order.inAbsentia ? ", in absentia" : "";
  return `${order.kind.replaceAll("_", " ")} order of ${issuers[order.by]}, dated ${order.on}${absentia}`;
}

export const i205: FormSpec = {
  id: "I-205",
  title: "Warrant of Removal/Deportation",
  subtitle: "Under 8 CFR 241.2, on a final administrative order",
  audience: "law_enforcement",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber", "citizenship"]);
    const order = need.value("order", latestRemovalOrder(ctx));
    const entry = latestOf(ctx.events, "entry");
    const departure = latestOf(ctx.events, "departure.verified");
    return {
      person,
      entry: {
        port: ctx.details?.i205?.portOfEntry ?? NONE,
        on: entry?.on ?? NONE,
      },
      order: describeOrder(order) ?? "",
      provisions: ctx.details?.i205?.inaProvisions ?? (order ? defaultProvisions[order.kind] : ""),
      countries: countryList(order?.countries) ?? NONE,
      departure: departure
        ? { on: departure.on, country: countryList([departure.country]), via: departure.via ?? NONE }
        : null,
    };
  },
};
