/**
 * The kinds of case the demo holds, each a path through the lifecycle:
 * arrested and charged, charged by mail, family units, unaccompanied
 * children, expedited removal at the border, reinstatement (and
 * withholding-only), administrative removal under 238(b), and old
 * pre-1997 deportation orders.
 */
import type { CaseEvent } from "../domain/events.js";
import { dayNumber, isoDay } from "./days.js";
import { type CaseContext, hearingDay, hearingPlace } from "./history.js";
import { arrestAndBook, custodyDecision, release, serveNta } from "./custody.js";
import { type Overlays, proceedings } from "./proceedings.js";
import { removeFromFacility } from "./removal.js";

export type Track = "arrest" | "referral" | "family" | "uac" | "expedited" | "reinstatement" | "admin238b" | "pre1997";

export const trackWeights: readonly (readonly [Track, number])[] = [
  ["arrest", 28],
  ["referral", 25],
  ["family", 5],
  ["uac", 3],
  ["expedited", 13],
  ["reinstatement", 8],
  ["admin238b", 3],
  ["pre1997", 2],
];

const DACA_CUTOFF = dayNumber("2007-06-01");
const crimes = [
  ["drug", 3],
  ["theft", 3],
  ["dui", 2],
  ["assault", 2],
  ["aggravated_felony", 1],
] as const;
const mandatoryCrimes = new Set(["drug", "theft", "aggravated_felony"]);

/** Entry events, convictions and status grants that precede the case, written before `start`. */
function prior(c: CaseContext, start: number, birthDay: number, o: Overlays, daysBefore: [number, number]): void {
  const { h, rng } = c;
  let entryDay = Math.max(start - rng.int(daysBefore[0], daysBefore[1]), birthDay + 30);
  if (o.status === "daca") {
    entryDay = Math.min(birthDay + rng.int(365, 15 * 365), DACA_CUTOFF - rng.int(0, 300));
    if (entryDay <= birthDay) entryDay = birthDay + 30;
  }
  const manner = o.status === "daca" ? "ewi" : rng.weighted([["ewi", 65] as const, ["admitted", 25] as const, ["parole", 10] as const]);
  const cls = manner === "admitted" ? { class: rng.pick(["B-2", "B-2", "F-1", "H-2A"]) } : {};
  h.day = entryDay;
  h.add({ on: h.on, type: "entry", manner, ...cls });
  c.entry = { on: h.on, manner, ...cls };
  if (o.status) {
    h.day = Math.max(h.day + 30, start - rng.int(30, 900));
    const country = o.status === "tps" ? { country: c.cit } : {};
    h.add({ on: h.on, type: "status.granted", kind: o.status, ...country, validUntil: isoDay(h.day + (o.status === "tps" ? 540 : 730)) });
  }
  h.day = Math.max(h.day, start);
}

function conviction(c: CaseContext, start: number, category: string): void {
  const { h } = c;
  h.day = Math.max(h.day, start - h.rng.int(200, 700));
  h.add({ on: h.on, type: "charge.filed", category });
  h.day = Math.min(h.day + h.rng.int(40, 180), start - 1);
  h.add({ on: h.on, type: "conviction", category });
  h.day = start;
}

