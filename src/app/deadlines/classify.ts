/**
 * Which of a case's deadlines need someone's attention as of a date: due
 * within a window (default 7 days) or overdue. Pure.
 *
 * The engine returns every deadline the facts imply, including ones long
 * past (an appeal window that closed in 2023). A passed deadline counts as
 * overdue only within a look-back window (default 30 days): older ones are
 * history, and a task opened while it was live stays open until done.
 * Milestones (the first day something becomes possible: earliest hearing,
 * earliest execution, end of a bar, accrued presence) are shown while they
 * are upcoming and never become overdue: passing them misses nothing.
 */

import { addDays, daysBetween } from "../../law/calendar/calendar.js";
import type { Deadline } from "../../law/types.js";

export const milestoneKinds: ReadonlySet<string> = new Set([
  "hearing.earliest",
  "administrative_order.earliest_execution",
  "vd.alternate_order_effective",
  "vd.bar_ends",
  "continuous_presence.10yr",
  "continuous_presence.7yr",
]);

export interface SweepWindow {
  asOf: string;
  /** Due within this many days from asOf (inclusive). */
  withinDays: number;
  /** Overdue when passed at most this many days before asOf. */
  overdueDays: number;
}

export type Urgency = "overdue" | "due";

export interface DueItem {
  kind: string;
  due: string;
  rule: string;
  urgency: Urgency;
  /** Days from asOf to the due date (negative when overdue). */
  daysLeft: number;
  note?: string;
}

/** The date part of a due ("2025-07-02" or "2025-07-02T15:10"). */
export const dueDate = (due: string) => due.slice(0, 10);

export function classifyDeadline(d: Deadline, w: SweepWindow): DueItem | null {
  const day = dueDate(d.due);
  const daysLeft = daysBetween(w.asOf, day);
  let urgency: Urgency | null = null;
  if (daysLeft >= 0 && day <= addDays(w.asOf, w.withinDays)) urgency = "due";
  else if (daysLeft < 0 && -daysLeft <= w.overdueDays && !milestoneKinds.has(d.kind)) urgency = "overdue";
  if (!urgency) return null;
  return { kind: d.kind, due: d.due, rule: d.rule, urgency, daysLeft, ...(d.note ? { note: d.note } : {}) };
}

/** The stable task key of a deadline: a re-sweep finds the same task rather than adding one. */
export const deadlineKey = (d: { kind: string; due: string }) => `deadline:${d.kind}:${d.due}`;

export function dueItems(deadlines: readonly Deadline[], w: SweepWindow): DueItem[] {
  return deadlines
    .map((d) => classifyDeadline(d, w))
    .filter((d): d is DueItem => d !== null)
    .sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
}
