/**
 * Executing a final order: post-order custody, travel documents, notice of
 * removal and the verified departure. Some countries are slow or refuse to
 * issue documents, and those cases end in a custody review and release.
 */
import { isoDay } from "./days.js";
import { type CaseContext, hearingDay } from "./history.js";
import type { FacilityKind } from "./world.js";

/** How often a consulate refuses a travel document, by country (the rest: rarely). */
const refusal: Record<string, number> = {
  CN: 0.35,
  CU: 0.5,
  VE: 0.3,
  RU: 0.25,
  IQ: 0.2,
  SD: 0.2,
  YE: 0.4,
  SY: 0.6,
};
/** Land removal to Mexico, mostly without a separate travel document. */
const landBorder = new Set(["MX"]);

/** Post-order custody at finality (241a), then documents and departure. */
export function executeRemoval(c: CaseContext, detained: boolean): void {
  const { h, rng } = c;
  if (detained && c.facility) {
    const kind = c.facility.kinds[0] as FacilityKind;
    h.add({ on: h.on, type: "custody.booked", facility: { code: c.facility.code, kind }, authority: "241a" });
  } else {
    // Released people with a final order: some are re-arrested for removal, the rest report on supervision.
    if (!rng.chance(0.55)) return;
    h.wait(20, 240);
    h.add({
      on: h.on,
      at: h.time(5, 9),
      tz: c.tz,
      type: "encounter",
      location: "residence",
      source: "officer",
    });
    h.add({
      on: h.on,
      at: h.time(9, 11),
      tz: c.tz,
      type: "arrest",
      basis: "i205",
      location: "residence",
      homeEntry: false,
    });
    const facility = c.world.pickFacility(rng, c.office, "adult", c.sex);
    c.facility = facility;
    h.add({
      on: h.on,
      at: h.time(11, 18),
      tz: c.tz,
      type: "custody.booked",
      facility: { code: facility.code, kind: "adult" },
      authority: "241a",
    });
  }
  removeFromFacility(c);
}

/** Travel document, medical clearance, notice, departure. */
export function removeFromFacility(c: CaseContext): void {
  const { h, rng } = c;
  const needsDocument = !(landBorder.has(c.cit) && rng.chance(0.8));
  if (needsDocument) {
    h.wait(2, 14);
    h.add({ on: h.on, type: "travel_document.requested", country: c.cit, content: ["identity"] });
    if (rng.chance(refusal[c.cit] ?? 0.04)) {
      h.wait(30, 75);
      h.add({ on: h.on, type: "travel_document.refused", country: c.cit });
      h.wait(10, 30);
      const decision = rng.chance(0.6) ? "release" : "detain";
      h.add({ on: h.on, type: "custody.review", kind: "241.4", decision, significantLikelihood: false });
      if (decision === "release") {
        h.wait(1, 7);
        h.add({ on: h.on, at: h.time(9, 18), tz: c.tz, type: "custody.released", via: "supervision" });
        c.facility = undefined;
      }
      return;
    }
    h.wait(7, 60);
    h.add({
      on: h.on,
      type: "travel_document.issued",
      country: c.cit,
      validUntil: isoDay(h.day + rng.int(90, 180)),
    });
  }
  if (rng.chance(0.6)) {
    h.wait(1, 10);
    h.add({ on: h.on, type: "medical.clearance", fit: true });
  }
  h.wait(1, 10);
  const servedTo: ("person" | "counsel")[] = c.represented ? ["person", "counsel"] : ["person"];
  h.add({
    on: h.on,
    type: "removal_notice.served",
    country: c.cit,
    language: c.language,
    servedTo,
    method: "personal",
  });
  h.wait(2, 14);
  const via = landBorder.has(c.cit)
    ? "land port of entry"
    : rng.weighted([
        ["ICE Air charter", 3],
        ["commercial flight with escort", 1],
      ] as const);
  h.add({ on: h.on, at: h.time(5, 20), tz: c.tz, type: "departure.verified", country: c.cit, via });
  c.facility = undefined;
}

/**
 * After an in-absentia order: a motion to reopen (which stays removal while
 * it is pending), or nothing, and then perhaps an arrest for removal.
 */
export function reopenOrRemove(c: CaseContext): void {
  const { h, rng } = c;
  if (rng.chance(0.3)) {
    h.wait(10, 170);
    const ground = rng.weighted([
      ["notice", 3],
      ["exceptional_circumstances", 2],
    ] as const);
    h.add({ on: h.on, type: "motion.received", kind: "reopen", forum: "IJ", ground, stayRequested: true });
    h.wait(20, 120);
    const granted = rng.chance(0.45);
    h.add({ on: h.on, type: "motion.decided", kind: "reopen", outcome: granted ? "granted" : "denied" });
    if (granted) {
      h.add({
        on: h.on,
        type: "hearing.notice",
        hearingDate: isoDay(hearingDay(h, 30, 150)),
        servedAt: "last_address",
        method: "mail",
      });
      return;
    }
  }
  executeRemoval(c, false);
}
