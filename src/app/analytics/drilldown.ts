/**
 * The records behind one dashboard figure: the same records the figure
 * counted, shown as case-list rows (same columns, same office scope as the
 * case list, same redaction) with the detail that put each one in the figure. Needs
 * analytics.read for the figure and case.read for the records.
 */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { caseListRowsByIds } from "../../store/repositories/analytics.js";
import { type Actor, authorize } from "../access.js";
import type { AppContext } from "../context.js";
import { redactSummary } from "../oversight/redaction.js";
import { type AnalyticsFilter, analyticsFilter, resolveFilter } from "./dashboard.js";
import { type Detail, familyOf, groupsOf } from "./records.js";

export const drilldownInput = analyticsFilter.extend({
  key: z.string().min(3).max(300),
});
export type DrilldownInput = AnalyticsFilter & { key: string };

export function describeKey(key: string): string {
  const [family, a, b] = key.split("|");
  switch (family) {
    case "stage":
      return `Cases at stage ${b?.replace(/_/g, " ")} in office ${a}`;
    case "pop":
      return `Persons detained at ${a} at the end of the period`;
    case "popday":
      return `Persons detained ${a === "*" ? "in all facilities" : `at ${a}`} on ${b}`;
    case "stagetime":
      return `Cases that left stage ${a?.replace(/_/g, " ")} during the period`;
    case "deadline":
      return `Deadlines ${b === "overdue" ? "overdue" : "due"}: ${a}`;
    case "outcome":
      return `Law-engine ${b === "review" ? "reviews requested" : b === "blocked" ? "blocks" : `reviews ${b}`} under ${a}`;
    case "placement":
      return `${b === "transfer" ? "Transfers" : "Bookings"} with counsel ${a}`;
    default:
      return key;
  }
}

export async function getDrilldown(ctx: AppContext, actor: Actor, raw: DrilldownInput) {
  const input = drilldownInput.parse(raw);
  const { params, snapshot } = await resolveFilter(ctx, actor, input);
  authorize(actor, "case.read", input.office ? { officeCode: input.office } : undefined);
  const family = familyOf(input.key);
  if (!family) throw new AppError("invalid_input", `unknown figure ${input.key}`, "key");
  const only = family === "popday" ? input.key.split("|")[1] : undefined;
  const records = groupsOf(family, snapshot, params, only).get(input.key) ?? [];
  const rows = await caseListRowsByIds(
    ctx.database.db,
    records.map((r) => r.caseId),
    params.offices,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const detailColumns = [...new Set(records.flatMap((r) => Object.keys(r.detail)))];
  const items = records
    .map((r) => {
      const row = byId.get(r.caseId);
      // The case list's own redaction, so a drill-down never shows more than the list.
      return row ? { ...redactSummary(row, actor), detail: r.detail as Detail } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .sort(
      (a, b) => firstDate(a.detail).localeCompare(firstDate(b.detail)) || a.number.localeCompare(b.number),
    );
  return {
    key: input.key,
    label: describeKey(input.key),
    from: params.from,
    to: params.to,
    asOf: params.asOf,
    total: records.length,
    detailColumns,
    items,
  };
}
export type Drilldown = Awaited<ReturnType<typeof getDrilldown>>;

const firstDate = (d: Detail) => String(d.date ?? d.due ?? d.left ?? d.since ?? "");
