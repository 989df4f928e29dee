/**
 * Section 240 proceedings after the NTA: master-calendar hearings,
 * applications for relief, the merits decision, appeal, and what follows
 * each kind of order.
 */
import { isoDay } from "./days.js";
import { before, type CaseContext, hearingDay } from "./history.js";
import { executeRemoval, reopenOrRemove } from "./removal.js";

export interface Overlays {
  asylum: boolean;
  /** VAWA self-petition, T or U visa application (each protected by 8 U.S.C. 1367). */
  survivorForm: "I-360" | "I-914" | "I-918" | null;
  citizenshipClaim: boolean;
  /** Holds TPS or DACA (recorded as status.granted before the case). */
  status: "tps" | "daca" | null;
}

const inCourt = { servedAt: "other", method: "in_court" } as const;

function fileApplications(c: CaseContext, o: Overlays, nextHearing: number): { usc: boolean } {
  const { h, rng } = c;
  let usc = false;
  if (o.citizenshipClaim) {
    before(h, nextHearing);
    const basis = rng.weighted([
      ["derived", 4],
      ["acquired", 3],
      ["birth_us", 1],
    ] as const);
    h.add({ on: h.on, type: "citizenship.claimed", basis, evidence: rng.chance(0.6) ? "probative" : "none" });
    before(h, nextHearing);
    usc = rng.chance(0.25);
    h.add({ on: h.on, type: "citizenship.determined", result: usc ? "usc" : "not_usc" });
  }
  if (o.asylum) {
    before(h, nextHearing);
    h.add({ on: h.on, type: "application.filed", form: "I-589", pending: true });
    h.add({ on: h.on, type: "confidentiality.flag", kind: "asylum_208_6" });
  }
  if (o.survivorForm) {
    before(h, nextHearing);
    h.add({ on: h.on, type: "application.filed", form: o.survivorForm, pending: true });
    h.add({ on: h.on, type: "confidentiality.flag", kind: "vawa_t_u_1367" });
  }
  return { usc };
}

/** From the first hearing to the end of the case (or today); `detained`: in custody at the first hearing. */
export function proceedings(c: CaseContext, o: Overlays, firstHearing: number, detained: boolean): void {
  const { h, rng } = c;
  let hearing = firstHearing;
  if (c.represented) {
    before(h, hearing);
    h.add({ on: h.on, type: "counsel.appeared", form: "EOIR-28" });
  }
  const masters = detained ? rng.int(1, 2) : rng.int(1, 3);
  let filed = { usc: false };
  for (let m = 0; m <= masters; m++) {
    h.until(hearing);
    if (m === 0 && c.language !== "en")
      h.add({ on: h.on, type: "interpreter.recorded", language: c.language });
    if (m === masters) break;
    if (!detained && !c.unaccompaniedChild && rng.chance(0.09)) {
      h.add({ on: h.on, type: "hearing.missed" });
      h.add({
        on: h.on,
        type: "order.issued",
        by: "IJ",
        kind: "removal",
        delivery: "mail",
        countries: [c.cit],
        inAbsentia: true,
      });
      reopenOrRemove(c);
      return;
    }
    const next = detained ? hearingDay(h, 14, 35) : hearingDay(h, 45, 240);
    h.add({ on: h.on, type: "hearing.notice", hearingDate: isoDay(next), ...inCourt });
    if (m === 0) filed = fileApplications(c, o, next);
    hearing = next;
  }
  merits(c, o, filed.usc, detained);
}

