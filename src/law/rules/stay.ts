/**
 * STAY-* rules of docs/law/RULES.md. STAY-01..04 (automatic stays and motions)
 * are here; STAY-05..08 (granted stays and their lifecycle) are in
 * ./stay/granted.ts. The facts come from src/law/facts/stays.ts.
 */
import {
  currentOrder,
  isAppealable,
  latestOrder,
  motions,
  orderAppeal,
  orderFinality,
} from "../facts/orders.js";
import { failClosedOutcome } from "../facts/removal.js";
import { exceptionalMotionDue, grantedStays, inAbsentiaMotionStatus } from "../facts/stays.js";
import { policy, policyValue } from "../policy.js";
import type { Deadline, Finding, Rule, RuleContext } from "../types.js";
import { finding, isRemovalAction, plannedDate } from "./fin/finding.js";
import { stay05, stay06, stay07, stay08 } from "./stay/granted.js";

const removalAndFinal = [
  "removal.schedule",
  "removal.execute",
  "manifest.add",
  "flight.depart",
  "order.mark_final",
];
const gated = (ctx: RuleContext) => removalAndFinal.includes(ctx.action.type);

const stay01: Rule = {
  id: "STAY-01",
  title: "Automatic stay during the 30-day appeal period",
  citation: "8 CFR 1003.6(a); BIA Practice Manual ch. 6.2(a)",
  actions: "*",
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!order || !isAppealable(order.event)) return null;
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    const due = fin.appealDue;
    if (!due) return null;
    const deadlines: Deadline[] = fin.waiver ? [] : [{ kind: "appeal.due", due, rule: this.id }];
    if (!gated(ctx)) return { deadlines };
    const o = order.event;
    const { received } = orderAppeal(ctx.history, ctx.asOf, order);
    const facts = fin.facts;
    let f: Finding;
    if (fin.waiver) {
      f = finding(
        this,
        "ALLOW",
        `Appeal was waived on ${fin.waiver.on}, so the appeal-period stay does not apply.`,
        facts,
      );
    } else if (received) {
      f = finding(
        this,
        "ALLOW",
        `The appeal period (to ${due}) closed; an appeal was received ${received.event.on} (see STAY-02).`,
        facts,
      );
    } else if (ctx.asOf > due) {
      f = finding(
        this,
        "ALLOW",
        `The appeal period of the IJ decision of ${o.on} ended on ${due} with no appeal received.`,
        facts,
      );
    } else {
      const date = ctx.action.type === "order.mark_final" ? ctx.asOf : plannedDate(ctx.action);
      f =
        date <= due
          ? finding(
              this,
              "BLOCK",
              `The IJ decision of ${o.on} may not be executed during the appeal period, which runs to ${due}.`,
              facts,
              `the appeal period ending on ${due} with no appeal, or a waiver of appeal`,
            )
          : finding(
              this,
              "WARN",
              `The appeal period runs to ${due}; the removal date ${date} is after it, but an appeal received by ${due} would stay removal.`,
              facts,
            );
    }
    return { findings: [f], deadlines };
  },
};

