/**
 * TIME-01 (day periods and roll-forward), TIME-02 (filing means receipt),
 * TIME-03 (mail service: DHS +3, EOIR none) and TIME-08 (statutory motion
 * deadlines). Finality comes from src/law/facts/orders.ts (FIN-02).
 */
import { addDays, periodDue } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import { currentOrder, isAppealable, motions, orderAppeal, orderFinality } from "../../facts/orders.js";
import { explainPeriod } from "../../facts/periods.js";
import { isRemoval, knownEvents } from "../../facts/removal.js";
import { vawaIndicator } from "../../facts/voluntary-departure.js";
import { policy } from "../../policy.js";
import type { Action, Deadline, Finding, LawConfig, Rule, RuleContext } from "../../types.js";

/** Actions whose lawfulness turns on when an order became final. */
export function finalityMatters(action: Action): boolean {
  return isRemoval(action.type) || action.type === "order.mark_final" || action.type === "vd.penalty.record";
}

/** The current appealable IJ order whose appeal period is live or decided the case (not waived). */
function appealPeriod(ctx: RuleContext) {
  const { history, config, asOf } = ctx;
  const order = currentOrder(history, asOf);
  if (!order || !isAppealable(order.event)) return undefined;
  const fin = orderFinality(history, config, asOf);
  if (fin.waiver || !fin.appealDue) return undefined;
  return { order, fin, appeal: orderAppeal(history, asOf, order) };
}

const closuresOf = (config: LawConfig) => config.closures ?? [];

export const time01: Rule = {
  id: "TIME-01",
  title: "Periods counted in days",
  citation: "8 CFR 1003.38(b); 8 CFR 1001.1; 8 CFR 1.2",
  actions: "*",
  evaluate(ctx) {
    const { history, config, asOf, action } = ctx;
    const deadlines: Deadline[] = [];
    const findings: Finding[] = [];
    const period = appealPeriod(ctx);
    if (period?.fin.appealDue) {
      deadlines.push({ kind: "appeal.due", due: period.fin.appealDue, rule: this.id });
      if (finalityMatters(action)) {
        const o = period.order.event;
        const received = period.appeal.received?.event;
        const how = o.delivery === "oral" ? "oral decision" : `written decision ${o.delivery ?? "served"}`;
        const outcome = received
          ? `the appeal received ${received.on} is ${received.on <= period.fin.appealDue ? "within" : "outside"} the period`
          : asOf > period.fin.appealDue
            ? "no appeal was received within it"
            : "the period is still running";
        findings.push(
          finding(
            this,
            "ALLOW",
            `BIA appeal period from the ${how} of ${o.on}: ${explainPeriod(o.on, 30, closuresOf(config))}; ${outcome}.`,
            period.fin.facts,
          ),
        );
      }
    }
    // A new 30-day BIA appeal window opens when an IJ denies a motion (STAY-08).
    for (const m of motions(history, asOf)) {
      const d = m.decided?.event;
      if (m.received.event.forum === "IJ" && d?.outcome === "denied") {
        deadlines.push({
          kind: "appeal.due",
          due: periodDue(d.on, 30, closuresOf(config)),
          rule: this.id,
          note: `appeal of the IJ's denial of ${d.on}`,
        });
      }
    }
    // The in absentia 180-day period (TIME-08) is a day period too: explain its roll-forward.
    const order = currentOrder(history, asOf)?.event;
    if (order?.inAbsentia && finalityMatters(action)) {
      const exceptional = motions(history, asOf).find(
        (m) => m.received.event.ground === "exceptional_circumstances",
      );
      if (exceptional) {
        const roll = policy(config, "statutoryMotionRollForward", asOf);
        findings.push(
          finding(
            this,
            "ALLOW",
            `180-day period for an exceptional-circumstances motion from the in absentia order of ${order.on}: ${explainPeriod(order.on, 180, closuresOf(config), roll === true)}; the motion was received ${exceptional.received.event.on}.`,
          ),
        );
      }
    }
    return { findings, deadlines };
  },
};