function merits(c: CaseContext, o: Overlays, usc: boolean, detained: boolean): void {
  const { h, rng } = c;
  const order = (kind: "removal" | "relief" | "termination") =>
    h.add({
      on: h.on,
      type: "order.issued",
      by: "IJ",
      kind,
      delivery: "oral",
      ...(kind === "removal" ? { countries: [c.cit] } : {}),
    });
  const released = () => {
    if (c.facility) {
      h.add({ on: h.on, at: h.time(15, 22), tz: c.tz, type: "custody.released", via: "recognizance" });
      c.facility = undefined;
    }
  };
  if (usc || (o.status && rng.chance(0.6)) || (o.survivorForm && rng.chance(0.4))) {
    order("termination");
    released();
    return;
  }
  if (o.asylum) {
    const outcome = rng.weighted([
      ["asylum", 30],
      ["withholding", 12],
      ["cat_deferral", 4],
      ["denied", 54],
    ] as const);
    if (outcome === "asylum") {
      order("relief");
      h.add({ on: h.on, type: "protection.granted", kind: "asylum", country: c.cit });
      released();
      return;
    }
    order("removal");
    if (outcome !== "denied") {
      h.add({ on: h.on, type: "protection.granted", kind: outcome, country: c.cit });
      released();
      return;
    }
    h.add({ on: h.on, type: "protection.denied", kind: "asylum", country: c.cit });
    afterRemovalOrder(c, detained);
    return;
  }
  const outcome = rng.weighted([
    ["removal", 55],
    ["voluntary_departure", detained ? 0 : 22],
    ["relief", 12],
    ["termination", 11],
  ] as const);
  if (outcome === "relief" || outcome === "termination") {
    order(outcome);
    released();
    return;
  }
  if (outcome === "removal") {
    order("removal");
    afterRemovalOrder(c, detained);
    return;
  }
  const pre = rng.chance(0.25);
  h.add({
    on: h.on,
    type: "order.issued",
    by: "IJ",
    kind: "voluntary_departure",
    delivery: "oral",
    countries: [c.cit],
    vdDays: pre ? 120 : 60,
    vdStage: pre ? "pre" : "post",
    ...(pre ? {} : { vdBond: rng.int(1, 10) * 500 }),
  });
  h.add({ on: h.on, type: "appeal.waived", knowing: true });
  if (!pre && rng.chance(0.8)) {
    h.waitWorkday(1, 5);
    h.add({ on: h.on, type: "vd.bond_posted" });
  }
  if (rng.chance(0.65)) {
    h.wait(10, pre ? 110 : 55);
    h.add({
      on: h.on,
      type: "departure.verified",
      country: c.cit,
      via: "voluntary departure verified by consulate",
    });
  }
}

/** Appeal, waiver or neither; then a stay, a petition for review, or removal. */
function afterRemovalOrder(c: CaseContext, detained: boolean): void {
  const { h, rng } = c;
  const step = rng.weighted([
    ["appeal", 35],
    ["waive", 35],
    ["none", 30],
  ] as const);
  if (step === "waive") h.add({ on: h.on, type: "appeal.waived", knowing: true });
  if (step === "none") h.wait(30, 45);
  if (step === "appeal") {
    h.wait(3, 29);
    h.add({ on: h.on, at: h.time(9, 17), type: "appeal.received", forum: "BIA" });
    h.wait(detained ? 60 : 120, detained ? 150 : 500);
    const outcome = rng.weighted([
      ["dismissed", 75],
      ["sustained", 8],
      ["remanded", 17],
    ] as const);
    h.add({ on: h.on, type: "appeal.decided", forum: "BIA", outcome });
    if (outcome !== "dismissed") {
      h.wait(10, 60);
      h.add({
        on: h.on,
        type: "hearing.notice",
        hearingDate: isoDay(hearingDay(h, 30, 200)),
        servedAt: "last_address",
        method: "mail",
      });
      return;
    }
    if (rng.chance(0.2)) {
      h.wait(5, 29);
      h.add({ on: h.on, type: "pfr.filed", circuit: c.court?.circuit ?? "5", stayRequested: true });
      if (rng.chance(0.6)) {
        h.wait(10, 60);
        h.add({ on: h.on, type: "stay.granted", by: "circuit", pending: "petition for review" });
        return;
      }
    }
  }
  if (rng.chance(0.06)) {
    h.wait(5, 60);
    h.add({ on: h.on, type: "stay.applied", form: "I-246" });
    h.wait(7, 45);
    h.add({ on: h.on, type: "stay.granted", by: "DHS", until: isoDay(h.day + rng.int(90, 365)) });
    return;
  }
  executeRemoval(c, detained && c.facility !== undefined);
}
