/**
 * The 90-day removal period of INA 241(a)(1) (DET-04) and the Zadvydas
 * presumptive period (DET-06), derived from the order's finality (FIN-02,
 * src/law/facts/orders.ts), judicial stays and release from non-immigration
 * confinement.
 *
 * TIME-07: day 1 is the first day of the period (the finality date), so day 90
 * is start + 89 days; day 181 is start + 180 days or six calendar months after
 * the start, whichever is earlier (the earlier date for an alert or review
 * trigger). The statutory periods are not rolled forward: they measure
 * detention, not a filing.
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import { addDays, addMonths, daysBetween } from "../calendar/calendar.js";
import type { History, LawConfig } from "../types.js";
import { memoWithConfig } from "./memo.js";
import { type OrderFinality, orderFinality } from "./orders.js";
import { grantedStays } from "./stays.js";

export interface RemovalPeriod {
  finality: OrderFinality;
  /** Day 1 of the removal period; undefined while it has not begun. */
  start?: string;
  /** Which of 241(a)(1)(B)(i)-(iii) fixed the start. */
  startBasis?: string;
  day90?: string;
  day181?: string;
  /** A court's stay of removal still in force: the period has not begun (241(a)(1)(B)(ii)). */
  courtStay?: CaseEvent;
  /** A refusal to cooperate after an I-229(a) warning: the period is extended (241(a)(1)(C)). */
  extension?: EventOf<"cooperation.refused">;
  facts: string[];
}

export function day181Of(start: string): string {
  const byDays = addDays(start, 180);
  const byMonths = addMonths(start, 6);
  return byDays < byMonths ? byDays : byMonths;
}

export function removalPeriod(history: History, config: LawConfig, asOf: string): RemovalPeriod {
  return memoWithConfig(history, config, "removalPeriod", asOf, () =>
    computeRemovalPeriod(history, config, asOf),
  );
}

function computeRemovalPeriod(history: History, config: LawConfig, asOf: string): RemovalPeriod {
  const finality = orderFinality(history, config, asOf);
  const period: RemovalPeriod = { finality, facts: [...finality.facts] };
  if (!finality.final || !finality.finalOn || finality.finalOn > asOf) return period;
  const events = history.events.filter((e) => e.on <= asOf);
  let start = finality.finalOn;
  let startBasis = `the order became final on ${start} (241(a)(1)(B)(i))`;

  // (ii) A court ordered a stay in judicial review: the period runs from the court's final order.
  for (const stay of grantedStays(history, config, asOf)) {
    if (stay.rule !== "STAY-06") continue;
    const g = stay.grant.event;
    if (stay.status === "in_force" || !stay.endedOn) {
      period.courtStay = g;
      period.facts.push(`stay.granted ${g.on} (${g.by})`);
      return period;
    }
    if (stay.endedOn > start) {
      start = stay.endedOn;
      startBasis = `the court's stay of removal (granted ${g.on}) ended on ${stay.endedOn} (241(a)(1)(B)(ii))`;
      period.facts.push(`stay.granted ${g.on} (${g.by}); ended ${stay.endedOn}`);
    }
  }
  // (iii) Confined for a non-immigration reason: ICE took custody from a jail after finality.
  for (const e of events) {
    if (e.type === "arrest" && e.location === "jail" && e.on > start) {
      start = e.on;
      startBasis = `the person was released from non-immigration confinement to ICE on ${e.on} (241(a)(1)(B)(iii))`;
      period.facts.push(`arrest ${e.on} (jail)`);
    }
  }
  period.start = start;
  period.startBasis = startBasis;
  period.day90 = addDays(start, 89);
  period.day181 = day181Of(start);
  period.extension = events.find(
    (e): e is EventOf<"cooperation.refused"> =>
      e.type === "cooperation.refused" && e.warning && e.on >= start,
  );
  if (period.extension)
    period.facts.push(`cooperation.refused ${period.extension.on} (I-229(a) warning given)`);
  return period;
}

/** Day number within the period (day 1 = start, TIME-07). */
export function dayOfPeriod(start: string, on: string): number {
  return daysBetween(start, on) + 1;
}
