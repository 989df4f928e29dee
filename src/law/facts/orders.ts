/**
 * Derived facts about the removal order (RULES.md FIN-01, FIN-02, FIN-07,
 * VD-02/VD-04): which order is operative, whether it has been vacated, and
 * when it became (or will become) administratively final under 8 CFR 1241.1.
 *
 * Every function reads only the events known on `asOf` (an event dated after
 * the action is not yet known) and never throws on a thin record: what the
 * record does not show is reported, so that a rule can fail closed.
 *
 * Conventions used by every caller:
 * - `finalOn` is the FIRST calendar day on which the order is final. An order
 *   that becomes final because the appeal period ran out is final from the day
 *   after `appealDue` (the appeal may still be received on the due date itself;
 *   TIME-01/TIME-02). Dismissal, waiver and in absentia orders are final on the
 *   date of that event.
 * - Events are ordered as the history lists them (date order); "after the
 *   order" means later in that list.
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import { addBusinessDays, addDays, periodDue } from "../calendar/calendar.js";
import type { History, LawConfig } from "../types.js";

export type OrderEvent = EventOf<"order.issued">;
type MotionReceived = EventOf<"motion.received">;
type MotionDecided = EventOf<"motion.decided">;

/** An event together with its position in the known history. */
export interface Indexed<E extends CaseEvent = CaseEvent> {
  event: E;
  index: number;
}

/** Kinds of order.issued that order a person removed (the rest terminate or grant relief). */
export const removalOrderKinds: ReadonlySet<string> = new Set([
  "removal",
  "deportation",
  "exclusion",
  "voluntary_departure",
  "expedited_removal",
  "reinstatement",
  "administrative_238b",
  "stipulated_removal",
]);

/** Summary orders with their own basis (FIN-04, FIN-05, FIN-06): final when issued, no BIA appeal. */
export const summaryOrderKinds: ReadonlySet<string> = new Set([
  "expedited_removal",
  "reinstatement",
  "administrative_238b",
]);

/** IJ orders in 240 (or pre-1997 deportation/exclusion) proceedings that can be appealed to the BIA. */
const appealableKinds: ReadonlySet<string> = new Set(["removal", "deportation", "exclusion", "voluntary_departure"]);

/** The events known on `asOf`, in history order, with their positions. */
export function known(history: History, asOf: string): Indexed[] {
  const out: Indexed[] = [];
  history.events.forEach((event) => {
    if (event.on <= asOf) out.push({ event, index: out.length });
  });
  return out;
}

function after<T extends CaseEvent["type"]>(
  events: readonly Indexed[],
  index: number,
  type: T,
): Indexed<EventOf<T>>[] {
  return events.filter((x): x is Indexed<EventOf<T>> => x.index > index && x.event.type === type);
}

/** Why an order no longer stands (FIN-07). */
export interface Vacatur {
  on: string;
  reason: string;
  event: CaseEvent;
}

export interface OrderStanding extends Indexed<OrderEvent> {
  /** Set when a later event vacated the order: reopening, reconsideration, a sustained appeal or petition. */
  vacated?: Vacatur;
}

/**
 * The latest order.issued of any kind (including termination and relief), and
 * whether a later event vacated it: a motion to reopen or reconsider granted
 * (Nken v. Holder, 556 U.S. at 429 n.1; rescission of an in absentia order),
 * a BIA decision sustaining the appeal, or a court of appeals granting the
 * petition (sustained or remanded). A BIA remand does NOT vacate the order; it
 * makes it not final (see orderFinality).
 */
export function latestOrder(history: History, asOf: string): OrderStanding | undefined {
  const events = known(history, asOf);
  const orders = events.filter((x): x is Indexed<OrderEvent> => x.event.type === "order.issued");
  const latest = orders[orders.length - 1];
  if (!latest) return undefined;
  const vacated = vacaturOf(events, latest);
  return vacated ? { ...latest, vacated } : { ...latest };
}