export function runTrack(c: CaseContext, track: Track, o: Overlays, start: number, birthDay: number): void {
  const { h, rng } = c;
  switch (track) {
    case "arrest": {
      prior(c, start, birthDay, o, [60, 12 * 365]);
      const crime = rng.chance(0.18) ? rng.weighted(crimes) : null;
      if (crime) conviction(c, start, crime);
      const mandatory = crime !== null && mandatoryCrimes.has(crime);
      arrestAndBook(c, { kind: "adult", authority: mandatory ? "236c" : "236a", location: crime ? "jail" : undefined });
      const decision = custodyDecision(c, mandatory);
      h.wait(0, rng.chance(0.25) ? 25 : 2); // some NTAs wait on record checks
      const first = serveNta(c, true);
      if (decision !== "detain") release(c, decision === "bond" ? "bond" : "recognizance", 0, decision === "bond" ? 9 : 2);
      return proceedings(c, o, first, decision === "detain");
    }
    case "referral": {
      prior(c, start, birthDay, o, [180, 15 * 365]);
      const method = rng.chance(0.5) ? "mail" : "personal";
      if (method === "personal") {
        const location = rng.weighted([["other", 5], ["traffic_stop", 2], ["courthouse", 1]] as const);
        h.add({ on: h.on, at: h.time(8, 17), tz: c.tz, type: "encounter", location, source: "officer" });
        h.wait(3, 60); // the NTA is prepared after the encounter
      }
      return proceedings(c, o, serveNta(c, false, method), false);
    }
    case "family": {
      prior(c, start, birthDay, o, [0, 3]);
      c.familyUnit = true;
      arrestAndBook(c, { kind: "family_residential", authority: "236a", location: "street", basis: "warrantless" });
      custodyDecision(c, false);
      const first = serveNta(c, true);
      release(c, "parole", 1, 15); // families are not held past about 20 days
      return proceedings(c, o, first, false);
    }
    case "uac": {
      prior(c, start, birthDay, o, [0, 2]);
      c.unaccompaniedChild = true;
      const location = rng.chance(0.5) ? "port_of_entry" : "street";
      const at = h.time(4, 12);
      h.add({ on: h.on, at, tz: c.tz, type: "encounter", location, source: "officer" });
      h.add({ on: h.on, at, tz: c.tz, type: "arrest", basis: "warrantless", location, reasonToBelieve: true });
      // Cast: events.ts's inferred type makes a required `at` (these two types) `undefined`; the schema parses it.
      h.add({ on: h.on, type: "uac.determined", at: h.time(12, 15), tz: c.tz } as unknown as CaseEvent);
      h.add({ on: h.on, type: "hhs.notified", at: h.time(15, 19), tz: c.tz } as unknown as CaseEvent);
      const facility = c.world.pickFacility(rng, c.office, "juvenile_licensed");
      c.facility = facility;
      h.add({ on: h.on, at: h.time(19, 23), tz: c.tz, type: "custody.booked", facility: { code: facility.code, kind: "juvenile_licensed" }, authority: "236a" });
      const first = serveNta(c, true);
      release(c, "recognizance", 10, 45); // released to a sponsor
      return proceedings(c, o, first, false);
    }
    case "expedited":
      return expedited(c, o, start, birthDay);
    case "reinstatement":
      return reinstatement(c, o, start, birthDay);
    case "admin238b": {
      c.kind = "administrative_238b";
      prior(c, start, birthDay, o, [900, 8 * 365]);
      conviction(c, start, "aggravated_felony");
      arrestAndBook(c, { kind: "adult", authority: "236c", location: "jail", basis: "i200" });
      custodyDecision(c, true);
      h.wait(14, 40); // the notice of intent and the time to answer it
      h.add({ on: h.on, type: "order.issued", by: "DHS", kind: "administrative_238b", delivery: "personal", countries: [c.cit] });
      h.wait(14, 20); // no execution for 14 days after the order
      return removeFromFacility(c);
    }
    case "pre1997":
      return pre1997(c, start, birthDay);
  }
}

function expedited(c: CaseContext, o: Overlays, start: number, birthDay: number): void {
  const { h, rng } = c;
  c.kind = "expedited_removal";
  prior(c, start, birthDay, { ...o, status: null }, [0, 13]);
  const family = c.age >= 20 && rng.chance(0.2);
  const location = rng.weighted([["street", 4], ["port_of_entry", 2], ["other", 1]] as const);
  arrestAndBook(c, { kind: family ? "family_residential" : "adult", authority: "235b", location, basis: "warrantless" });
  h.wait(0, 1);
  const expressed = rng.chance(0.35);
  h.add({ on: h.on, type: "fear.inquired", country: c.cit, expressed });
  if (expressed) {
    h.add({ on: h.on, type: "fear.claimed", country: c.cit });
    h.wait(3, 14);
    const positive = rng.chance(0.7);
    h.add({ on: h.on, type: "fear.screened", kind: "credible", result: positive ? "positive" : "negative", country: c.cit });
    if (positive) {
      const first = serveNta(c, true);
      const detained = !family && rng.chance(0.5);
      if (!detained) release(c, "parole", 1, 10);
      return proceedings(c, { ...o, asylum: true }, first, detained);
    }
  }
  h.wait(0, 2);
  h.add({ on: h.on, type: "order.issued", by: "DHS", kind: "expedited_removal", delivery: "personal", countries: [c.cit] });
  removeFromFacility(c);
}

