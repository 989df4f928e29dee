/**
 * Building blocks for the order facts (src/law/facts/orders.ts): the order
 * kinds, events known on a date with their positions, motions paired with
 * their decisions, and the shapes the finality answer uses. Import from
 * orders.ts, which re-exports all of this.
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import type { History } from "../types.js";
import { memo } from "./memo.js";

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

/** The events known on `asOf`, in history order, with their positions. */
export function known(history: History, asOf: string): Indexed[] {
  return memo(history, "known", asOf, () => computeKnown(history, asOf));
}

function computeKnown(history: History, asOf: string): Indexed[] {
  const out: Indexed[] = [];
  history.events.forEach((event) => {
    if (event.on <= asOf) out.push({ event, index: out.length });
  });
  return out;
}

export function eventsAfter<T extends CaseEvent["type"]>(
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

export const describeOrderFact = (e: CaseEvent) => {
  const extra =
    e.type === "order.issued" ? ` (${e.by}, ${e.kind}${e.inAbsentia ? ", in absentia" : ""})` : "";
  return `${e.type} ${e.on}${extra}`;
};

/** A motion with the decision that disposed of it (motions and decisions of a kind are paired in order). */
export interface MotionRecord {
  received: Indexed<MotionReceived>;
  decided?: Indexed<MotionDecided>;
}

/** Every motion to reopen or reconsider known on `asOf`, each paired with its decision if there is one. */
export function motions(history: History, asOf: string): MotionRecord[] {
  return memo(history, "motions", asOf, () => computeMotions(history, asOf));
}

function computeMotions(history: History, asOf: string): MotionRecord[] {
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
