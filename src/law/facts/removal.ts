/**
 * Shared facts about a removal action and the order behind it, for the PROT,
 * CIT, STAT, EXE and CONF families: which actions count as removal, what the
 * fail-closed outcome is for an action (RULES.md §0.2.1), the destination and
 * the date of the planned removal, and the countries the order designates.
 */
import type { CaseEvent, EventOf, EventType } from "../../domain/events.js";
import type { Action, Finding, History, Outcome } from "../types.js";
import { isMemoList, memo, memoOnList } from "./memo.js";
import { currentOrder, type OrderEvent, removalOrderKinds } from "./orders.js";

/** The four removal actions of docs/scenarios.md. */
export const removalActions = [
  "removal.schedule",
  "removal.execute",
  "manifest.add",
  "flight.depart",
] as const;
/** Removal execution: fail-closed BLOCK (RULES.md §0.2.1; docs/dev/law-helpers.md). */
export const executionActions = ["removal.execute", "manifest.add", "flight.depart"] as const;

export function isRemoval(actionType: string): boolean {
  return (removalActions as readonly string[]).includes(actionType);
}

export function isExecution(actionType: string): boolean {
  return (executionActions as readonly string[]).includes(actionType);
}

/** §0.2.1: a fact the rule needs is missing → BLOCK for removal execution, REVIEW for anything else. */
export function failClosedOutcome(actionType: string): Outcome {
  return isExecution(actionType) ? "BLOCK" : "REVIEW";
}

/** Events known on `asOf`: a fact dated after the action is not yet known. */
export function knownEvents(history: History, asOf: string): CaseEvent[] {
  return memo(history, "knownEvents", asOf, () => history.events.filter((e) => e.on <= asOf));
}

/**
 * The events of one type, in order. Rules ask this of the same known-events
 * list dozens of times per verdict; for a list the memo keeps (the history's
 * own events, or knownEvents(...)), the list is split by type once and each
 * ask is a lookup. The lists handed out are shared: callers only read them.
 */
export function eventsOf<T extends EventType>(events: readonly CaseEvent[], type: T): EventOf<T>[] {
  if (!isMemoList(events)) return events.filter((e): e is EventOf<T> => e.type === type);
  const byType = memoOnList(events, "eventsByType", "", () => indexByType(events));
  return (byType.get(type) ?? noEvents) as EventOf<T>[];
}

const noEvents: CaseEvent[] = [];
Object.freeze(noEvents);

function indexByType(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const byType = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  return byType;
}

export function lastOf<T extends EventType>(events: readonly CaseEvent[], type: T): EventOf<T> | undefined {
  const all = eventsOf(events, type);
  return all[all.length - 1];
}

/** The planned removal date: `date` for a scheduled removal, otherwise the action's own date. */
export function removalDate(action: Action): string {
  return typeof action.date === "string" && /^\d{4}-\d{2}-\d{2}/.test(action.date)
    ? action.date.slice(0, 10)
    : action.on;
}

/** The destination of a removal action, upper-cased, or undefined if the action names none. */
export function destinationOf(action: Action): string | undefined {
  return typeof action.country === "string" && action.country.length > 0
    ? action.country.toUpperCase()
    : undefined;
}

/**
 * Arranged onward destinations and transit stops (PROT-01: "destination or an
 * arranged onward destination"). The shared format has no field for them; an
 * action may list them in `onwardCountries` or `transit`.
 */
export function onwardCountriesOf(action: Action): string[] {
  const out: string[] = [];
  for (const field of ["onwardCountries", "transit"]) {
    const v = action[field];
    if (Array.isArray(v)) for (const c of v) if (typeof c === "string") out.push(c.toUpperCase());
  }
  return out;
}

/**
 * Countries designated for removal (8 CFR 1240.12(d)): the operative order's
 * primary and alternative countries. A summary order that designates none
 * (reinstatement) inherits the designation of the earlier order it rests on.
 */
export function designatedCountries(
  history: History,
  asOf: string,
): { countries: string[]; order?: OrderEvent } {
  return memo(history, "designatedCountries", asOf, () => computeDesignatedCountries(history, asOf));
}

function computeDesignatedCountries(
  history: History,
  asOf: string,
): { countries: string[]; order?: OrderEvent } {
  const current = currentOrder(history, asOf);
  if (!current) return { countries: [] };
  const order = current.event;
  const own = [...(order.countries ?? []), ...(order.alternativeCountries ?? [])];
  if (own.length) return { countries: own, order };
  const earlier = knownEvents(history, asOf)
    .filter((e): e is OrderEvent => e.type === "order.issued" && removalOrderKinds.has(e.kind))
    .filter((o) => o !== order && o.on <= order.on);
  const prior = earlier[earlier.length - 1];
  return {
    countries: prior ? [...(prior.countries ?? []), ...(prior.alternativeCountries ?? [])] : [],
    order,
  };
}

/** Counsel of record: the person is marked represented, or an EOIR-28/G-28 is on file and not withdrawn. */
export function hasCounsel(history: History, events: readonly CaseEvent[]): boolean {
  let counsel = history.person.represented === true;
  for (const e of events) {
    if (e.type === "counsel.appeared") counsel = true;
    if (e.type === "counsel.withdrawn") counsel = false;
  }
  return counsel;
}

/** "order.issued 2025-06-02 (IJ, removal, SV)" – the fact as an officer reads it. */
const describedFields = [
  "by",
  "kind",
  "form",
  "country",
  "result",
  "outcome",
  "process",
  "source",
  "location",
];

export function describeEvent(e: CaseEvent): string {
  const parts: string[] = [];
  for (const key of describedFields) {
    const v = (e as Record<string, unknown>)[key];
    if (typeof v === "string") parts.push(v);
  }
  if (e.type === "order.issued" && e.countries?.length) parts.push(e.countries.join("/"));
  if ("validUntil" in e && typeof e.validUntil === "string") parts.push(`valid until ${e.validUntil}`);
  return `${e.type} ${e.on}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/** A finding of one of these families; the message names the rule, as the officer's screen shows it. */
export function ruleFinding(
  rule: { id: string; citation: string },
  outcome: Outcome,
  message: string,
  extra: { facts?: string[]; remedy?: string } = {},
): Finding {
  const f: Finding = { rule: rule.id, outcome, citation: rule.citation, message: `${rule.id}: ${message}` };
  if (extra.facts?.length) f.facts = [...new Set(extra.facts)];
  if (extra.remedy && (outcome === "BLOCK" || outcome === "REVIEW")) f.remedy = extra.remedy;
  return f;
}
