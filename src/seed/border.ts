/**
 * Cases decided by DHS at or near the border: expedited removal (with the
 * credible-fear path into section 240), reinstatement of a prior order, and
 * the withholding-only proceedings that follow a positive reasonable fear.
 */
import { arrestAndBook, release, serveNta } from "./custody.js";
import { isoDay } from "./days.js";
import { type CaseContext, hearingDay, hearingPlace } from "./history.js";
import { prior } from "./prior.js";
import { type Overlays, proceedings } from "./proceedings.js";
import { removeFromFacility } from "./removal.js";

export function expedited(c: CaseContext, o: Overlays, start: number, birthDay: number): void {
  const { h, rng } = c;
  c.kind = "expedited_removal";
  prior(c, start, birthDay, { ...o, status: null }, [0, 13], true);
  const family = c.age >= 20 && rng.chance(0.2);
  const location = rng.weighted([
    ["street", 4],
    ["port_of_entry", 2],
    ["other", 1],
  ] as const);
  arrestAndBook(c, {
    kind: family ? "family_residential" : "adult",
    authority: "235b",
    location,
    basis: "warrantless",
  });
  h.wait(0, 1);
  const expressed = rng.chance(0.35);
  h.add({ on: h.on, type: "fear.inquired", country: c.cit, expressed });
  if (expressed) {
    h.add({ on: h.on, type: "fear.claimed", country: c.cit });
    h.wait(3, 14);
    const positive = rng.chance(0.7);
    h.add({
      on: h.on,
      type: "fear.screened",
      kind: "credible",
      result: positive ? "positive" : "negative",
      country: c.cit,
    });
    if (positive) {
      const first = serveNta(c, true);
      const detained = !family && rng.chance(0.5);
      if (!detained) release(c, "parole", 1, 10);
      proceedings(c, { ...o, asylum: true }, first, detained);
      return;
    }
  }
  h.wait(0, 2);
  h.add({
    on: h.on,
    type: "order.issued",
    by: "DHS",
    kind: "expedited_removal",
    delivery: "personal",
    countries: [c.cit],
  });
  removeFromFacility(c);
}

export function reinstatement(c: CaseContext, start: number, birthDay: number): void {
  const { h, rng } = c;
  c.kind = "reinstatement";
  // The order being reinstated, the removal under it, and the unlawful return.
  const reentry = start - rng.int(100, 2500);
  const removed = Math.max(reentry - rng.int(60, 2500), birthDay + 18 * 365);
  h.day = removed - rng.int(3, 60);
  const earlier = rng.chance(0.5)
    ? ({ by: "DHS", kind: "expedited_removal" } as const)
    : ({ by: "IJ", kind: "removal" } as const);
  h.add({ on: h.on, type: "order.issued", ...earlier, delivery: "personal", countries: [c.cit] });
  h.day = removed;
  h.add({ on: h.on, type: "departure.verified", country: c.cit, via: "ICE Air charter" });
  h.day = Math.max(reentry, removed + 30);
  h.add({ on: h.on, type: "entry", manner: "ewi" });
  c.entry = { on: h.on, manner: "ewi" };
  h.until(start);
  const location = rng.weighted([
    ["jail", 4],
    ["residence", 3],
    ["traffic_stop", 2],
  ] as const);
  arrestAndBook(c, { kind: "adult", authority: "241a", location, basis: "i205" });
  h.wait(0, 2);
  h.add({
    on: h.on,
    type: "order.issued",
    by: "DHS",
    kind: "reinstatement",
    delivery: "personal",
    countries: [c.cit],
  });
  const expressed = rng.chance(0.3);
  h.add({ on: h.on, type: "fear.inquired", country: c.cit, expressed });
  if (expressed) {
    h.add({ on: h.on, type: "fear.claimed", country: c.cit });
    h.wait(5, 20);
    const positive = rng.chance(0.45);
    h.add({
      on: h.on,
      type: "fear.screened",
      kind: "reasonable",
      result: positive ? "positive" : "negative",
      country: c.cit,
    });
    if (positive) {
      withholdingOnly(c);
      return;
    }
  }
  removeFromFacility(c);
}

/** After a positive reasonable-fear finding: withholding-only proceedings before an IJ. */
function withholdingOnly(c: CaseContext): void {
  const { h, rng } = c;
  const court = (c.facility && c.world.courtFor(c.facility)) || rng.pick(c.office.courts);
  const hearing = hearingDay(h, 14, 40);
  h.add({
    on: h.on,
    type: "hearing.notice",
    hearingDate: isoDay(hearing),
    servedAt: "other",
    method: "personal",
    note: hearingPlace(court),
  });
  c.kind = "withholding_only";
  c.court = court;
  h.until(hearing);
  if (c.language !== "en") h.add({ on: h.on, type: "interpreter.recorded", language: c.language });
  const outcome = rng.weighted([
    ["withholding", 30],
    ["cat_deferral", 5],
    ["denied", 65],
  ] as const);
  if (outcome === "denied") {
    h.add({ on: h.on, type: "protection.denied", kind: "withholding", country: c.cit });
    removeFromFacility(c);
    return;
  }
  h.add({ on: h.on, type: "protection.granted", kind: outcome, country: c.cit });
  release(c, "supervision", 1, 14);
}