function reinstatement(c: CaseContext, o: Overlays, start: number, birthDay: number): void {
  const { h, rng } = c;
  c.kind = "reinstatement";
  prior(c, start, birthDay, { ...o, status: null }, [100, 2500]);
  const location = rng.weighted([["jail", 4], ["residence", 3], ["traffic_stop", 2]] as const);
  arrestAndBook(c, { kind: "adult", authority: "241a", location, basis: "i205" });
  h.wait(0, 2);
  h.add({ on: h.on, type: "order.issued", by: "DHS", kind: "reinstatement", delivery: "personal", countries: [c.cit] });
  const expressed = rng.chance(0.3);
  h.add({ on: h.on, type: "fear.inquired", country: c.cit, expressed });
  if (expressed) {
    h.add({ on: h.on, type: "fear.claimed", country: c.cit });
    h.wait(5, 20);
    const positive = rng.chance(0.45);
    h.add({ on: h.on, type: "fear.screened", kind: "reasonable", result: positive ? "positive" : "negative", country: c.cit });
    if (positive) return withholdingOnly(c);
  }
  removeFromFacility(c);
}

/** After a positive reasonable-fear finding: withholding-only proceedings before an IJ. */
function withholdingOnly(c: CaseContext): void {
  const { h, rng } = c;
  const court = (c.facility && c.world.courtFor(c.facility)) || rng.pick(c.office.courts);
  const hearing = hearingDay(h, 14, 40);
  h.add({ on: h.on, type: "hearing.notice", hearingDate: isoDay(hearing), servedAt: "other", method: "personal", note: hearingPlace(court) });
  c.kind = "withholding_only";
  c.court = court;
  h.until(hearing);
  if (c.language !== "en") h.add({ on: h.on, type: "interpreter.recorded", language: c.language });
  const outcome = rng.weighted([["withholding", 30], ["cat_deferral", 5], ["denied", 65]] as const);
  if (outcome === "denied") {
    h.add({ on: h.on, type: "protection.denied", kind: "withholding", country: c.cit });
    return removeFromFacility(c);
  }
  h.add({ on: h.on, type: "protection.granted", kind: outcome, country: c.cit });
  release(c, "supervision", 1, 14);
}

function pre1997(c: CaseContext, start: number, birthDay: number): void {
  const { h, rng } = c;
  c.kind = "deportation_pre1997";
  const court = rng.pick(c.office.courts);
  c.court = court;
  const orderDay = dayNumber("1993-01-01") + rng.int(0, 1400);
  h.day = Math.max(birthDay + 18 * 365, orderDay - rng.int(400, 2000));
  h.add({ on: h.on, type: "entry", manner: "admitted", class: "B-2" });
  c.entry = { on: h.on, manner: "admitted", class: "B-2" };
  h.day = orderDay;
  const inAbsentia = rng.chance(0.5) ? { inAbsentia: true } : {};
  h.add({ on: h.on, type: "order.issued", by: "IJ", kind: "deportation", delivery: "mail", countries: [c.cit], ...inAbsentia });
  h.day = start;
  arrestAndBook(c, { kind: "adult", authority: "241a", location: "residence", basis: "i205" });
  if (rng.chance(0.5)) {
    h.wait(5, 40);
    h.add({ on: h.on, type: "motion.received", kind: "reopen", forum: "IJ", ground: "notice", stayRequested: true });
    const stayed = rng.chance(0.6);
    if (stayed) {
      h.wait(5, 30);
      h.add({ on: h.on, type: "stay.granted", by: "IJ", pending: "motion to reopen" });
    }
    h.wait(30, 120);
    const granted = rng.chance(0.4);
    h.add({ on: h.on, type: "motion.decided", kind: "reopen", outcome: granted ? "granted" : "denied" });
    if (granted) {
      h.add({ on: h.on, type: "hearing.notice", hearingDate: isoDay(hearingDay(h, 30, 120)), servedAt: "other", method: "personal" });
      return release(c, "recognizance", 0, 3);
    }
    if (stayed) h.add({ on: h.on, type: "stay.ended" });
  }
  removeFromFacility(c);
}
