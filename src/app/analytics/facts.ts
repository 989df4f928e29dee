/**
 * What the dashboard needs to know about one case, derived from its stored
 * history alone (history is the truth): custody stays, stage spans, law-engine
 * outcomes and placements. Pure; the same rules as projectCase, so a stay
 * here and the stored projection agree unless the projection is wrong (which
 * `immos check` reports).
 */
import { effectiveEvents, projectCase, type Stage, type StoredEvent } from "../../domain/case-state.js";

/** A stay in custody at one facility: from `from` (inclusive) to `to` (exclusive; null = still there). */
export interface CustodyStay {
  facilityCode: string | null;
  from: string;
  to: string | null;
  /** seq of the event that began the stay. */
  seq: number;
}

export interface StageSpan {
  stage: Stage;
  from: string;
  /** The date the case left the stage; null while it is still there. */
  to: string | null;
}

export type OutcomeKind = "blocked" | "review" | "approved" | "denied";

export interface OutcomeEvent {
  kind: OutcomeKind;
  on: string;
  seq: number;
  action: string;
  /** For blocked: the rules named in the event; for reviews: filled from the review's verdict. */
  rules: string[];
  reviewId?: string;
}

/** A move into a facility: a first booking, or a transfer from another facility. */
export interface Placement {
  kind: "booking" | "transfer";
  on: string;
  seq: number;
  facilityCode: string | null;
  fromFacilityCode: string | null;
}

export interface HistoryFacts {
  stays: CustodyStay[];
  spans: StageSpan[];
  outcomes: OutcomeEvent[];
  placements: Placement[];
}

export function historyFacts(stored: readonly StoredEvent[]): HistoryFacts {
  const effective = effectiveEvents(stored);
  const stays: CustodyStay[] = [];
  const placements: Placement[] = [];
  const outcomes: OutcomeEvent[] = [];
  const spans: StageSpan[] = [];
  let open: CustodyStay | null = null;
  const close = (on: string) => {
    if (open) open.to = on;
    open = null;
  };
  for (let i = 0; i < effective.length; i++) {
    const { seq, event: e } = effective[i];
    switch (e.type) {
      case "custody.booked":
      case "custody.transferred": {
        const code = e.facility.code ?? null;
        const from: string | null = open ? (open as CustodyStay).facilityCode : null;
        const wasDetained = open !== null;
        close(e.on);
        open = { facilityCode: code, from: e.on, to: null, seq };
        stays.push(open);
        placements.push({
          kind: wasDetained ? "transfer" : "booking",
          on: e.on,
          seq,
          facilityCode: code,
          fromFacilityCode: from,
        });
        break;
      }
      case "custody.released":
      case "departure.verified":
        close(e.on);
        break;
      case "action.blocked":
        outcomes.push({ kind: "blocked", on: e.on, seq, action: e.action, rules: [...e.rules] });
        break;
      case "review.requested":
        outcomes.push({ kind: "review", on: e.on, seq, action: e.action, rules: [], reviewId: e.reviewId });
        break;
      case "review.decided":
        outcomes.push({ kind: e.decision, on: e.on, seq, action: "", rules: [], reviewId: e.reviewId });
        break;
      default:
        break;
    }
  }
  // Stage spans: the projection after each effective event; a new span whenever the stage changes.
  for (let i = 0; i < effective.length; i++) {
    const stage = projectCase(effective.slice(0, i + 1)).stage;
    const on = effective[i].event.on;
    const last = spans.at(-1);
    if (!last) spans.push({ stage, from: on, to: null });
    else if (last.stage !== stage) {
      last.to = on;
      spans.push({ stage, from: on, to: null });
    }
  }
  // A stay that begins and ends the same day holds no one overnight: kept (it is a record) but zero-length.
  return { stays, spans, outcomes, placements };
}

/** Whether a stay covers a day: detained at the start of `day` or booked on it and not released that day. */
export function stayCovers(s: CustodyStay, day: string): boolean {
  return s.from <= day && (s.to === null || s.to > day);
}
