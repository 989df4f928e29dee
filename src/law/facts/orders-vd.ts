/**
 * FIN-02(f), VD-02, VD-04, VD-05: the terms of a voluntary-departure grant and
 * when its alternate removal order takes effect. Re-exported by orders.ts.
 */
import { addBusinessDays, addDays } from "../calendar/calendar.js";
import type { History, LawConfig } from "../types.js";
import {
  eventsAfter,
  type Indexed,
  known,
  type OrderEvent,
  type OrderFinality,
  type VdTerms,
} from "./order-events.js";

export function vdTerms(
  history: History,
  config: LawConfig,
  asOf: string,
  order: Indexed<OrderEvent>,
): VdTerms {
  const events = known(history, asOf);
  const o = order.event;
  const terms: VdTerms = {};
  if (o.vdDays) terms.departBy = addDays(o.on, o.vdDays);
  if (o.vdStage === "post" || (o.vdBond ?? 0) > 0)
    terms.bondDue = addBusinessDays(o.on, 5, config.closures ?? []);
  terms.bondPosted = eventsAfter(events, order.index, "vd.bond_posted")[0]?.event.on;
  const inPeriod = (on: string) => !terms.departBy || on <= terms.departBy;
  for (const x of events) {
    if (x.index <= order.index || terms.terminatedBy) continue;
    const e = x.event;
    if (e.type === "motion.received" && inPeriod(e.on))
      terms.terminatedBy = { on: e.on, what: `motion to ${e.kind}` };
    if (e.type === "pfr.filed" && inPeriod(e.on))
      terms.terminatedBy = { on: e.on, what: "petition for review" };
  }
  terms.departed = eventsAfter(events, order.index, "departure.verified").find((x) =>
    inPeriod(x.event.on),
  )?.event.on;
  return terms;
}

/** FIN-02(f): an alternate order paired with voluntary departure takes effect only when VD fails. */
export function finalityOfVd(
  history: History,
  config: LawConfig,
  asOf: string,
  order: Indexed<OrderEvent>,
  stage: OrderFinality,
): OrderFinality {
  const o = order.event;
  if (o.kind !== "voluntary_departure") return stage;
  if (o.by === "DHS") {
    return {
      ...stage,
      final: false,
      finalOn: undefined,
      reason: "DHS voluntary departure carries no removal order.",
    };
  }
  const vd = vdTerms(history, config, asOf, order);
  if (vd.departed) {
    return {
      ...stage,
      vd,
      final: false,
      finalOn: undefined,
      reason: `The person departed under voluntary departure on ${vd.departed}.`,
    };
  }
  // The first day on which VD failed (or will fail, if nothing changes).
  const triggers: { on: string; why: string }[] = [];
  if (vd.departBy)
    triggers.push({ on: addDays(vd.departBy, 1), why: `the departure period ended ${vd.departBy}` });
  if (vd.bondDue && !(vd.bondPosted && vd.bondPosted <= vd.bondDue)) {
    triggers.push({ on: addDays(vd.bondDue, 1), why: `the VD bond was not posted by ${vd.bondDue}` });
  }
  if (vd.terminatedBy)
    triggers.push({
      on: vd.terminatedBy.on,
      why: `a ${vd.terminatedBy.what} filed on ${vd.terminatedBy.on} terminated VD`,
    });
  triggers.sort((a, b) => a.on.localeCompare(b.on));
  const trigger = triggers[0];
  if (!trigger) {
    return {
      ...stage,
      vd,
      final: false,
      finalOn: undefined,
      reason: `The voluntary-departure period of the order of ${o.on} is not recorded, so the alternate order's finality cannot be computed.`,
    };
  }
  const stageOn = stage.finalOn;
  const finalOn = stageOn && stageOn > trigger.on ? stageOn : trigger.on;
  const basis = "alternate order after voluntary departure (8 CFR 1241.1(f); 1240.26)";
  if (!stageOn)
    return { ...stage, vd, reason: `${stage.reason} The alternate order takes effect only after that.` };
  const final = stage.final && finalOn <= asOf;
  return {
    ...stage,
    vd,
    final,
    finalOn,
    basis,
    reason: final
      ? `The alternate removal order of ${o.on} took effect on ${finalOn}: ${trigger.why}.`
      : `The alternate removal order of ${o.on} is not yet in effect: ${trigger.on <= asOf ? trigger.why : `it takes effect on ${finalOn} unless the person departs`}${stage.final ? "" : `; ${stage.reason}`}`,
  };
}