function vacaturOf(events: readonly Indexed[], order: Indexed<OrderEvent>): Vacatur | undefined {
  for (const x of events) {
    if (x.index <= order.index) continue;
    const e = x.event;
    if (e.type === "motion.decided" && e.outcome === "granted") {
      return { on: e.on, event: e, reason: `the motion to ${e.kind} was granted on ${e.on}, which vacates the order` };
    }
    if (e.type === "appeal.decided" && e.forum === "BIA" && e.outcome === "sustained") {
      return { on: e.on, event: e, reason: `the BIA sustained the appeal on ${e.on}` };
    }
    if (e.type === "appeal.decided" && e.forum === "circuit" && e.outcome !== "dismissed") {
      return { on: e.on, event: e, reason: `the court of appeals ${e.outcome} the petition for review on ${e.on}` };
    }
  }
  return undefined;
}

/**
 * The operative removal order on `asOf`: the latest order.issued, if it orders
 * removal (not a termination or grant of relief) and no later event vacated it.
 * Undefined when there is none.
 */
export function currentOrder(history: History, asOf: string): Indexed<OrderEvent> | undefined {
  const latest = latestOrder(history, asOf);
  if (!latest || latest.vacated || !removalOrderKinds.has(latest.event.kind)) return undefined;
  return { event: latest.event, index: latest.index };
}

/** TIME-01/TIME-02: the BIA appeal is due 30 calendar days after an oral decision or the mailing/service of a written one, rolled forward. */
export function appealDueFor(order: OrderEvent, config: LawConfig): string {
  return periodDue(order.on, 30, config.closures ?? []);
}

/** Whether an IJ order could be appealed to the BIA (not in absentia, not stipulated, not a summary order). */
export function isAppealable(order: OrderEvent): boolean {
  return order.by === "IJ" && appealableKinds.has(order.kind) && order.inAbsentia !== true;
}

/** The terms of a voluntary-departure grant with its alternate order (VD-02, VD-04, VD-05). */
export interface VdTerms {
  /** Last day to depart: grant + vdDays (undefined when the days are not recorded). */
  departBy?: string;
  /** Post-conclusion VD: bond due 5 business days after the grant (TIME-06). */
  bondDue?: string;
  bondPosted?: string;
  /** A motion to reopen/reconsider or a PFR filed within the period terminates VD (8 CFR 1240.26(e)(1), (i)). */
  terminatedBy?: { on: string; what: string };
  departed?: string;
}

export function vdTerms(history: History, config: LawConfig, asOf: string, order: Indexed<OrderEvent>): VdTerms {
  const events = known(history, asOf);
  const o = order.event;
  const terms: VdTerms = {};
  if (o.vdDays) terms.departBy = addDays(o.on, o.vdDays);
  if (o.vdStage === "post" || (o.vdBond ?? 0) > 0) terms.bondDue = addBusinessDays(o.on, 5, config.closures ?? []);
  terms.bondPosted = after(events, order.index, "vd.bond_posted")[0]?.event.on;
  const inPeriod = (on: string) => !terms.departBy || on <= terms.departBy;
  for (const x of events) {
    if (x.index <= order.index || terms.terminatedBy) continue;
    const e = x.event;
    if (e.type === "motion.received" && inPeriod(e.on)) terms.terminatedBy = { on: e.on, what: `motion to ${e.kind}` };
    if (e.type === "pfr.filed" && inPeriod(e.on)) terms.terminatedBy = { on: e.on, what: "petition for review" };
  }
  terms.departed = after(events, order.index, "departure.verified").find((x) => inPeriod(x.event.on))?.event.on;
  return terms;
}

