/**
 * Status records for STAT-01..03 (and CONF-06/07): the latest grant of each
 * status kind, whether a later status.ended closed it, and whether it is
 * valid on a date. A grant with no `validUntil` has unknown validity: the
 * rules decide how to fail closed on that.
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import type { History } from "../types.js";
import { eventsOf } from "./removal.js";

export type StatusKind = EventOf<"status.granted">["kind"];

export interface StatusRecord {
  grant: EventOf<"status.granted">;
  /** A status.ended of the same kind recorded after the grant. */
  ended?: EventOf<"status.ended">;
}

/** The latest grant of `kind` (by history order) and its ending, if any. */
export function statusRecord(events: readonly CaseEvent[], kind: StatusKind): StatusRecord | undefined {
  let record: StatusRecord | undefined;
  for (const e of events) {
    if (e.type === "status.granted" && e.kind === kind) record = { grant: e };
    else if (e.type === "status.ended" && e.kind === kind && record && !record.ended) record.ended = e;
  }
  return record;
}

export type Validity = "valid" | "expired" | "ended" | "unknown";

/** Valid on `date` (validUntil inclusive), expired, ended by a status.ended, or unknown (no end date recorded). */
export function validity(record: StatusRecord, date: string): Validity {
  if (record.ended) return "ended";
  const until = record.grant.validUntil;
  if (!until) return "unknown";
  return date <= until ? "valid" : "expired";
}

/** Applications by form: the latest application.filed of each form decides whether it is pending. */
export function pendingApplications(events: readonly CaseEvent[]): Map<string, EventOf<"application.filed">> {
  const latest = new Map<string, EventOf<"application.filed">>();
  for (const e of eventsOf(events, "application.filed")) latest.set(e.form.toUpperCase(), e);
  for (const [form, e] of latest) if (!e.pending) latest.delete(form);
  return latest;
}

/** Is there TPS designation litigation for `country` (or, when unknown, any of the person's countries)? */
export function designationLitigation(
  history: History,
  events: readonly CaseEvent[],
  country: string | undefined,
): EventOf<"designation.litigation"> | undefined {
  const countries = country ? [country] : (history.person.citizenship ?? []);
  return eventsOf(events, "designation.litigation")
    .filter((e) => e.kind.toLowerCase() === "tps" && countries.includes(e.country))
    .at(-1);
}

/** The date the person became an LPR (if no status.ended for LPR followed), or undefined. */
export function lprSince(history: History, events: readonly CaseEvent[]): string | undefined {
  const entry = history.person.entry;
  let lpr = entry?.class?.toUpperCase() === "LPR";
  let since = lpr ? entry?.on : undefined;
  for (const e of events) {
    if ((e.type === "lpr.admitted" || (e.type === "status.granted" && e.kind === "lpr")) && !lpr) {
      lpr = true;
      since = e.on;
    }
    if (e.type === "status.ended" && e.kind === "lpr") {
      lpr = false;
      since = undefined;
    }
  }
  return lpr ? (since ?? "an unrecorded date") : undefined;
}