const stay02: Rule = {
  id: "STAY-02",
  title: "Automatic stay while a timely BIA appeal is pending",
  citation:
    "8 CFR 1003.6(a); 8 CFR 1003.3(a)(1); 8 CFR 1003.38(b)-(c); Matter of Morales-Morales, 28 I&N Dec. 714 (BIA 2023)",
  actions: removalAndFinal,
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!order || !isAppealable(order.event)) return null;
    const { received, decided } = orderAppeal(ctx.history, ctx.asOf, order);
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    if (!received || !fin.appealDue) return null;
    const r = received.event;
    const due = fin.appealDue;
    const facts = fin.facts;
    const timely = r.on <= due;
    if (decided) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The BIA decided the appeal (${decided.event.outcome}) on ${decided.event.on}; the appeal stay ended then.`,
            facts,
          ),
        ],
      };
    }
    if (timely) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `The appeal received ${r.on}${r.at ? ` at ${r.at}` : ""} was timely (due ${due}); removal is stayed until the BIA decides.`,
            facts,
            "a BIA decision dismissing the appeal, or the appeal's withdrawal",
          ),
        ],
      };
    }
    if (!r.toll) {
      return {
        findings: [
          finding(
            this,
            "WARN",
            `The appeal received ${r.on} was late (due ${due}) and asks for no tolling; an untimely appeal does not stay removal.`,
            facts,
          ),
        ],
      };
    }
    const wait = policy(ctx.config, "lateAppealWithTolling", ctx.asOf) === "wait_for_bia";
    return {
      findings: [
        finding(
          this,
          wait ? "BLOCK" : "REVIEW",
          `The appeal received ${r.on} was late (due ${due}) but asks the BIA to accept it (equitable tolling); ${wait ? "by policy removal waits for the BIA's ruling" : "a supervisor must check the BIA docket and record a written reason"}.`,
          facts,
          "the BIA's ruling on the request to accept the late appeal",
        ),
      ],
    };
  },
};

const stay03: Rule = {
  id: "STAY-03",
  title: "Automatic stay on a motion to reopen an in absentia order",
  citation: "INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii)-(iii); BIA Practice Manual 6.2(d)",
  actions: "*",
  evaluate(ctx) {
    const latest = latestOrder(ctx.history, ctx.asOf);
    if (!latest || latest.vacated || !latest.event.inAbsentia) return null;
    const o = latest.event;
    const due = exceptionalMotionDue(o, ctx.config, ctx.asOf);
    const deadlines: Deadline[] = [{ kind: "motion.exceptional.due", due, rule: this.id }];
    if (!isRemovalAction(ctx.action)) return { deadlines };
    const events = ctx.history.events.filter((e) => e.on <= ctx.asOf);
    const findings: Finding[] = [];
    for (const m of motions(ctx.history, ctx.asOf)) {
      if (m.received.index < latest.index) continue;
      const status = inAbsentiaMotionStatus(m, o, ctx.config, ctx.asOf);
      if (status === "other") continue;
      const r = m.received.event;
      const facts = [
        `order.issued ${o.on} (IJ, in absentia)`,
        `motion.received ${r.on} (reopen, ${r.ground ?? "ground not recorded"})`,
      ];
      if (!m.decided) {
        if (status === "qualifies") {
          findings.push(
            finding(
              this,
              "BLOCK",
              `A motion to reopen the in absentia order of ${o.on} (ground: ${r.ground}) was received ${r.on}; removal is stayed until the IJ decides it.`,
              facts,
              "the IJ's decision on the motion",
            ),
          );
        } else if (status === "late") {
          findings.push(
            finding(
              this,
              "REVIEW",
              `An exceptional-circumstances motion was received ${r.on}, after the 180-day deadline of ${due}; it arguably carries no automatic stay.`,
              facts,
              "legal sign-off that no stay applies, or the IJ's decision",
            ),
          );
        } else {
          findings.push(
            finding(
              this,
              failClosedOutcome(ctx.action.type),
              `A motion to reopen the in absentia order was received ${r.on} but its ground is not recorded, so whether it stays removal cannot be decided.`,
              facts,
              "the motion's ground (notice, custody or exceptional circumstances) recorded, or the IJ's decision",
            ),
          );
        }
        continue;
      }
      const d = m.decided.event;
      facts.push(`motion.decided ${d.on} (${d.outcome})`);
      const appeal = events.findIndex((e, i) => i > (m.decided?.index ?? 0) && e.type === "appeal.received");
      const appealDecided = appeal >= 0 && events.some((e, i) => i > appeal && e.type === "appeal.decided");
      if (appeal >= 0 && !appealDecided) {
        facts.push(`appeal.received ${events[appeal].on} (BIA)`);
        const p = policy(ctx.config, "inAbsentiaDenialAppealStay", ctx.asOf);
        const outcome = p === "block" ? "BLOCK" : p === "none" ? "WARN" : "REVIEW";
        findings.push(
          finding(
            this,
            outcome,
            `The IJ denied the motion on ${d.on}, which ends the statutory stay; a BIA appeal of the denial (received ${events[appeal].on}) is pending, and whether the stay continues is unsettled (U6). Confirm no emergency stay request is pending.`,
            facts,
            "legal sign-off, or the BIA's decision on the appeal",
          ),
        );
      } else {
        findings.push(
          finding(
            this,
            "ALLOW",
            `The automatic stay ended when the IJ decided the motion (${d.outcome}) on ${d.on}.`,
            facts,
          ),
        );
      }
    }
    return { findings, deadlines };
  },
};

const stay04: Rule = {
  id: "STAY-04",
  title: "Other motions: no automatic stay (VAWA excepted)",
  citation: "8 CFR 1003.2(f); 8 CFR 1003.23(b)(1)(v); INA 240(c)(7)(C)(iv); BIA Practice Manual 6.3(b)",
  actions: ["removal.schedule", "removal.execute", "manifest.add", "flight.depart"],
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!order) return null;
    const findings: Finding[] = [];
    const stays = grantedStays(ctx.history, ctx.config, ctx.asOf);
    for (const m of motions(ctx.history, ctx.asOf)) {
      if (m.received.index < order.index || m.decided) continue;
      const r = m.received.event;
      if (order.event.inAbsentia && inAbsentiaMotionStatus(m, order.event, ctx.config, ctx.asOf) !== "other")
        continue;
      const facts = [`motion.received ${r.on} (${r.kind}, ${r.forum}, ${r.ground ?? "ground not recorded"})`];
      if ((r as Record<string, unknown>).vawa === true) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `A VAWA special-rule motion received ${r.on} stays removal until it is finally disposed of, including appeals.`,
            facts,
            "final disposition of the VAWA motion, including appeals",
          ),
        );
        continue;
      }
      const granted = stays.find((s) => s.grant.index > m.received.index && s.rule === "STAY-05");
      if (granted) {
        findings.push(
          finding(
            this,
            "ALLOW",
            `A stay was granted on ${granted.grant.event.on} on the motion of ${r.on}; STAY-05 governs it.`,
            facts,
          ),
        );
      } else if (r.stayRequested === true) {
        const p = String(policyValue(ctx.config, "pendingStayMotion", "review", ctx.asOf));
        findings.push(
          finding(
            this,
            p === "warn" ? "WARN" : "REVIEW",
            `The motion to ${r.kind} received ${r.on} asks for a stay that has not been decided; removal would moot the request.`,
            facts,
            "the ruling on the stay request",
          ),
        );
      } else if (r.stayRequested === false) {
        findings.push(
          finding(
            this,
            "WARN",
            `A motion to ${r.kind} received ${r.on} is pending without a stay request; it does not stay removal.`,
            facts,
          ),
        );
      } else {
        findings.push(
          finding(
            this,
            "REVIEW",
            `A motion to ${r.kind} received ${r.on} is pending and the record does not say whether a stay was requested.`,
            facts,
            "the motion's stay request recorded (or its absence confirmed)",
          ),
        );
      }
    }
    return findings.length ? { findings } : null;
  },
};

export const stayRules: Rule[] = [stay01, stay02, stay03, stay04, stay05, stay06, stay07, stay08];
