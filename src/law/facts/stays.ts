/**
 * Derived facts about stays of removal (RULES.md STAY-01..08): which stays
 * are in force on a date, which have lapsed and why, and which were
 * communicated only after boarding was completed (STAY-05).
 *
 * Import `staysInForce` to ask "may this person be removed today as far as
 * stays go?": an empty list means no stay bars removal. Stays that only call
 * for REVIEW or WARN (a late appeal with a tolling request, a pending I-246, a
 * pending stay motion) are NOT in the list; the STAY rules report those.
 */
import type { EventOf } from "../../domain/events.js";
import { addDays, compareStamps, DEFAULT_TZ, periodDue } from "../calendar/calendar.js";
import { policy, policyValue } from "../policy.js";
import type { Action, History, LawConfig } from "../types.js";
import { memo, memoWithConfig } from "./memo.js";
import {
  currentOrder,
  type Indexed,
  isAppealable,
  known,
  latestOrder,
  type MotionRecord,
  motions,
  type OrderEvent,
  orderAppeal,
  orderFinality,
} from "./orders.js";

/** A stay that bars removal on the date asked about. */
export interface StayInForce {
  /** The STAY rule that creates it: STAY-01 (appeal period), STAY-02 (appeal), STAY-03, STAY-04 (VAWA), STAY-05, STAY-06, STAY-07. */
  rule: string;
  /** Where it comes from, e.g. "8 CFR 1003.6(a): BIA appeal received 2025-07-02". */
  source: string;
  /** Last day it is in force (inclusive), when it has a date; absent for stays "pending X". */
  until?: string;
  /** A sentence for an officer. */
  message: string;
}

export interface StayOptions {
  /** Local date-time (YYYY-MM-DDTHH:MM) when boarding was completed, for a flight.depart action (STAY-05). */
  boardingCompleted?: string;
  tz?: string;
}

/** A stay granted by an IJ, the BIA, a court or DHS (stay.granted), with its lifecycle. */
export interface GrantedStay {
  grant: Indexed<EventOf<"stay.granted">>;
  rule: "STAY-05" | "STAY-06" | "STAY-07";
  status: "in_force" | "ended" | "after_boarding";
  until?: string;
  endedOn?: string;
  /** Why it ended, e.g. "the BIA decided the motion to reopen on 2025-08-01". */
  endReason?: string;
  /** The decision that ended a stay "pending X", for STAY-08's new windows. */
  endedBy?: EventOf<"motion.decided"> | EventOf<"appeal.decided">;
  /** When the stay reached the agency (YYYY-MM-DDTHH:MM), if recorded. */
  communicatedAt?: string;
}

/** The boarding time of a flight.depart action as a local stamp, if the action gives one. */
export function boardingStampOf(action: Action): string | undefined {
  const b = action.boardingCompletedAt;
  if (typeof b !== "string") return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(b)) return b;
  if (/^\d{2}:\d{2}$/.test(b)) return `${action.on}T${b}`;
  return undefined;
}

function ruleOfStayBy(by: string): GrantedStay["rule"] {
  if (by === "DHS") return "STAY-07";
  if (by === "circuit" || by === "district") return "STAY-06";
  return "STAY-05";
}

/**
 * STAY-08: the end condition of a stay "pending X". Motions end at the motion's
 * decision, petitions for review at the court's decision, appeals at the
 * appeal's decision. A court stay with no recorded condition is read as
 * pending the petition for review. Anything else runs until a stay.ended.
 */