/** The BIA appeal of the order itself: the first one received after it and before any motion was decided. */
export function orderAppeal(history: History, asOf: string, order: Indexed<OrderEvent>) {
  const events = known(history, asOf);
  const firstMotionDecision = after(events, order.index, "motion.decided")[0]?.index ?? Number.POSITIVE_INFINITY;
  const received = after(events, order.index, "appeal.received").find(
    (x) => x.event.forum === "BIA" && x.index < firstMotionDecision,
  );
  const decided = received
    ? after(events, received.index, "appeal.decided").find((x) => x.event.forum === "BIA")
    : undefined;
  return { received, decided };
}

export interface OrderFinality {
  /** The operative order (undefined: no removal order stands). */
  order?: OrderEvent;
  final: boolean;
  /** First day on which the order is (or, if nothing changes, will be) final. */
  finalOn?: string;
  /** The 8 CFR 1241.1 paragraph or other basis, e.g. "1241.1(c) appeal period expired". */
  basis?: string;
  /** One sentence for an officer. */
  reason: string;
  /** For an appealable IJ order: the last day for the BIA to receive the appeal. */
  appealDue?: string;
  /** A BIA appeal received after the deadline and not yet decided (the BIA may accept it by equitable tolling). */
  lateAppeal?: { on: string; toll: boolean };
  /** The order is a summary order (expedited removal, reinstatement, 238(b)) with its own basis rules. */
  summary?: boolean;
  /** Set when the latest order was vacated or replaced by termination or relief (FIN-07). */
  vacated?: Vacatur;
  /** Waiver of appeal relied on (FIN-03 checks its validity). */
  waiver?: EventOf<"appeal.waived">;
  vd?: VdTerms;
  /** Events relied on, in words. */
  facts: string[];
}

const describe = (e: CaseEvent) => {
  const extra = e.type === "order.issued" ? ` (${e.by}, ${e.kind}${e.inAbsentia ? ", in absentia" : ""})` : "";
  return `${e.type} ${e.on}${extra}`;
};

/**
 * FIN-02 (8 CFR 1241.1(a)-(f)): is the operative order final on `asOf`, since
 * when, and on what basis.
 * - BIA order: final on its date. Summary orders (expedited removal,
 *   reinstatement, 238(b)): final when issued (their own rules decide whether
 *   they may be executed). Stipulated removal: final when entered (the
 *   stipulation waives appeal, 8 CFR 1003.25(b)).
 * - IJ order in absentia: final immediately ((e); 8 CFR 1240.15).
 * - IJ order: waiver of appeal ((b)) on the waiver date; a timely appeal keeps
 *   it not final until the BIA dismisses it ((a)) and a remand leaves it not
 *   final; otherwise final the day after the appeal deadline ((c)), even if a
 *   late appeal arrives (reported in `lateAppeal`).
 * - Alternate order with voluntary departure ((f); VD-02, VD-05): final when
 *   the appeal stage is over AND the VD period was overstayed, the bond was
 *   not posted in time, or a motion/PFR filed in the period terminated VD.
 * - Reopened/reconsidered, sustained on appeal, terminated, relief granted:
 *   not final (`vacated`).
 */
