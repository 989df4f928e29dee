/** The front of a case: encounter, arrest, booking, the custody decision, and the charging document. */
import type { CaseEvent } from "../domain/events.js";
import { isoDay } from "./days.js";
import { ageOn, type CaseContext, hearingDay, hearingPlace, hearingTimes, later } from "./history.js";
import type { FacilityKind } from "./world.js";

type Location = Extract<CaseEvent, { type: "encounter" }>["location"];
type Authority = Extract<CaseEvent, { type: "custody.booked" }>["authority"];

const escapeFacts = [
  "No fixed address; gave two different names at the scene",
  "Ran from the vehicle when officers approached",
  "Stated intention to leave the area the same night",
  "Prior failure to appear at a scheduled check-in",
];

export interface ArrestOptions {
  kind: FacilityKind;
  authority: Authority;
  location?: Location;
  basis?: "i200" | "i205" | "warrantless";
}

/** Encounter, arrest and booking into a facility of the right kind; returns nothing, sets c.facility. */
export function arrestAndBook(c: CaseContext, o: ArrestOptions): void {
  const { h, rng } = c;
  const location =
    o.location ??
    rng.weighted<Location>([
      ["residence", 5],
      ["street", 3],
      ["traffic_stop", 2],
      ["jail", 3],
      ["other", 1],
    ]);
  const source =
    location === "jail" ? "record_check" : rng.weighted([["officer", 6] as const, ["tip", 1] as const]);
  const seen = h.time(5, 15);
  h.add({ on: h.on, at: seen, tz: c.tz, type: "encounter", location, source });
  const basis = o.basis ?? (location === "jail" || rng.chance(0.65) ? "i200" : "warrantless");
  const arrestedAt = later(seen, rng.int(0, 40));
  const warrantless =
    basis === "warrantless"
      ? {
          reasonToBelieve: "Admitted unlawful presence; no documents",
          likelyToEscapeFacts: rng.pick(escapeFacts),
        }
      : {};
  const home = location === "residence" ? { homeEntry: false } : {};
  h.add({ on: h.on, at: arrestedAt, tz: c.tz, type: "arrest", basis, location, ...warrantless, ...home });
  const facility = c.world.pickFacility(rng, c.office, o.kind, c.sex);
  c.facility = facility;
  const kind = o.kind;
  h.add({
    on: h.on,
    at: later(arrestedAt, rng.int(60, 300)),
    tz: c.tz,
    type: "custody.booked",
    facility: { code: facility.code, kind },
    authority: o.authority,
  });
}

/** The I-286 decision and, for bond or release, the release that follows; returns whether still detained. */
export function custodyDecision(c: CaseContext, mandatory: boolean): "detain" | "release" | "bond" {
  const { h, rng } = c;
  h.wait(0, 2);
  const decision = mandatory
    ? "detain"
    : rng.weighted([
        ["detain", 45],
        ["bond", 30],
        ["release", 25],
      ] as const);
  const bond = decision === "bond" ? { bond: rng.int(3, 50) * 500 } : {};
  h.add({ on: h.on, at: h.time(8, 18), type: "custody.determination", form: "I-286", decision, ...bond });
  return decision;
}

export function release(
  c: CaseContext,
  via: "recognizance" | "bond" | "parole" | "supervision",
  min: number,
  max: number,
): void {
  c.h.wait(min, max);
  c.h.add({ on: c.h.on, at: c.h.time(8, 20), tz: c.tz, type: "custody.released", via });
  c.facility = undefined;
}

/**
 * Serve the NTA. A few NTAs carry no hearing (scheduling unavailable), and a
 * notice with the date follows by mail. Returns the day of the first hearing.
 */
export function serveNta(
  c: CaseContext,
  detained: boolean,
  method: "personal" | "mail" = "personal",
): number {
  const { h, rng } = c;
  const court = (detained && c.facility && c.world.courtFor(c.facility)) || rng.pick(c.office.courts);
  const first = detained ? hearingDay(h, 10, 30) : hearingDay(h, 45, 300);
  const withHearing = rng.chance(0.94);
  const hearing = withHearing
    ? { date: isoDay(first), time: rng.pick(hearingTimes), place: hearingPlace(court) }
    : null;
  const years = ageOn(c.birthDay, h.day);
  const age = years < 18 || rng.chance(0.3) ? { personAge: years } : {};
  const servedTo = years < 14 ? "custodian" : "person";
  h.add({ on: h.on, at: h.time(8, 20), type: "nta.served", hearing, servedTo, method, ...age });
  // An expedited-removal case whose fear claim was found credible is now in section 240 proceedings.
  c.court = court;
  if (c.kind === "expedited_removal") c.kind = "removal_240";
  if (withHearing) return first;
  h.wait(14, 90);
  const set = hearingDay(h, 30, 180);
  h.add({
    on: h.on,
    type: "hearing.notice",
    hearingDate: isoDay(set),
    servedAt: "last_address",
    method: "mail",
  });
  return set;
}
