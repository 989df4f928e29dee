/** What precedes a case: entry, status grants, charges and convictions, all dated before it starts. */
import { dayNumber, isoDay } from "./days.js";
import type { CaseContext } from "./history.js";
import type { Overlays } from "./proceedings.js";

const DACA_CUTOFF = dayNumber("2007-06-01");
export const crimes = [
  ["drug", 3],
  ["theft", 3],
  ["dui", 2],
  ["assault", 2],
  ["aggravated_felony", 1],
] as const;
export const mandatoryCrimes = new Set(["drug", "theft", "aggravated_felony"]);

/** Entry events, convictions and status grants that precede the case, written before `start`. */
export function prior(
  c: CaseContext,
  start: number,
  birthDay: number,
  o: Overlays,
  daysBefore: [number, number],
  /** Recent border crossers and people who came back after removal entered without inspection. */
  withoutInspection = false,
): void {
  const { h, rng } = c;
  let entryDay = Math.max(start - rng.int(daysBefore[0], daysBefore[1]), birthDay + 30);
  if (o.status === "daca") {
    entryDay = Math.min(birthDay + rng.int(365, 15 * 365), DACA_CUTOFF - rng.int(0, 300));
    if (entryDay <= birthDay) entryDay = birthDay + 30;
  }
  const manner =
    o.status === "daca" || withoutInspection
      ? "ewi"
      : rng.weighted([["ewi", 65] as const, ["admitted", 25] as const, ["parole", 10] as const]);
  const cls = manner === "admitted" ? { class: rng.pick(["B-2", "B-2", "F-1", "H-2A"]) } : {};
  h.day = entryDay;
  h.add({ on: h.on, type: "entry", manner, ...cls });
  c.entry = { on: h.on, manner, ...cls };
  if (o.status) {
    h.day = Math.max(h.day + 30, start - rng.int(30, 900));
    const country = o.status === "tps" ? { country: c.cit } : {};
    h.add({
      on: h.on,
      type: "status.granted",
      kind: o.status,
      ...country,
      validUntil: isoDay(h.day + (o.status === "tps" ? 540 : 730)),
    });
  }
  h.day = Math.max(h.day, start);
}

/** A charge and conviction between the last prior event and the start of the case. */
export function conviction(c: CaseContext, start: number, category: string): void {
  const { h } = c;
  const last = h.events.length ? dayNumber(h.events[h.events.length - 1].on) : start - 700;
  h.day = Math.max(last, start - h.rng.int(200, 700));
  h.add({ on: h.on, type: "charge.filed", category });
  h.day = Math.max(h.day, Math.min(h.day + h.rng.int(40, 180), start - 1));
  h.add({ on: h.on, type: "conviction", category });
  h.day = Math.max(h.day, start);
}