export function orderFinality(history: History, config: LawConfig, asOf: string): OrderFinality {
  const latest = latestOrder(history, asOf);
  if (!latest) return { final: false, reason: "No removal order is on record.", facts: [] };
  const o = latest.event;
  const facts = [describe(o)];
  if (latest.vacated) {
    facts.push(describe(latest.vacated.event));
    return {
      order: o,
      final: false,
      vacated: latest.vacated,
      reason: `The order of ${o.on} no longer stands: ${latest.vacated.reason}.`,
      facts,
    };
  }
  if (!removalOrderKinds.has(o.kind)) {
    const what = o.kind === "termination" ? "terminated proceedings" : "granted relief";
    return {
      final: false,
      vacated: { on: o.on, event: o, reason: `the ${o.by} ${what} on ${o.on}` },
      reason: `The ${o.by} ${what} on ${o.on}; no removal order stands.`,
      facts,
    };
  }
  if (summaryOrderKinds.has(o.kind)) {
    return {
      order: o,
      final: true,
      finalOn: o.on,
      summary: true,
      basis: `${o.kind.replace(/_/g, " ")} order`,
      reason: `The ${o.kind.replace(/_/g, " ")} order of ${o.on} is a summary order, final when issued; its own basis is checked separately.`,
      facts,
    };
  }
  if (o.by === "DHS") {
    return {
      order: o,
      final: false,
      reason: `A DHS order of kind "${o.kind}" (${o.on}) is not a removal order DHS can issue outside expedited removal, reinstatement or 238(b); its basis is undocumented.`,
      facts,
    };
  }
  if (o.by === "BIA") {
    return finalityOfVd(history, config, asOf, latest, {
      order: o,
      final: true,
      finalOn: o.on,
      basis: "BIA order (8 CFR 1241.1(a))",
      reason: `The BIA's order of ${o.on} is final on its date.`,
      facts,
    });
  }
  if (o.kind === "stipulated_removal") {
    return {
      order: o,
      final: true,
      finalOn: o.on,
      basis: "stipulated removal order (8 CFR 1003.25(b))",
      reason: `The stipulated removal order of ${o.on} includes a waiver of appeal and is final when entered.`,
      facts,
    };
  }
  if (o.inAbsentia) {
    return {
      order: o,
      final: true,
      finalOn: o.on,
      basis: "in absentia order (8 CFR 1241.1(e); 1240.15)",
      reason: `The in absentia order of ${o.on} was final immediately (no appeal lies; the remedy is a motion to reopen).`,
      facts,
    };
  }
  return finalityOfVd(history, config, asOf, latest, appealStage(history, config, asOf, latest, facts));
}

/** FIN-02(a)-(c) for an appealable IJ order. */
function appealStage(
  history: History,
  config: LawConfig,
  asOf: string,
  order: Indexed<OrderEvent>,
  facts: string[],
): OrderFinality {
  const o = order.event;
  const events = known(history, asOf);
  const appealDue = appealDueFor(o, config);
  const expiredOn = addDays(appealDue, 1);
  const waiver = events.find(
    (x): x is Indexed<EventOf<"appeal.waived">> =>
      x.event.type === "appeal.waived" && (x.index > order.index || x.event.on === o.on),
  )?.event;
  const { received, decided } = orderAppeal(history, asOf, order);
  const base = { order: o, appealDue, facts };
  if (waiver) {
    facts.push(describe(waiver));
    return {
      ...base,
      waiver,
      final: true,
      finalOn: waiver.on > o.on ? waiver.on : o.on,
      basis: "appeal waived (8 CFR 1241.1(b))",
      reason: `Appeal was waived on ${waiver.on}, so the order of ${o.on} was final on that date.`,
    };
  }
  if (received) {
    facts.push(`appeal.received ${received.event.on}${received.event.at ? ` ${received.event.at}` : ""} (BIA)`);
    if (decided) facts.push(`appeal.decided ${decided.event.on} (BIA, ${decided.event.outcome})`);
    const timely = received.event.on <= appealDue;
    if (timely && !decided) {
      return {
        ...base,
        final: false,
        reason: `A timely appeal (received ${received.event.on}, due ${appealDue}) is pending at the BIA; the order is not final until the BIA decides.`,
      };
    }
    if (decided?.event.outcome === "remanded") {
      return {
        ...base,
        final: false,
        reason: `The BIA remanded the case on ${decided.event.on}; the order is not final until a new decision becomes final.`,
      };
    }
    if (timely && decided) {
      return {
        ...base,
        final: true,
        finalOn: decided.event.on,
        basis: "BIA dismissed the appeal (8 CFR 1241.1(a))",
        reason: `The BIA dismissed the appeal on ${decided.event.on}; the order was final on that date.`,
      };
    }
    // Untimely: final when the period ran out; a pending late appeal is reported for REVIEW.
    return {
      ...base,
      final: true,
      finalOn: expiredOn,
      basis: "appeal period expired (8 CFR 1241.1(c))",
      lateAppeal: decided ? undefined : { on: received.event.on, toll: received.event.toll === true },
      reason: `No timely appeal: the appeal was due ${appealDue} but received ${received.event.on}, so the order was final from ${expiredOn}.`,
    };
  }
  if (asOf > appealDue) {
    return {
      ...base,
      final: true,
      finalOn: expiredOn,
      basis: "appeal period expired (8 CFR 1241.1(c))",
      reason: `No appeal was received by ${appealDue}, so the order of ${o.on} was final from ${expiredOn}.`,
    };
  }
  return {
    ...base,
    final: false,
    finalOn: expiredOn,
    reason: `The appeal period runs to ${appealDue}; if no appeal is received, the order of ${o.on} is final from ${expiredOn}.`,
  };
}

