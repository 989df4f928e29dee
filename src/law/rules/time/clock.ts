/**
 * TIME-04 (federal court deadlines: the petition for review), TIME-05 (hour
 * periods), TIME-06 (business days) and TIME-07 (counting days in custody).
 */
import type { CaseEvent } from "../../../domain/events.js";
import {
  addBusinessHours,
  addHours,
  compareStamps,
  dayNumber,
  hourPeriodAlert,
  localStamp,
  periodDue,
} from "../../calendar/calendar.js";
import { actionStamp, currentCustody, zoneOf } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { motions, orderFinality } from "../../facts/orders.js";
import { explainBusinessDays, explainPeriod } from "../../facts/periods.js";
import { eventsOf, isRemoval, knownEvents, lastOf } from "../../facts/removal.js";
import { removalPeriod } from "../../facts/removal-period.js";
import { currentVdGrant } from "../../facts/voluntary-departure.js";
import { policy } from "../../policy.js";
import type { Deadline, Finding, History, LawConfig, Rule } from "../../types.js";

interface PfrWindow {
  trigger: string;
  what: string;
  due: string;
}

/** 30-day petition-for-review windows (INA 242(b)(1)) opened by final orders on `asOf`. */
function pfrWindows(
  history: History,
  config: LawConfig,
  asOf: string,
  events: readonly CaseEvent[],
): PfrWindow[] {
  const closures = config.closures ?? [];
  const out: PfrWindow[] = [];
  const add = (trigger: string, what: string) =>
    out.push({ trigger, what, due: periodDue(trigger, 30, closures) });
  for (const e of events) {
    if (e.type === "appeal.decided" && e.forum === "BIA" && e.outcome === "dismissed")
      add(e.on, "the BIA's dismissal of the appeal");
    if (e.type === "order.issued" && e.by === "BIA" && e.kind !== "termination" && e.kind !== "relief")
      add(e.on, "the BIA's order");
    if (e.type === "order.issued" && e.kind === "administrative_238b")
      add(e.on, "the final administrative removal order (Riley v. Bondi)");
  }
  for (const m of motions(history, asOf)) {
    const d = m.decided?.event;
    if (m.received.event.forum === "BIA" && d?.outcome === "denied")
      add(d.on, `the BIA's denial of the motion to ${d.kind}`);
  }
  return out;
}

export const time04: Rule = {
  id: "TIME-04",
  title: "Federal court deadlines",
  citation: "INA 242(b)(1); FRAP 26(a); Riley v. Bondi, 606 U.S. ___ (2025)",
  actions: "*",
  evaluate({ history, config, asOf, action }) {
    const events = knownEvents(history, asOf);
    const windows = pfrWindows(history, config, asOf, events);
    const deadlines: Deadline[] = windows.map((w) => ({
      kind: "pfr.due",
      due: w.due,
      rule: this.id,
      note: `30 days from ${w.what}`,
    }));
    if (!windows.length || !(isRemoval(action.type) || action.type === "order.mark_final"))
      return { deadlines };
    const w = windows[windows.length - 1];
    const pfr = eventsOf(events, "pfr.filed").find((p) => p.on >= w.trigger);
    const status = pfr
      ? `a petition was filed ${pfr.on} (${pfr.on <= w.due ? "timely" : "late"}); filing alone does not stay removal (242(b)(3)(B))`
      : asOf > w.due
        ? "no petition was filed in time"
        : "no petition has been filed yet";
    const findings: Finding[] = [
      finding(
        this,
        "ALLOW",
        `Petition for review of ${w.what} of ${w.trigger}: ${explainPeriod(w.trigger, 30, config.closures ?? [])} (FRAP 26(a); state holidays where the clerk sits count only if entered as closures); ${status}.`,
      ),
    ];
    return { findings, deadlines };
  },
};