function pendingEnd(
  events: readonly Indexed[],
  grant: Indexed<EventOf<"stay.granted">>,
): { on: string; reason: string; by: EventOf<"motion.decided"> | EventOf<"appeal.decided"> } | undefined {
  const text = (grant.event.pending ?? "").toLowerCase();
  const court = grant.event.by === "circuit" || grant.event.by === "district";
  const later = events.filter((x) => x.index > grant.index);
  const circuitDecision = () =>
    later.find((x) => x.event.type === "appeal.decided" && x.event.forum === "circuit")?.event as
      | EventOf<"appeal.decided">
      | undefined;
  if (/reopen|reconsider|motion/.test(text)) {
    const d = later.find((x) => x.event.type === "motion.decided")?.event as
      | EventOf<"motion.decided">
      | undefined;
    return d && { on: d.on, by: d, reason: `the motion to ${d.kind} was decided (${d.outcome}) on ${d.on}` };
  }
  if (/petition|pfr|judicial review|court of appeals/.test(text) || (court && !text && !grant.event.until)) {
    const d = circuitDecision();
    return (
      d && { on: d.on, by: d, reason: `the court of appeals decided the petition (${d.outcome}) on ${d.on}` }
    );
  }
  if (/appeal/.test(text)) {
    const forum = court ? "circuit" : "BIA";
    const d = later.find((x) => x.event.type === "appeal.decided" && x.event.forum === forum)?.event as
      | EventOf<"appeal.decided">
      | undefined;
    return (
      d && {
        on: d.on,
        by: d,
        reason: `the ${forum === "BIA" ? "BIA" : "court"} decided the appeal (${d.outcome}) on ${d.on}`,
      }
    );
  }
  return undefined;
}

/**
 * Every stay.granted known on `asOf`, with its status: in force, ended (a
 * dated stay past its `until`, a stay "pending X" once X is decided, or a
 * stay.ended event, which ends the most recent stay still in force), or
 * communicated only after boarding was completed (8 CFR 1241.6(c) /
 * 1003.2(f): an IJ, BIA or DHS stay then "ceases to have effect").
 */
export function grantedStays(
  history: History,
  config: LawConfig,
  asOf: string,
  opts: StayOptions = {},
): GrantedStay[] {
  return memoWithConfig(history, config, "grantedStays", `${asOf}|${opts.boardingCompleted}|${opts.tz}`, () =>
    computeGrantedStays(history, config, asOf, opts),
  );
}

function computeGrantedStays(
  history: History,
  config: LawConfig,
  asOf: string,
  opts: StayOptions,
): GrantedStay[] {
  const events = known(history, asOf);
  const tz = opts.tz ?? config.tz ?? DEFAULT_TZ;
  const out: GrantedStay[] = [];
  for (const x of events) {
    const e = x.event;
    if (e.type === "stay.granted") {
      const g = x as Indexed<EventOf<"stay.granted">>;
      out.push({ grant: g, rule: ruleOfStayBy(e.by), status: "in_force", until: e.until });
    } else if (e.type === "stay.ended") {
      const wanted = (e as Record<string, unknown>).by;
      const open = out.filter((s) => !s.endedOn && (wanted === undefined || s.grant.event.by === wanted));
      const last = open[open.length - 1];
      if (last) Object.assign(last, { endedOn: e.on, endReason: `a stay.ended was recorded on ${e.on}` });
    } else if (e.type === "stay.communicated") {
      const last = out.filter((s) => !s.communicatedAt).pop();
      if (last) last.communicatedAt = `${e.on}T${e.at}`;
    }
  }
  for (const s of out) {
    if (!s.communicatedAt && s.grant.event.at) s.communicatedAt = `${s.grant.event.on}T${s.grant.event.at}`;
    const end = pendingEnd(events, s.grant);
    if (end && (!s.endedOn || end.on < s.endedOn))
      Object.assign(s, { endedOn: end.on, endReason: end.reason, endedBy: end.by });
    if (s.until && s.until < asOf && (!s.endedOn || s.until < s.endedOn)) {
      Object.assign(s, {
        endedOn: addDays(s.until, 1),
        endReason: `its period ended on ${s.until}`,
        endedBy: undefined,
      });
    }
    if (s.endedOn && s.endedOn <= asOf) s.status = "ended";
    else if (
      opts.boardingCompleted &&
      s.rule !== "STAY-06" &&
      s.communicatedAt &&
      compareStamps(s.communicatedAt, opts.boardingCompleted, tz) > 0
    ) {
      s.status = "after_boarding";
    }
  }
  return out;
}

