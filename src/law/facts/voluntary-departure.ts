/**
 * The voluntary-departure grant behind the current order (VD-01..06), on top
 * of the FIN facts of src/law/facts/orders.ts (vdTerms, orderFinality): its
 * stage, statutory maximum and the events that ended it.
 */
import type { CaseEvent } from "../../domain/events.js";
import type { History, LawConfig } from "../types.js";
import { currentOrder, type Indexed, type OrderEvent, orderAppeal, type VdTerms, vdTerms } from "./orders.js";

export type VdStage = "pre" | "post";

/** INA 240B(a)(2)(A): 120 days before the conclusion of proceedings; 240B(b)(2): 60 days at the conclusion. */
export const vdMaximumDays: Record<VdStage, number> = { pre: 120, post: 60 };

export interface VdGrant {
  order: Indexed<OrderEvent>;
  /** Undefined when the record does not say; a bond implies post-conclusion VD. */
  stage?: VdStage;
  /** The statutory maximum that applies (the stricter 60 days when the stage is unknown). */
  maxDays: number;
  terms: VdTerms;
  /** A timely BIA appeal of the grant, received and not yet decided (the VD period is then for the BIA to reinstate). */
  appealPending?: string;
}

export function stageOf(o: OrderEvent): VdStage | undefined {
  if (o.vdStage) return o.vdStage;
  return (o.vdBond ?? 0) > 0 ? "post" : undefined;
}

/** The voluntary-departure grant that the current order carries, if any. */
export function currentVdGrant(history: History, config: LawConfig, asOf: string): VdGrant | undefined {
  const order = currentOrder(history, asOf);
  if (order?.event.kind !== "voluntary_departure") return undefined;
  const stage = stageOf(order.event);
  const { received, decided } = orderAppeal(history, asOf, order);
  return {
    order,
    stage,
    maxDays: stage ? vdMaximumDays[stage] : vdMaximumDays.post,
    terms: vdTerms(history, config, asOf, order),
    appealPending: received && !decided ? received.event.on : undefined,
  };
}

/** The bond was due and not posted by the due date (VD-02; Matter of Diaz-Ruacho). */
export function bondFailed(grant: VdGrant, asOf: string): boolean {
  const { bondDue, bondPosted } = grant.terms;
  if (!bondDue || bondDue >= asOf) return false;
  return !bondPosted || bondPosted > bondDue;
}

/** A VAWA indicator for the 240B(d)(2) exception: a 1367 flag or a pending I-360. */
export function vawaIndicator(events: readonly CaseEvent[]): CaseEvent | undefined {
  return events.find(
    (e) =>
      (e.type === "confidentiality.flag" && e.kind === "vawa_t_u_1367") ||
      (e.type === "application.filed" && e.form === "I-360"),
  );
}
