/**
 * The kinds of case the demo holds, each a path through the lifecycle:
 * arrested and charged, charged by mail, family units, unaccompanied
 * children, expedited removal at the border, reinstatement (and
 * withholding-only), administrative removal under 238(b), and old
 * pre-1997 deportation orders.
 */
import type { CaseEvent } from "../domain/events.js";
import { expedited, reinstatement } from "./border.js";
import { arrestAndBook, custodyDecision, release, serveNta } from "./custody.js";
import { dayNumber, isoDay } from "./days.js";
import { type CaseContext, hearingDay } from "./history.js";
import { conviction, crimes, mandatoryCrimes, prior } from "./prior.js";
import { type Overlays, proceedings } from "./proceedings.js";
import { removeFromFacility } from "./removal.js";

export type Track =
  | "arrest"
  | "referral"
  | "family"
  | "uac"
  | "expedited"
  | "reinstatement"
  | "admin238b"
  | "pre1997";

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
export function runTrack(c: CaseContext, track: Track, o: Overlays, start: number, birthDay: number): void {
  const { h, rng } = c;
  switch (track) {
    case "arrest": {
      prior(c, start, birthDay, o, [60, 12 * 365]);
      const crime = rng.chance(0.18) ? rng.weighted(crimes) : null;
      if (crime) conviction(c, start, crime);
      const mandatory = crime !== null && mandatoryCrimes.has(crime);
      arrestAndBook(c, {
        kind: "adult",
        authority: mandatory ? "236c" : "236a",
        location: crime ? "jail" : undefined,
      });
      const decision = custodyDecision(c, mandatory);
      h.wait(0, rng.chance(0.25) ? 25 : 2); // some NTAs wait on record checks
      const first = serveNta(c, true);
      if (decision !== "detain")
        release(c, decision === "bond" ? "bond" : "recognizance", 0, decision === "bond" ? 9 : 2);
      proceedings(c, o, first, decision === "detain");
      return;
    }
    case "referral": {
      prior(c, start, birthDay, o, [180, 15 * 365]);
      const method = rng.chance(0.5) ? "mail" : "personal";
      if (method === "personal") {
        const location = rng.weighted([
          ["other", 5],
          ["traffic_stop", 2],
          ["courthouse", 1],
        ] as const);
        h.add({ on: h.on, at: h.time(8, 17), tz: c.tz, type: "encounter", location, source: "officer" });
        h.wait(3, 60); // the NTA is prepared after the encounter
      }
      proceedings(c, o, serveNta(c, false, method), false);
      return;
    }
    case "family": {
      prior(c, start, birthDay, o, [0, 3], true);
      c.familyUnit = true;
      arrestAndBook(c, {
        kind: "family_residential",
        authority: "236a",
        location: "street",
        basis: "warrantless",
      });
      custodyDecision(c, false);
      const first = serveNta(c, true);
      release(c, "parole", 1, 15); // families are not held past about 20 days
      proceedings(c, o, first, false);
      return;
    }
    case "uac": {
      prior(c, start, birthDay, o, [0, 2], true);
      c.unaccompaniedChild = true;
      const location = rng.chance(0.5) ? "port_of_entry" : "street";
      const at = h.time(4, 12);
      h.add({ on: h.on, at, tz: c.tz, type: "encounter", location, source: "officer" });
      h.add({
        on: h.on,
        at,
        tz: c.tz,
        type: "arrest",
        basis: "warrantless",
        location,
        reasonToBelieve: true,
      });
      // Cast: the type inferred in events.ts makes these two types' required `at` undefined; the schema
      // itself requires and parses it.
      h.add({ on: h.on, type: "uac.determined", at: h.time(12, 15), tz: c.tz } as unknown as CaseEvent);
      h.add({ on: h.on, type: "hhs.notified", at: h.time(15, 19), tz: c.tz } as unknown as CaseEvent);
      const facility = c.world.pickFacility(rng, c.office, "juvenile_licensed", c.sex);
      c.facility = facility;
      h.add({
        on: h.on,
        at: h.time(19, 23),
        tz: c.tz,
        type: "custody.booked",
        facility: { code: facility.code, kind: "juvenile_licensed" },
        authority: "236a",
      });
      const first = serveNta(c, true);
      release(c, "recognizance", 10, 45); // released to a sponsor
      proceedings(c, o, first, false);
      return;
    }
    case "expedited":
      expedited(c, o, start, birthDay);
      return;
    case "reinstatement":
      reinstatement(c, start, birthDay);
      return;
    case "admin238b": {
      c.kind = "administrative_238b";
      prior(c, start, birthDay, o, [900, 8 * 365]);
      conviction(c, start, "aggravated_felony");
      arrestAndBook(c, { kind: "adult", authority: "236c", location: "jail", basis: "i200" });
      custodyDecision(c, true);
      h.wait(14, 40); // the notice of intent and the time to answer it
      h.add({
        on: h.on,
        type: "order.issued",
        by: "DHS",
        kind: "administrative_238b",
        delivery: "personal",
        countries: [c.cit],
      });
      h.wait(14, 20); // no execution for 14 days after the order
      removeFromFacility(c);
      return;
    }
    case "pre1997":
      pre1997(c, start, birthDay);
      return;
  }
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
  h.add({
    on: h.on,
    type: "order.issued",
    by: "IJ",
    kind: "deportation",
    delivery: "mail",
    countries: [c.cit],
    ...inAbsentia,
  });
  h.day = start;
  arrestAndBook(c, { kind: "adult", authority: "241a", location: "residence", basis: "i205" });
  if (rng.chance(0.5)) {
    h.wait(5, 40);
    h.add({
      on: h.on,
      type: "motion.received",
      kind: "reopen",
      forum: "IJ",
      ground: "notice",
      stayRequested: true,
    });
    const stayed = rng.chance(0.6);
    if (stayed) {
      h.wait(5, 30);
      h.add({ on: h.on, type: "stay.granted", by: "IJ", pending: "motion to reopen" });
    }
    h.wait(30, 120);
    const granted = rng.chance(0.4);
    h.add({ on: h.on, type: "motion.decided", kind: "reopen", outcome: granted ? "granted" : "denied" });
    if (granted) {
      h.add({
        on: h.on,
        type: "hearing.notice",
        hearingDate: isoDay(hearingDay(h, 30, 120)),
        servedAt: "other",
        method: "personal",
      });
      release(c, "recognizance", 0, 3);
      return;
    }
    if (stayed) h.add({ on: h.on, type: "stay.ended" });
  }
  removeFromFacility(c);
}
