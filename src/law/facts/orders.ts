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
import type { EventOf } from "../../domain/events.js";
import { addDays, periodDue } from "../calendar/calendar.js";
import type { History, LawConfig } from "../types.js";
import { memo, memoWithConfig } from "./memo.js";
import {
  eventsAfter as after,
  describeOrderFact as describe,
  type Indexed,
  known,
  type OrderEvent,
  type OrderFinality,
  type OrderStanding,
  removalOrderKinds,
  summaryOrderKinds,
  type Vacatur,
} from "./order-events.js";
import { finalityOfVd } from "./orders-vd.js";

export * from "./order-events.js";
export { finalityOfVd, vdTerms } from "./orders-vd.js";

/** IJ orders in 240 (or pre-1997 deportation/exclusion) proceedings that can be appealed to the BIA. */
const appealableKinds: ReadonlySet<string> = new Set([
  "removal",
  "deportation",
  "exclusion",
  "voluntary_departure",
]);

/**
 * The latest order.issued of any kind (including termination and relief), and
 * whether a later event vacated it: a motion to reopen or reconsider granted
 * (Nken v. Holder, 556 U.S. at 429 n.1; rescission of an in absentia order),
 * a BIA decision sustaining the appeal, or a court of appeals granting the
 * petition (sustained or remanded). A BIA remand does NOT vacate the order; it
 * makes it not final (see orderFinality).
 */
export function latestOrder(history: History, asOf: string): OrderStanding | undefined {
  return memo(history, "latestOrder", asOf, () => computeLatestOrder(history, asOf));
}

function computeLatestOrder(history: History, asOf: string): OrderStanding | undefined {
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
      return {
        on: e.on,
        event: e,
        reason: `the motion to ${e.kind} was granted on ${e.on}, which vacates the order`,
      };
    }
    if (e.type === "appeal.decided" && e.forum === "BIA" && e.outcome === "sustained") {
      return { on: e.on, event: e, reason: `the BIA sustained the appeal on ${e.on}` };
    }
    if (e.type === "appeal.decided" && e.forum === "circuit" && e.outcome !== "dismissed") {
      return {
        on: e.on,
        event: e,
        reason: `the court of appeals ${e.outcome} the petition for review on ${e.on}`,
      };
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
  return memo(history, "currentOrder", asOf, () => computeCurrentOrder(history, asOf));
}

function computeCurrentOrder(history: History, asOf: string): Indexed<OrderEvent> | undefined {
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

/** The BIA appeal of the order itself: the first one received after it and before any motion was decided. */
export function orderAppeal(history: History, asOf: string, order: Indexed<OrderEvent>) {
  // Memoized only for an order of this record (the usual case: currentOrder or latestOrder).
  return known(history, asOf)[order.index]?.event === order.event
    ? memo(history, "orderAppeal", `${asOf}|${order.index}`, () => computeOrderAppeal(history, asOf, order))
    : computeOrderAppeal(history, asOf, order);
}

function computeOrderAppeal(history: History, asOf: string, order: Indexed<OrderEvent>) {
  const events = known(history, asOf);
  const firstMotionDecision =
    after(events, order.index, "motion.decided")[0]?.index ?? Number.POSITIVE_INFINITY;
  const received = after(events, order.index, "appeal.received").find(
    (x) => x.event.forum === "BIA" && x.index < firstMotionDecision,
  );
  const decided = received
    ? after(events, received.index, "appeal.decided").find((x) => x.event.forum === "BIA")
    : undefined;
  return { received, decided };
}

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
  return memoWithConfig(history, config, "orderFinality", asOf, () =>
    computeOrderFinality(history, config, asOf),
  );
}

function computeOrderFinality(history: History, config: LawConfig, asOf: string): OrderFinality {
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
    facts.push(
      `appeal.received ${received.event.on}${received.event.at ? ` ${received.event.at}` : ""} (BIA)`,
    );
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
