/**
 * The dashboard's figures for a user: every figure is counted from the cases
 * the user may list (officeScope, narrowed by the office filter), from the
 * records in records.ts, so each number can be drilled into.
 */
import { z } from "zod";
import { stages } from "../../domain/case-state.js";
import { AppError } from "../../domain/errors.js";
import { isoDate } from "../../domain/events.js";
import { addDays, daysBetween } from "../../law/calendar/calendar.js";
import { type Actor, authorize, can, officeScope } from "../access.js";
import { type AppContext, today } from "../context.js";
import { distanceBuckets, type FigureParams, type Groups, groupsOf, scopedCases } from "./records.js";
import { loadSnapshot, type Snapshot } from "./snapshot.js";
import { dailyPopulation, daysIn, quantile, round1 } from "./stats.js";

export const analyticsFilter = z.object({
  office: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Facility of the population-over-time series; "*" (default) = all facilities. */
  facility: z.string().min(1).optional(),
  withinDays: z.coerce.number().int().min(0).max(366).default(7),
  overdueDays: z.coerce.number().int().min(0).max(3660).default(30),
});
export type AnalyticsFilter = z.input<typeof analyticsFilter>;

export interface Cell {
  category: string;
  series: string;
  value: number;
  key: string;
}
export interface Stacked {
  categories: string[];
  series: string[];
  cells: Cell[];
  total: number;
}

/** The access check and the scope for analytics: aggregates need analytics.read, within the user's offices. */
export async function resolveFilter(ctx: AppContext, actor: Actor, raw: AnalyticsFilter) {
  const f = analyticsFilter.parse(raw);
  authorize(actor, "analytics.read", f.office ? { officeCode: f.office } : undefined);
  const asOf = today(ctx);
  const to = f.to ?? asOf;
  const from = f.from ?? addDays(to, -89);
  if (from > to)
    throw new AppError("invalid_input", `the period starts (${from}) after it ends (${to})`, "from");
  if (daysBetween(from, to) > 3 * 366)
    throw new AppError("invalid_input", "the period may be at most three years", "from");
  const scope = officeScope(actor);
  const offices = f.office ? [f.office] : scope;
  const params: FigureParams = {
    offices,
    from,
    to,
    asOf,
    withinDays: f.withinDays,
    overdueDays: f.overdueDays,
  };
  return { filter: f, params, scope, snapshot: await loadSnapshot(ctx, asOf) };
}

function stacked(groups: Groups, family: string, categories: string[], series: string[]): Stacked {
  const cells: Cell[] = [];
  let total = 0;
  for (const category of categories)
    for (const s of series) {
      const key = `${family}|${category}|${s}`;
      const value = groups.get(key)?.length ?? 0;
      if (!value) continue;
      cells.push({ category, series: s, value, key });
      total += value;
    }
  return { categories, series, cells, total };
}

const second = (key: string) => key.split("|")[1];
const third = (key: string) => key.split("|")[2];
const uniq = (xs: string[]) => [...new Set(xs)].sort();

export function capacityOf(s: Snapshot, facility: string, offices: string[] | null): number | null {
  if (facility !== "*") return s.facilities.get(facility)?.capacity ?? null;
  let sum = 0;
  for (const f of s.facilities.values()) if (!offices || offices.includes(f.officeCode)) sum += f.capacity;
  return sum;
}

export async function getDashboard(ctx: AppContext, actor: Actor, raw: AnalyticsFilter) {
  const { filter, params, scope, snapshot: s } = await resolveFilter(ctx, actor, raw);
  const facility = filter.facility ?? "*";

  const byStage = groupsOf("stage", s, params);
  const casesByStageOffice = stacked(
    byStage,
    "stage",
    uniq([...byStage.keys()].map(second)),
    stages.filter((st) => [...byStage.keys()].some((k) => third(k) === st)),
  );

  const pop = groupsOf("pop", s, params);
  const populationByFacility = [...pop.entries()]
    .map(([key, list]) => {
      const code = second(key);
      const f = s.facilities.get(code);
      return {
        key,
        code,
        label: f?.name ?? "Facility not recorded",
        value: list.length,
        capacity: f?.capacity ?? null,
      };
    })
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));

  const cases = scopedCases(s, params);
  const stays = cases.flatMap((c) =>
    c.stays.filter((st) => facility === "*" || (st.facilityCode ?? "unknown") === facility),
  );
  const days = daysIn(params.from, params.to);
  const counts = dailyPopulation(stays, params.from, params.to);
  const populationSeries = {
    facility,
    label: facility === "*" ? "All facilities" : (s.facilities.get(facility)?.name ?? facility),
    capacity: capacityOf(s, facility, params.offices),
    points: days.map((date, i) => ({ date, value: counts[i], key: `popday|${facility}|${date}` })),
  };
  const facilitiesSeen = uniq(
    cases.flatMap((c) =>
      c.stays
        .filter((st) => st.from <= params.to && (st.to === null || st.to > params.from))
        .map((st) => st.facilityCode ?? "unknown"),
    ),
  ).map((code) => ({ code, name: s.facilities.get(code)?.name ?? "Facility not recorded" }));

  const spans = groupsOf("stagetime", s, params);
  const timeInStage = stages
    .map((stage) => {
      const key = `stagetime|${stage}`;
      const d = (spans.get(key) ?? []).map((r) => Number(r.detail.days));
      const med = quantile(d, 0.5);
      const p90 = quantile(d, 0.9);
      return {
        stage,
        key,
        n: d.length,
        medianDays: med === null ? null : round1(med),
        p90Days: p90 === null ? null : round1(p90),
      };
    })
    .filter((t) => t.n > 0);

  const dl = groupsOf("deadline", s, params);
  const deadlines = stacked(dl, "deadline", uniq([...dl.keys()].map(second)), ["overdue", "due"]);
  const oc = groupsOf("outcome", s, params);
  const outcomes = stacked(oc, "outcome", uniq([...oc.keys()].map(second)), [
    "blocked",
    "review",
    "approved",
    "denied",
  ]);
  const pl = groupsOf("placement", s, params);
  const placements = stacked(
    pl,
    "placement",
    distanceBuckets.filter((b) => [...pl.keys()].some((k) => second(k) === b)),
    ["booking", "transfer"],
  );

  return {
    asOf: params.asOf,
    from: params.from,
    to: params.to,
    office: filter.office ?? null,
    offices: s.offices.filter((o) => !scope || scope.includes(o.code)),
    window: { withinDays: params.withinDays, overdueDays: params.overdueDays },
    canDrillDown: can(actor, "case.read"),
    totals: {
      cases: cases.length,
      detained: populationByFacility.reduce((n, f) => n + f.value, 0),
    },
    populationByFacility,
    populationSeries,
    facilities: facilitiesSeen,
    casesByStageOffice,
    timeInStage,
    deadlines,
    outcomes,
    placements,
    snapshot: { builtInSeconds: round1(s.builtInSeconds), cases: s.cases.length },
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