/** FIN-02(f): an alternate order paired with voluntary departure takes effect only when VD fails. */
function finalityOfVd(
  history: History,
  config: LawConfig,
  asOf: string,
  order: Indexed<OrderEvent>,
  stage: OrderFinality,
): OrderFinality {
  const o = order.event;
  if (o.kind !== "voluntary_departure") return stage;
  if (o.by === "DHS") {
    return { ...stage, final: false, finalOn: undefined, reason: "DHS voluntary departure carries no removal order." };
  }
  const vd = vdTerms(history, config, asOf, order);
  if (vd.departed) {
    return { ...stage, vd, final: false, finalOn: undefined, reason: `The person departed under voluntary departure on ${vd.departed}.` };
  }
  // The first day on which VD failed (or will fail, if nothing changes).
  const triggers: { on: string; why: string }[] = [];
  if (vd.departBy) triggers.push({ on: addDays(vd.departBy, 1), why: `the departure period ended ${vd.departBy}` });
  if (vd.bondDue && !(vd.bondPosted && vd.bondPosted <= vd.bondDue)) {
    triggers.push({ on: addDays(vd.bondDue, 1), why: `the VD bond was not posted by ${vd.bondDue}` });
  }
  if (vd.terminatedBy) triggers.push({ on: vd.terminatedBy.on, why: `a ${vd.terminatedBy.what} filed on ${vd.terminatedBy.on} terminated VD` });
  triggers.sort((a, b) => a.on.localeCompare(b.on));
  const trigger = triggers[0];
  if (!trigger) {
    return { ...stage, vd, final: false, finalOn: undefined, reason: `The voluntary-departure period of the order of ${o.on} is not recorded, so the alternate order's finality cannot be computed.` };
  }
  const stageOn = stage.finalOn;
  const finalOn = stageOn && stageOn > trigger.on ? stageOn : trigger.on;
  const basis = "alternate order after voluntary departure (8 CFR 1241.1(f); 1240.26)";
  if (!stageOn) return { ...stage, vd, reason: `${stage.reason} The alternate order takes effect only after that.` };
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

/** A motion with the decision that disposed of it (motions and decisions of a kind are paired in order). */
export interface MotionRecord {
  received: Indexed<MotionReceived>;
  decided?: Indexed<MotionDecided>;
}

/** Every motion to reopen or reconsider known on `asOf`, each paired with its decision if there is one. */
export function motions(history: History, asOf: string): MotionRecord[] {
  const events = known(history, asOf);
  const out: MotionRecord[] = [];
  for (const x of events) {
    if (x.event.type === "motion.received") out.push({ received: x as Indexed<MotionReceived> });
    if (x.event.type === "motion.decided") {
      const kind = x.event.kind;
      const open = out.find((m) => !m.decided && m.received.event.kind === kind);
      if (open) open.decided = x as Indexed<MotionDecided>;
    }
  }
  return out;
}
