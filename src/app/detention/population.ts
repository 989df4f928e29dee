/**
 * Population over time, derived from custody events alone (pure). A person
 * counts at a facility at the end of day d when their last custody event on or
 * before d placed them there: booked or transferred in, not yet released,
 * removed or transferred out. Superseded events are left out, exactly as the
 * case projection leaves them out, so the series ends on the same numbers as
 * the occupancy the projections give.
 */
import { effectiveEvents, type StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { addDays } from "../../law/calendar/calendar.js";

export interface CustodySpan {
  facility: string;
  /** First day held there. */
  from: string;
  /** First day no longer held there; null while still held. */
  to: string | null;
}

/** A case's stays at named facilities, from its custody events (any others are ignored). */
export function custodySpans(stored: readonly StoredEvent[]): CustodySpan[] {
  const spans: CustodySpan[] = [];
  let open: CustodySpan | null = null;
  const close = (on: string) => {
    if (open) open.to = on;
    open = null;
  };
  for (const { event: e } of effectiveEvents(stored)) {
    if (e.type === "custody.booked" || e.type === "custody.transferred") {
      close(e.on);
      const code = e.facility.code;
      if (code) {
        open = { facility: code, from: e.on, to: null };
        spans.push(open);
      }
    } else if (e.type === "custody.released" || e.type === "departure.verified") close(e.on);
  }
  // A same-day move in and out leaves an empty span: it never counts at a day's end.
  return spans.filter((s) => s.to === null || s.to > s.from);
}

export interface DailySeries {
  days: string[];
  /** Facility code → people held at the end of each day. */
  byFacility: Map<string, number[]>;
}

/** People held per facility at the end of each of `days` days ending `asOf`. */
export function dailyPopulation(
  casesEvents: Iterable<{ caseId: string; events: StoredEvent[] }>,
  asOf: string,
  days: number,
): DailySeries {
  const first = addDays(asOf, -(days - 1));
  const dayList = Array.from({ length: days }, (_, i) => addDays(first, i));
  const index = new Map(dayList.map((d, i) => [d, i]));
  // Difference arrays: +1 on the first counted day, -1 on the first day no longer counted.
  const diffs = new Map<string, number[]>();
  for (const { events } of casesEvents) {
    for (const s of custodySpans(events)) {
      if (s.to !== null && s.to <= first) continue;
      if (s.from > asOf) continue;
      const d = diffs.get(s.facility) ?? new Array(days + 1).fill(0);
      diffs.set(s.facility, d);
      d[s.from <= first ? 0 : (index.get(s.from) as number)]++;
      if (s.to !== null && s.to <= asOf) d[index.get(s.to) as number]--;
    }
  }
  const byFacility = new Map<string, number[]>();
  for (const [facility, d] of diffs) {
    let run = 0;
    byFacility.set(
      facility,
      dayList.map((_, i) => {
        run += d[i];
        return run;
      }),
    );
  }
  return { days: dayList, byFacility };
}

/** Groups custody event rows (ordered by case, then seq) into per-case histories. */
export function groupByCase(rows: readonly { caseId: string; seq: number; body: unknown }[]) {
  const out = new Map<string, StoredEvent[]>();
  for (const r of rows) {
    const list = out.get(r.caseId) ?? [];
    list.push({ seq: r.seq, event: r.body as CaseEvent });
    out.set(r.caseId, list);
  }
  return [...out].map(([caseId, events]) => ({ caseId, events }));
}