export const time05: Rule = {
  id: "TIME-05",
  title: "Periods counted in hours",
  citation: "8 CFR 287.7(d); 8 CFR 287.3(d); 8 U.S.C. 1232(b)(2)-(3)",
  actions: ["detainer.issue", "arrest.make", "detention.continue", "transfer", "flight.depart"],
  evaluate({ history, config, asOf, action }) {
    const events = knownEvents(history, asOf);
    const tz = zoneOf(config, action);
    const closures = config.closures ?? [];
    const findings: Finding[] = [];
    const describe = (label: string, from: string, hours: number, due: string) =>
      `${label}: ${hours} hours from ${from} (${tz}) end ${due}; alert at 75% (${hourPeriodAlert(from, hours, 0.75, tz)}).`;
    if (action.type === "detainer.issue" && typeof action.releaseAt === "string") {
      const flat = addHours(action.releaseAt, 48, tz);
      const reg = addBusinessHours(action.releaseAt, 48, tz, closures);
      const mode = policy(config, "detainerHoldComputation", asOf);
      const used =
        mode === "form" ? flat : mode === "regulation" ? reg : compareStamps(flat, reg, tz) <= 0 ? flat : reg;
      findings.push(
        finding(
          this,
          "ALLOW",
          `Detainer hold: 48 clock hours from the scheduled release ${action.releaseAt} end ${flat}; read as 287.7(d) (weekends and holidays excluded) they end ${reg}; the configured reading (${mode}) gives ${used}.`,
        ),
      );
    }
    if (action.type === "arrest.make") {
      const from = actionStamp(action);
      findings.push(
        finding(
          this,
          "ALLOW",
          describe(
            "Custody decision after a warrantless arrest (287.3(d))",
            from,
            48,
            addHours(from, 48, tz),
          ),
        ),
      );
    }
    const uac = lastOf(events, "uac.determined");
    if (uac && (action.type === "detention.continue" || action.type === "transfer")) {
      const from = localStamp(uac.on, uac.at);
      const utz = zoneOf(config, uac);
      findings.push(
        finding(
          this,
          "ALLOW",
          `${describe("Notice to HHS of an unaccompanied child", from, 48, addHours(from, 48, utz))} ${describe("Transfer to HHS", from, 72, addHours(from, 72, utz))}`,
        ),
      );
    }
    const communicated = lastOf(events, "stay.communicated");
    if (action.type === "flight.depart" && communicated && typeof action.boardingCompletedAt === "string") {
      const boarded = /^\d{2}:\d{2}$/.test(action.boardingCompletedAt)
        ? `${action.on}T${action.boardingCompletedAt}`
        : action.boardingCompletedAt;
      const stay = localStamp(communicated.on, communicated.at);
      const order = compareStamps(stay, boarded, zoneOf(config, communicated)) < 0 ? "before" : "after";
      findings.push(
        finding(
          this,
          "ALLOW",
          `The stay reached the agency at ${stay}, ${order} boarding was completed at ${boarded} (compared in one time zone).`,
        ),
      );
    }
    return findings.length ? { findings } : null;
  },
};

export const time06: Rule = {
  id: "TIME-06",
  title: "Business-day periods",
  citation: "8 CFR 1240.26(c)(3); 8 CFR 1003.19(i)(2); 5 U.S.C. 6103",
  actions: [
    "vd.penalty.record",
    "vd.extend",
    "vd.grant",
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
  ],
  evaluate({ history, config, asOf }) {
    const grant = currentVdGrant(history, config, asOf);
    const due = grant?.terms.bondDue;
    if (!grant || !due) return null;
    const on = grant.order.event.on;
    const posted = grant.terms.bondPosted;
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `Voluntary-departure bond: 5 business days after the grant of ${on} is ${due} (${explainBusinessDays(on, due, config.closures ?? [])}); ${posted ? `posted ${posted}` : "no posting recorded"}.`,
        ),
      ],
    };
  },
};

export const time07: Rule = {
  id: "TIME-07",
  title: "Counting days in custody",
  citation: "Zadvydas v. Davis, 533 U.S. 678 (2001); INA 241(a)(1); Flores Settlement Agreement",
  actions: ["detention.continue", "transfer", "bond.refuse_jurisdiction"],
  evaluate({ history, config, asOf, action }) {
    const events = knownEvents(history, asOf);
    const custody = currentCustody(events);
    if (!custody) return null;
    const parts = [`day ${dayNumber(custody.start, action.on)} of custody that began ${custody.start}`];
    const fin = orderFinality(history, config, asOf);
    if (fin.final) {
      const period = removalPeriod(history, config, asOf);
      if (period.start) {
        parts.push(
          `day ${dayNumber(period.start, action.on)} of the removal period that began ${period.start} (day 90 = ${period.day90}; the presumptive period ends before ${period.day181})`,
        );
      }
    }
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `Counting day 1 as the start date (the protective convention): ${parts.join("; ")}. Alerts use the earlier of competing counts, expiry conclusions the later.`,
        ),
      ],
    };
  },
};
