/**
 * A facility's daily population, 30 and 90 days ahead, with 80% and 95%
 * intervals (forecast.ts), from the custody stays of the cases the user may
 * list; and the backtest of the same model on this series.
 */
import { z } from "zod";
import { addDays } from "../../law/calendar/calendar.js";
import type { Actor } from "../access.js";
import type { AppContext } from "../context.js";
import { type AnalyticsFilter, analyticsFilter, capacityOf, resolveFilter } from "./dashboard.js";
import { backtest, fitHolt, forecastHolt } from "./forecast.js";
import { scopedCases } from "./records.js";
import type { Snapshot } from "./snapshot.js";
import { dailyPopulation, daysIn, round1 } from "./stats.js";

export const forecastInput = analyticsFilter.extend({
  horizon: z.coerce.number().int().min(1).max(180).default(90),
  /** Days of history the model is fitted on. */
  history: z.coerce.number().int().min(60).max(1100).default(365),
});
export type ForecastInput = AnalyticsFilter & { horizon?: number; history?: number };

/** Daily population of one facility ("*" = all) over the `history` days ending on `asOf`. */
export function historySeries(
  s: Snapshot,
  offices: string[] | null,
  facility: string,
  asOf: string,
  days: number,
) {
  const from = addDays(asOf, -(days - 1));
  const stays = scopedCases(s, { offices } as Parameters<typeof scopedCases>[1]).flatMap((c) =>
    c.stays.filter((st) => facility === "*" || (st.facilityCode ?? "unknown") === facility),
  );
  return { from, dates: daysIn(from, asOf), values: dailyPopulation(stays, from, asOf) };
}

export async function getForecast(ctx: AppContext, actor: Actor, raw: ForecastInput) {
  const input = forecastInput.parse(raw);
  const { params, snapshot } = await resolveFilter(ctx, actor, input);
  const facility = input.facility ?? "*";
  const asOf = params.asOf;
  const h = historySeries(snapshot, params.offices, facility, asOf, input.history);
  const fit = fitHolt(h.values);
  const ahead = forecastHolt(fit, input.horizon);
  const r = (x: number) => round1(x);
  const points = ahead.map((p) => ({
    date: addDays(asOf, p.h),
    mean: r(p.mean),
    lo80: r(p.lo80),
    hi80: r(p.hi80),
    lo95: r(p.lo95),
    hi95: r(p.hi95),
  }));
  const at = (d: number) => points[Math.min(d, points.length) - 1];
  const shown = Math.min(h.values.length, 120);
  return {
    facility,
    label: facility === "*" ? "All facilities" : (snapshot.facilities.get(facility)?.name ?? facility),
    capacity: capacityOf(snapshot, facility, params.offices),
    asOf,
    method: "Holt's linear method with damped trend, ETS(A,Ad,N); parameters by least squares on a grid",
    fit: { alpha: fit.alpha, beta: fit.beta, phi: fit.phi, sigma: r(fit.sigma), days: fit.n },
    history: h.dates.slice(-shown).map((date, i) => ({ date, value: h.values[h.values.length - shown + i] })),
    forecast: points,
    day30: at(30),
    day90: at(90),
    backtest: [30, 90].map((hz) => {
      const b = backtest([h.values], hz);
      return {
        horizon: hz,
        mae: r(b.mae),
        wape: round1(b.wape * 100),
        naiveMae: r(b.naiveMae),
        points: b.points,
      };
    }),
  };
}