export const time02: Rule = {
  id: "TIME-02",
  title: "Filing means receipt; no mailbox rule",
  citation:
    "8 CFR 1003.38(c); 8 CFR 1003.13; 8 CFR 1003.3(a); Matter of Morales-Morales, 28 I&N Dec. 714 (BIA 2023)",
  actions: [
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
    "vd.penalty.record",
  ],
  evaluate(ctx) {
    const period = appealPeriod(ctx);
    const received = period?.appeal.received?.event;
    if (!period?.fin.appealDue || !received) return null;
    const due = period.fin.appealDue;
    const stamp = `${received.on}${received.at ? ` ${received.at}` : ""}`;
    if (received.on <= due) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The BIA received the appeal on ${stamp}, by the ${due} deadline; the date of receipt, not of mailing, is the filing date.`,
          ),
        ],
      };
    }
    if (period.fin.lateAppeal?.toll) {
      const mode = policy(ctx.config, "lateAppealWithTolling", ctx.asOf);
      const msg = `The BIA received the appeal on ${stamp}, after the ${due} deadline (filing means receipt), with a request to accept it late by equitable tolling that the BIA has not decided.`;
      const remedy = "the BIA's decision on the tolling request";
      return {
        findings: [
          mode === "wait_for_bia"
            ? finding(this, "BLOCK", `${msg} This configuration waits for the BIA's ruling.`, [], remedy)
            : finding(
                this,
                "REVIEW",
                `${msg} A supervisor must check the BIA docket and record a reason.`,
                [],
                remedy,
              ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `The BIA received the appeal on ${stamp}, after the ${due} deadline; filing means receipt, so it is untimely and brings no automatic stay.`,
        ),
      ],
    };
  },
};

export const time03: Rule = {
  id: "TIME-03",
  title: "Service by mail: DHS notices add 3 days; EOIR decisions add none",
  citation: "8 CFR 103.8(b); 8 CFR 1003.38(b)",
  actions: ["removal.schedule", "removal.execute", "manifest.add", "flight.depart", "order.mark_final"],
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf)?.event;
    if (!order || (order.delivery !== "mail" && order.delivery !== "electronic")) return null;
    if (order.by === "DHS") {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The DHS order of ${order.on} was served by ${order.delivery}: 3 days are added to response periods that run from DHS mail service, but not to periods fixed by statute from issuance.`,
          ),
        ],
      };
    }
    if (!appealPeriod(ctx)) return null;
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `The ${order.by} decision of ${order.on} was served by ${order.delivery}; the 30-day appeal period runs from that date with no days added (EOIR service, not DHS mail service).`,
        ),
      ],
    };
  },
};

export const time08: Rule = {
  id: "TIME-08",
  title: "Statutory motion deadlines",
  citation: "INA 240(c)(6)-(7); INA 240(b)(5)(C); 8 CFR 1003.2(b)-(c); 8 CFR 1003.23(b)",
  actions: "*",
  evaluate({ history, config, asOf, action }) {
    const fin = orderFinality(history, config, asOf);
    const order = fin.order;
    if (!order || !fin.final || !fin.finalOn || fin.summary || order.by === "DHS") return null;
    const roll = policy(config, "statutoryMotionRollForward", asOf) === true;
    const closures = config.closures ?? [];
    const due = (trigger: string, days: number) =>
      roll ? periodDue(trigger, days, closures) : addDays(trigger, days);
    const trigger = fin.finalOn;
    const deadlines: Deadline[] = [
      {
        kind: "motion.reopen.due",
        due: due(trigger, 90),
        rule: this.id,
        note: `90 days from the final order (${trigger})`,
      },
      {
        kind: "motion.reconsider.due",
        due: due(trigger, 30),
        rule: this.id,
        note: `30 days from the final order (${trigger})`,
      },
    ];
    if (order.inAbsentia) {
      deadlines.push({
        kind: "motion.exceptional.due",
        due: due(order.on, 180),
        rule: this.id,
        note: "exceptional circumstances; lack of notice or custody: any time",
      });
    }
    if (vawaIndicator(knownEvents(history, asOf))) {
      deadlines.push({
        kind: "motion.vawa.due",
        due: due(trigger, 365),
        rule: this.id,
        note: "1 year; may be waived (240(c)(7)(C)(iv))",
      });
    }
    if (!finalityMatters(action)) return { deadlines };
    const findings: Finding[] = [];
    const filed = motions(history, asOf).filter(
      (m) => m.received.event.on >= trigger || m.received.event.on >= order.on,
    );
    for (const m of filed) {
      const e = m.received.event;
      let rule: string;
      if (e.ground === "changed_conditions")
        rule = "changed-country-conditions motions have no time or number limit";
      else if (order.inAbsentia && (e.ground === "notice" || e.ground === "custody"))
        rule = "a lack-of-notice or custody motion may be filed at any time";
      else {
        const [days, label] =
          order.inAbsentia && e.ground === "exceptional_circumstances"
            ? [180, "exceptional-circumstances"]
            : e.kind === "reconsider"
              ? [30, "reconsideration"]
              : [90, "reopening"];
        const base = days === 180 ? order.on : trigger;
        const last = due(base, days);
        rule = `the ${label} deadline was ${last} (${days} days from ${base}), so it is ${e.on <= last ? "timely" : "late"}`;
      }
      findings.push(
        finding(
          this,
          "ALLOW",
          `Motion to ${e.kind} received ${e.on} (${e.ground ?? "ground not recorded"}): ${rule}.`,
        ),
      );
    }
    return { findings, deadlines };
  },
};
