/**
 * The integrity checks as pure functions over one case (or one person's
 * stays): a finding says what is wrong and names the case it concerns.
 */
import { canonicalJson } from "../../domain/audit-hash.js";
import { type CaseState, effectiveEvents, projectCase, type StoredEvent } from "../../domain/case-state.js";
import { daysBetween } from "../../law/calendar/calendar.js";
import type { Deadline } from "../../law/types.js";
import type { CustodyStay } from "../analytics/facts.js";
import { dueItems } from "../deadlines/classify.js";

export const checkKinds = ["stuck", "projection", "deadline", "two-facilities"] as const;
export type CheckKind = (typeof checkKinds)[number];

export interface Finding {
  check: CheckKind;
  caseId: string;
  caseNumber: string;
  officeCode: string;
  /** Where the case is in the web app. */
  path: string;
  message: string;
}

export interface CaseRef {
  id: string;
  number: string;
  officeCode: string;
}

const finding = (check: CheckKind, c: CaseRef, message: string): Finding => ({
  check,
  caseId: c.id,
  caseNumber: c.number,
  officeCode: c.officeCode,
  path: `/cases/${encodeURIComponent(c.number)}`,
  message,
});

/**
 * Days without any event after which a case at a stage that expects one is
 * stuck: intake awaits charging, a charged case its hearing notice, an
 * ordered case an appeal or waiver within 30 days, a final order removal
 * (90-day removal period when detained). Terminal stages expect nothing.
 */
export const stuckAfterDays: Partial<Record<CaseState["stage"], number>> = {
  intake: 30,
  charged: 90,
  in_proceedings: 365,
  ordered: 60,
  on_appeal: 365,
  final_order: 180,
};

export function checkStuck(
  c: CaseRef,
  state: CaseState,
  asOf: string,
  overrideDays?: number,
): Finding | null {
  const limit = stuckAfterDays[state.stage];
  if (limit === undefined || !state.lastEventOn) return null;
  const days = overrideDays ?? (state.stage === "final_order" && state.custody === "detained" ? 90 : limit);
  const idle = daysBetween(state.lastEventOn, asOf);
  if (idle <= days) return null;
  return finding(
    "stuck",
    c,
    `no event for ${idle} days at stage ${state.stage} (last ${state.lastEventOn}; expected something within ${days})`,
  );
}

export interface StoredRow {
  stage: string;
  state: unknown;
  facilityCode: string | null;
  lastEventOn: string | null;
  eventCount: number;
}

/** The stored projection against projectCase of the stored events: which fields disagree. */
export function checkProjection(c: CaseRef, row: StoredRow, stored: readonly StoredEvent[]): Finding | null {
  const fresh = projectCase(stored);
  const kept = (row.state ?? {}) as Record<string, unknown>;
  const diffs: string[] = [];
  for (const k of Object.keys(fresh) as (keyof CaseState)[])
    if (canonicalJson(kept[k] ?? null) !== canonicalJson(fresh[k] ?? null))
      diffs.push(
        `state.${k} is ${canonicalJson(kept[k] ?? null)}, history gives ${canonicalJson(fresh[k] ?? null)}`,
      );
  if (row.stage !== fresh.stage) diffs.push(`stage column is ${row.stage}, history gives ${fresh.stage}`);
  if ((row.facilityCode ?? null) !== fresh.facilityCode)
    diffs.push(
      `facility_code column is ${row.facilityCode ?? "null"}, history gives ${fresh.facilityCode ?? "null"}`,
    );
  if ((row.lastEventOn ?? null) !== fresh.lastEventOn)
    diffs.push(
      `last_event_on column is ${row.lastEventOn ?? "null"}, history gives ${fresh.lastEventOn ?? "null"}`,
    );
  if (row.eventCount !== stored.length)
    diffs.push(`event_count is ${row.eventCount}, history has ${stored.length}`);
  return diffs.length
    ? finding("projection", c, `projection disagrees with history: ${diffs.join("; ")}`)
    : null;
}

/**
 * Deadlines past due (within the look-back window the sweep uses) with no
 * action since: no effective event dated on or after the due day, and no
 * task for it marked done.
 */
export function checkDeadlines(
  c: CaseRef,
  deadlines: readonly Deadline[],
  stored: readonly StoredEvent[],
  doneKeys: ReadonlySet<string>,
  asOf: string,
  overdueDays: number,
): Finding[] {
  const events = effectiveEvents(stored).map((s) => s.event.on);
  const out: Finding[] = [];
  for (const d of dueItems(deadlines, { asOf, withinDays: 0, overdueDays })) {
    if (d.urgency !== "overdue") continue;
    const day = d.due.slice(0, 10);
    if (events.some((on) => on >= day)) continue;
    if (doneKeys.has(`deadline:${d.kind}:${d.due}`)) continue;
    out.push(
      finding(
        "deadline",
        c,
        `${d.kind} (${d.rule}) was due ${d.due}, ${-d.daysLeft} days ago, and nothing has happened since`,
      ),
    );
  }
  return out;
}

export interface PersonStay extends CustodyStay {
  case: CaseRef;
}

/** One person held in two facilities at once: stays of their cases at different facilities that overlap. */
export function checkTwoFacilities(stays: readonly PersonStay[], asOf: string): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < stays.length; i++)
    for (let j = i + 1; j < stays.length; j++) {
      const a = stays[i];
      const b = stays[j];
      if (a.case.id === b.case.id || a.facilityCode === b.facilityCode) continue;
      const aEnd = a.to ?? "9999-12-31";
      const bEnd = b.to ?? "9999-12-31";
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
      const from = a.from > b.from ? a.from : b.from;
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
      const to = aEnd < bEnd ? aEnd : bEnd;
      if (from >= to || from > asOf) continue;
      const msg = (x: PersonStay, y: PersonStay) =>
        `the same person is detained at ${x.facilityCode ?? "an unrecorded facility"} (this case, since ${x.from}) and at ${y.facilityCode ?? "an unrecorded facility"} (case ${y.case.number}, since ${y.from}) from ${from}${to === "9999-12-31" ? " to now" : ` to ${to}`}`;
      out.push(finding("two-facilities", a.case, msg(a, b)), finding("two-facilities", b.case, msg(b, a)));
    }
  return out;
}
