/**
 * The final gate (RULES.md EXE-05), shared by every step that checks a
 * manifest: adding a person, locking, boarding, and an event recorded on a
 * person's case. It asks the law engine about each person against the
 * person's current history and strikes anyone no longer allowed, keeping the
 * reasons and alerting the officer in charge. It never decides a person may
 * travel on its own: only the engine's verdict does.
 */
import { randomUUID } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { effectiveEvents, type StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { DEFAULT_TZ } from "../../law/calendar/calendar.js";
import { evaluate } from "../../law/engine.js";
import {
  type Action,
  type Finding,
  type Outcome,
  type PolicySetting,
  severity,
  type Verdict,
} from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import {
  type CaseRowM,
  type GateEntry,
  type GateEventRow,
  insertAlerts,
  loadPeopleAndEvents,
  type MovementRow,
  recordChecks,
  updateEntry,
} from "../../store/repositories/movements.js";
import { listCourts, listOffices } from "../../store/repositories/reference.js";
import { getSetting } from "../../store/repositories/settings.js";
import { type AppContext, today } from "../context.js";
import { type LawInputs, lawInputsFrom } from "../law-inputs.js";

/** The same instant as a local date-time in another zone (a boarding time kept in the flight's zone, read in the custody zone). */
export function restamp(localDateTime: string, fromTz: string, toTz: string): string {
  if (fromTz === toTz) return localDateTime;
  const instant = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(fromTz);
  return instant.withTimeZone(toTz).toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** What the gate needs to know about a movement. */
export type GateMovement = Pick<MovementRow, "country" | "departOn" | "tz" | "boardingCompletedAt">;

/**
 * The action the law engine is asked. Before boarding: `manifest.add` as of
 * today for a removal on the departure date. After boarding: `flight.depart`
 * with the boarding-completion time, read in the custody time zone (STAY-05
 * compares it with when a stay reached the agency), as of today or the
 * boarding date, whichever is later, so that every recorded fact is known.
 */
export function gateAction(m: GateMovement, on: string, custodyTz: string = DEFAULT_TZ): Action {
  if (m.boardingCompletedAt) {
    const stamp = restamp(m.boardingCompletedAt, m.tz, custodyTz);
    const boardedOn = stamp.slice(0, 10);
    return {
      type: "flight.depart",
      on: boardedOn > on ? boardedOn : on,
      boardingCompletedAt: stamp,
      country: m.country,
      date: m.departOn,
    };
  }
  return { type: "manifest.add", on, country: m.country, date: m.departOn };
}

/**
 * A supervisor's approval of a REVIEW (issue 3 point 3), kept on the manifest entry it let through:
 * the review, the action it approved, the rules whose REVIEW findings the supervisor saw, and the
 * written reason.
 */
export interface ReviewApproval {
  reviewId: string;
  action: string;
  rules: string[];
  reason: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

const NONE: ReadonlySet<string> = new Set();

/** The rules whose REVIEW findings the entry's approvals cover (anything unreadable covers nothing). */
export function approvedRules(stored: unknown): ReadonlySet<string> {
  if (!Array.isArray(stored)) return NONE;
  const rules = new Set<string>();
  for (const a of stored as Partial<ReviewApproval>[])
    if (a && Array.isArray(a.rules)) for (const r of a.rules) if (typeof r === "string") rules.add(r);
  return rules;
}

/** The rules of a verdict's REVIEW findings: what a supervisor approving it saw and decided. */
export function reviewRules(verdict: Pick<Verdict, "findings">): string[] {
  return [...new Set(verdict.findings.filter((f) => f.outcome === "REVIEW").map((f) => f.rule))];
}

const rank = severity;
const worst = (outcomes: Outcome[]): Outcome =>
  outcomes.reduce<Outcome>((w, o) => (rank[o] > rank[w] ? o : w), "ALLOW");

/**
 * The verdict once approved REVIEW findings are set aside. Fails closed: a BLOCK stays a BLOCK, and a
 * verdict whose outcome its findings do not explain is taken as it is.
 */
export function residualOutcome(
  verdict: Pick<Verdict, "outcome" | "findings">,
  approved: ReadonlySet<string> = NONE,
): Outcome {
  if (verdict.outcome === "BLOCK" || approved.size === 0) return verdict.outcome;
  if (rank[worst(verdict.findings.map((f) => f.outcome))] < rank[verdict.outcome]) return verdict.outcome;
  return worst(
    verdict.findings.filter((f) => !(f.outcome === "REVIEW" && approved.has(f.rule))).map((f) => f.outcome),
  );
}

/**
 * Only ALLOW, or WARN whose warnings the officer acknowledged when adding the person, lets a person
 * stay on; a REVIEW finding counts as ALLOW only when a supervisor approved its rule for this entry.
 */
export function permits(
  verdict: Pick<Verdict, "outcome" | "findings">,
  acknowledged: boolean,
  approved: ReadonlySet<string> = NONE,
): boolean {
  const outcome = residualOutcome(verdict, approved);
  return outcome === "ALLOW" || (outcome === "WARN" && acknowledged);
}

/** The findings that keep a person off: every BLOCK, every REVIEW not approved (and WARN when not acknowledged). */
export function refusingFindings(
  verdict: Verdict,
  acknowledged: boolean,
  approved: ReadonlySet<string> = NONE,
): Finding[] {
  return verdict.findings.filter(
    (f) =>
      f.outcome === "BLOCK" ||
      (f.outcome === "REVIEW" && !approved.has(f.rule)) ||
      (f.outcome === "WARN" && !acknowledged),
  );
}

export function reasonText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.rule} ${f.outcome}: ${f.message}`).join(" ");
}

function storedOf(rows: GateEventRow[] | undefined): StoredEvent[] {
  return (rows ?? []).map((r) => ({ seq: r.seq, event: r.body as CaseEvent }));
}

/** Law inputs (history and configuration) for many cases: five queries, whatever their number. */
export async function loadGateInputs(tx: Tx, rows: CaseRowM[]): Promise<Map<string, LawInputs>> {
  // One after the other: a transaction is one connection, and node-postgres will not queue queries on it.
  const loaded = await loadPeopleAndEvents(tx, rows);
  const courts = await listCourts(tx);
  const offices = await listOffices(tx);
  const closures = await getSetting<string[]>(tx, "law", "closures");
  const policy = await getSetting<Record<string, PolicySetting>>(tx, "law", "policy");
  const courtBy = new Map(courts.map((c) => [c.code, c]));
  const officeBy = new Map(offices.map((o) => [o.code, o]));
  const out = new Map<string, LawInputs>();
  for (const row of rows) {
    out.set(
      row.id,
      lawInputsFrom({
        person: loaded.persons.get(row.personId),
        stored: storedOf(loaded.events.get(row.id)),
        court: row.courtCode ? courtBy.get(row.courtCode) : undefined,
        office: officeBy.get(row.officeCode),
        closures,
        policy,
      }),
    );
  }
  return out;
}

/** True once the history shows the person left (a removal or a voluntary departure). */
export function hasDeparted(inputs: LawInputs): boolean {
  return effectiveEvents(inputs.stored).some((s) => s.event.type === "departure.verified");
}

export interface GateCheck {
  entry: GateEntry;
  action: Action;
  verdict: Verdict;
  allowed: boolean;
  /** The rules whose REVIEW findings a supervisor approved for this entry. */
  approved: ReadonlySet<string>;
}

/**
 * Pure: every entry's verdict at this gate. `extra` adds approvals not yet stored on the entries (the
 * review approved for the step being taken).
 */
export function checkEntries(
  movement: GateMovement,
  entries: readonly GateEntry[],
  inputs: ReadonlyMap<string, LawInputs>,
  on: string,
  extra: readonly string[] = [],
): GateCheck[] {
  return entries.map((entry) => {
    const li = inputs.get(entry.caseId);
    if (!li) throw new Error(`no law inputs loaded for case ${entry.caseId}`);
    const action = gateAction(movement, on, li.config.tz ?? DEFAULT_TZ);
    const verdict = evaluate(li.history, action, li.config, action.on);
    const stored = approvedRules(entry.reviewApproval);
    const approved = extra.length ? new Set([...stored, ...extra]) : stored;
    return { entry, action, verdict, approved, allowed: permits(verdict, entry.acknowledged, approved) };
  });
}

export interface StruckPerson {
  entryId: string;
  caseId: string;
  role: string;
  outcome: string;
  reasons: Finding[];
  message: string;
}

export interface GateResult {
  gate: string;
  checked: number;
  kept: number;
  struck: StruckPerson[];
}

/**
 * Runs the gate over the given entries and writes its result in the caller's
 * transaction: the latest verdict on every entry kept; anyone no longer
 * allowed struck with the reasons, and an alert to the officer in charge.
 */
export async function runGate(
  tx: Tx,
  ctx: AppContext,
  movement: MovementRow,
  entries: readonly GateEntry[],
  inputs: ReadonlyMap<string, LawInputs>,
  gate: string,
  struckBy: string,
): Promise<GateResult> {
  const now = ctx.now();
  const checks = checkEntries(movement, entries, inputs, today(ctx));
  const kept = checks.filter((c) => c.allowed);
  await recordChecks(
    tx,
    kept.map((c) => ({ id: c.entry.id, outcome: c.verdict.outcome, verdict: c.verdict })),
    gate,
    now,
  );
  const struck: StruckPerson[] = [];
  for (const c of checks) {
    if (c.allowed) continue;
    const reasons = refusingFindings(c.verdict, c.entry.acknowledged, c.approved);
    const message = `Struck from ${movement.number} at the ${gate} gate (${c.action.type} as of ${c.action.on}): ${reasonText(reasons)}`;
    await updateEntry(tx, c.entry.id, {
      status: "struck",
      struckAt: now,
      struckReason: { gate, by: struckBy, message, findings: reasons },
      lastGate: gate,
      lastOutcome: c.verdict.outcome,
      lastVerdict: c.verdict,
      lastCheckedAt: now,
    });
    struck.push({
      entryId: c.entry.id,
      caseId: c.entry.caseId,
      role: c.entry.role,
      outcome: c.verdict.outcome,
      reasons,
      message,
    });
  }
  await insertAlerts(
    tx,
    struck.map((s) => ({
      id: randomUUID(),
      movementId: movement.id,
      entryId: s.entryId,
      caseId: s.caseId,
      officerId: movement.officerInCharge,
      gate,
      message: s.message,
      findings: s.reasons,
      createdAt: now,
    })),
  );
  return { gate, checked: checks.length, kept: kept.length, struck };
}
