/** The conditions shared by the two release orders (I-220A, I-220B). */
import type { DocumentContext } from "../context.js";
import { formatPlace, type Need, NONE } from "./shared.js";

export function reportingConditions(ctx: DocumentContext, need: Need) {
  const r = ctx.details?.release;
  return {
    reportTo: need.value("release.reportTo", formatPlace(r?.reportTo)) ?? "",
    schedule: need.value("release.schedule", r?.schedule) ?? "",
    firstReport: r?.reportFirstOn ?? NONE,
    otherConditions: r?.conditions ?? [],
    bond: r?.bond !== undefined ? `$${r.bond.toLocaleString("en-US")}` : NONE,
  };
}
