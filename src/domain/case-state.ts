/**
 * What a case "is now": a pure projection of its history. The stored
 * projection in `cases.state` is this function's output, rewritten in the
 * same transaction as each append, and a checker can recompute it.
 */
import type { CaseEvent } from "./events.js";

export interface StoredEvent {
  seq: number;
  event: CaseEvent;
  recordedBy?: string | null;
  recordedAt?: string;
}

export type Stage =
  | "intake"
  | "charged"
  | "in_proceedings"
  | "ordered"
  | "on_appeal"
  | "final_order"
  | "relief_granted"
  | "terminated"
  | "removed";

export const stages: readonly Stage[] = [
  "intake",
  "charged",
  "in_proceedings",
  "ordered",
  "on_appeal",
  "final_order",
  "relief_granted",
  "terminated",
  "removed",
];

export interface CaseState {
  stage: Stage;
  custody: "detained" | "released" | "never_detained";
  facilityCode: string | null;
  detainedSince: string | null;
  nextHearing: { date: string; time?: string; place?: string } | null;
  order: { kind: string; on: string; by: string; countries: string[] } | null;
  flags: string[];
  lastEventOn: string | null;
  eventCount: number;
}

/** The effective history: every event that no later correction superseded, in order. */
export function effectiveEvents(stored: readonly StoredEvent[]): StoredEvent[] {
  const superseded = new Set<number>();
  for (const s of stored) if (s.event.type === "event.superseded") superseded.add(s.event.supersedes);
  return stored.filter((s) => !superseded.has(s.seq) && s.event.type !== "event.superseded");
}

export function projectCase(stored: readonly StoredEvent[]): CaseState {
  const state: CaseState = {
    stage: "intake",
    custody: "never_detained",
    facilityCode: null,
    detainedSince: null,
    nextHearing: null,
    order: null,
    flags: [],
    lastEventOn: null,
    eventCount: stored.length,
  };
  const flags = new Set<string>();
  for (const { event: e } of effectiveEvents(stored)) {
    state.lastEventOn = e.on;
    switch (e.type) {
      case "nta.served":
        state.stage = "charged";
        if (e.hearing)
          state.nextHearing = { date: e.hearing.date, time: e.hearing.time, place: e.hearing.place };
        break;
      case "hearing.notice":
        if (state.stage === "charged" || state.stage === "intake") state.stage = "in_proceedings";
        state.nextHearing = { date: e.hearingDate };
        break;
      case "custody.booked":
      case "custody.transferred":
        if (state.custody !== "detained") state.detainedSince = e.on;
        state.custody = "detained";
        state.facilityCode = e.facility.code ?? null;
        break;
      case "custody.released":
        state.custody = "released";
        state.facilityCode = null;
        state.detainedSince = null;
        break;
      case "order.issued":
        state.order = { kind: e.kind, on: e.on, by: e.by, countries: e.countries ?? [] };
        state.nextHearing = null;
        state.stage =
          e.kind === "termination" ? "terminated" : e.kind === "relief" ? "relief_granted" : "ordered";
        if (e.inAbsentia || e.kind === "expedited_removal" || e.kind === "reinstatement")
          state.stage = "final_order";
        break;
      case "appeal.waived":
        if (state.stage === "ordered") state.stage = "final_order";
        break;
      case "appeal.received":
        state.stage = "on_appeal";
        break;
      case "appeal.decided":
        state.stage = e.outcome === "dismissed" ? "final_order" : "in_proceedings";
        break;
      case "motion.decided":
        if (e.kind === "reopen" && e.outcome === "granted") state.stage = "in_proceedings";
        break;
      case "protection.granted":
        state.stage = "relief_granted";
        flags.add(`protection:${e.kind}:${e.country}`);
        break;
      case "stay.granted":
        flags.add("stay");
        break;
      case "stay.ended":
        flags.delete("stay");
        break;
      case "confidentiality.flag":
        flags.add(`confidential:${e.kind}`);
        break;
      case "citizenship.claimed":
        flags.add("citizenship_claim");
        break;
      case "citizenship.determined":
        flags.delete("citizenship_claim");
        if (e.result === "usc") flags.add("us_citizen");
        break;
      case "departure.verified":
        state.stage = "removed";
        state.custody = "released";
        state.facilityCode = null;
        break;
      default:
        break;
    }
  }
  state.flags = [...flags].sort();
  return state;
}