/** STAY-03: the last day to file an exceptional-circumstances motion (180 days; roll-forward per U16). */
export function exceptionalMotionDue(order: OrderEvent, config: LawConfig, asOf: string): string {
  const roll = policy(config, "statutoryMotionRollForward", asOf);
  return roll ? periodDue(order.on, 180, config.closures ?? []) : addDays(order.on, 180);
}

/** STAY-03: does this motion to reopen an in absentia order carry the automatic stay? */
export function inAbsentiaMotionStatus(
  m: MotionRecord,
  order: OrderEvent,
  config: LawConfig,
  asOf: string,
): "qualifies" | "late" | "unknown_ground" | "other" {
  const e = m.received.event;
  if (e.kind !== "reopen") return "other";
  if (e.ground === "notice" || e.ground === "custody") return "qualifies";
  if (e.ground === "exceptional_circumstances") {
    return e.on <= exceptionalMotionDue(order, config, asOf) ? "qualifies" : "late";
  }
  return e.ground === undefined ? "unknown_ground" : "other";
}

/** Circuits whose stay motions bring an automatic temporary stay (9th Cir. General Order 6.4(c)); configurable. */
export function automaticStayCircuits(config: LawConfig, asOf: string): string[] {
  return String(policyValue(config, "automaticPfrStayCircuits", "9", asOf))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The petitions for review known on `asOf`, each with the court's decision if any. */
export function petitions(history: History, asOf: string) {
  return memo(history, "petitions", asOf, () => computePetitions(history, asOf));
}

function computePetitions(history: History, asOf: string) {
  const events = known(history, asOf);
  return events
    .filter((x): x is Indexed<EventOf<"pfr.filed">> => x.event.type === "pfr.filed")
    .map((p) => ({
      filed: p,
      decided: events.find(
        (x) => x.index > p.index && x.event.type === "appeal.decided" && x.event.forum === "circuit",
      )?.event as EventOf<"appeal.decided"> | undefined,
      ended: events.find((x) => x.index > p.index && x.event.type === "stay.ended")?.event,
      courtStay: events.find(
        (x) => x.index > p.index && x.event.type === "stay.granted" && x.event.by === "circuit",
      ),
    }));
}

/** Automatic stays (STAY-01, -02, -03, -04 VAWA, -06 temporary circuit stay) in force on `asOf`. */
export function automaticStays(history: History, config: LawConfig, asOf: string): StayInForce[] {
  return memoWithConfig(history, config, "automaticStays", asOf, () =>
    computeAutomaticStays(history, config, asOf),
  );
}

function computeAutomaticStays(history: History, config: LawConfig, asOf: string): StayInForce[] {
  const out: StayInForce[] = [];
  const order = currentOrder(history, asOf);
  const fin = orderFinality(history, config, asOf);
  if (order && isAppealable(order.event) && !fin.waiver && fin.appealDue) {
    const { received, decided } = orderAppeal(history, asOf, order);
    if (received && !decided) {
      const r = received.event;
      if (r.on <= fin.appealDue) {
        out.push({
          rule: "STAY-02",
          source: `8 CFR 1003.6(a): timely BIA appeal received ${r.on}`,
          message: `A timely appeal (received ${r.on}, due ${fin.appealDue}) is pending at the BIA; removal is stayed until the BIA decides.`,
        });
      } else if (r.toll && policy(config, "lateAppealWithTolling", asOf) === "wait_for_bia") {
        out.push({
          rule: "STAY-02",
          source: `late BIA appeal with a tolling request received ${r.on} (policy: wait for the BIA)`,
          message: `A late appeal with a request to accept it (received ${r.on}) is pending; by policy removal waits for the BIA.`,
        });
      }
    } else if (!received && asOf <= fin.appealDue) {
      out.push({
        rule: "STAY-01",
        source: `8 CFR 1003.6(a): appeal period of the IJ decision of ${order.event.on}`,
        until: fin.appealDue,
        message: `The IJ decision of ${order.event.on} may not be executed during the appeal period, which runs to ${fin.appealDue}.`,
      });
    }
  }
  const latest = latestOrder(history, asOf);
  const standing = latest && !latest.vacated ? latest.event : undefined;
  const events = known(history, asOf);
  for (const m of motions(history, asOf)) {
    if (!order || m.received.index < order.index) continue;
    const appealOfDenial =
      m.decided &&
      events.find(
        (x) =>
          x.index > (m.decided?.index ?? 0) &&
          x.event.type === "appeal.received" &&
          !events.some((y) => y.index > x.index && y.event.type === "appeal.decided"),
      );
    if ((m.received.event as Record<string, unknown>).vawa === true && (!m.decided || appealOfDenial)) {
      out.push({
        rule: "STAY-04",
        source: `INA 240(c)(7)(C)(iv): VAWA motion received ${m.received.event.on}`,
        message: `A VAWA special-rule motion (received ${m.received.event.on}) stays removal until it is finally disposed of, including appeals.`,
      });
    }
    if (standing?.inAbsentia && inAbsentiaMotionStatus(m, standing, config, asOf) === "qualifies") {
      if (!m.decided) {
        out.push({
          rule: "STAY-03",
          source: `INA 240(b)(5)(C): motion to reopen the in absentia order received ${m.received.event.on}`,
          message: `A motion to reopen the in absentia order of ${standing.on} (ground: ${m.received.event.ground}, received ${m.received.event.on}) stays removal until the IJ decides it.`,
        });
      } else if (appealOfDenial && policy(config, "inAbsentiaDenialAppealStay", asOf) === "block") {
        out.push({
          rule: "STAY-03",
          source: `BIA appeal of the IJ's denial (${m.decided.event.on}) received ${appealOfDenial.event.on} (policy: stay continues)`,
          message: `The BIA appeal of the denial of the in absentia motion (received ${appealOfDenial.event.on}) is pending; by policy the stay continues.`,
        });
      }
    }
  }
  const circuits = automaticStayCircuits(config, asOf);
  for (const p of petitions(history, asOf)) {
    const circuit = p.filed.event.circuit || config.circuit || "";
    if (p.filed.event.stayRequested && circuits.includes(circuit) && !p.decided && !p.ended && !p.courtStay) {
      out.push({
        rule: "STAY-06",
        source: `temporary stay on a stay motion filed ${p.filed.event.on} (Cir. ${circuit} practice)`,
        message: `A stay motion with the petition for review (filed ${p.filed.event.on}) in the ${circuit}th Circuit brings a temporary stay until the court rules on it.`,
      });
    }
  }
  return out;
}

/**
 * Every stay that bars removal on `asOf`: the automatic stays (appeal period,
 * timely appeal, in absentia motion to reopen, VAWA motion, temporary circuit
 * stay) and the stays granted by an IJ, the BIA, a court or DHS that have not
 * lapsed. Give `opts.boardingCompleted` for a departing flight: an IJ, BIA or
 * DHS stay communicated after boarding was completed is then left out (STAY-05
 * sends that case to REVIEW).
 */
export function staysInForce(
  history: History,
  config: LawConfig,
  asOf: string,
  opts: StayOptions = {},
): StayInForce[] {
  return memoWithConfig(history, config, "staysInForce", `${asOf}|${opts.boardingCompleted}|${opts.tz}`, () =>
    computeStaysInForce(history, config, asOf, opts),
  );
}

function computeStaysInForce(
  history: History,
  config: LawConfig,
  asOf: string,
  opts: StayOptions,
): StayInForce[] {
  // A copy: the automatic stays are a memoized list of their own.
  const out = [...automaticStays(history, config, asOf)];
  for (const s of grantedStays(history, config, asOf, opts)) {
    if (s.status !== "in_force") continue;
    const g = s.grant.event;
    const end = s.until ? `through ${s.until}` : g.pending ? `pending ${g.pending}` : "until it is lifted";
    out.push({
      rule: s.rule,
      source: `stay.granted ${g.on} by ${g.by}`,
      until: s.until,
      message: `A stay granted by ${g.by === "DHS" ? "DHS (I-246)" : `the ${g.by}`} on ${g.on} is in force ${end}.`,
    });
  }
  return out;
}
