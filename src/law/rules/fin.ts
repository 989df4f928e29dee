/**
 * FIN-* rules of docs/law/RULES.md: a removal needs a final, executable order
 * that has not been vacated and is not stayed. The facts (which order, when
 * final, which stays) come from src/law/facts/orders.ts and stays.ts; the
 * summary orders (FIN-04..06) live in ./fin/summary.ts.
 */
import { ageOn } from "../calendar/calendar.js";
import { currentOrder, orderFinality } from "../facts/orders.js";
import { boardingStampOf, staysInForce } from "../facts/stays.js";
import type { Deadline, Finding, History, Rule, RuleContext } from "../types.js";
import { finding, gatesOnOrder, isRemovalAction, plannedDate } from "./fin/finding.js";
import { fin04, fin05, fin06 } from "./fin/summary.js";

/** Stays that bar this action: for a scheduled removal, a dated stay that ends before the removal date does not. */
export function barringStays(ctx: RuleContext) {
  const boardingCompleted = ctx.action.type === "flight.depart" ? boardingStampOf(ctx.action) : undefined;
  const stays = staysInForce(ctx.history, ctx.config, ctx.asOf, { boardingCompleted });
  const on = plannedDate(ctx.action);
  return stays.filter((s) => !s.until || s.until >= on);
}

const fin01: Rule = {
  id: "FIN-01",
  title: "No removal without a final, executable order",
  citation: "INA 241(a)(1)(A); INA 101(a)(47)(B); 8 CFR 241.1; 8 CFR 1241.1; 8 CFR 241.2",
  actions: ["removal.schedule", "removal.execute", "manifest.add", "flight.depart", "warrant.issue"],
  evaluate(ctx) {
    if (!gatesOnOrder(ctx.action)) return null;
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    if (!fin.order) {
      const why = fin.vacated ? fin.reason : "No removal order is on record for this person.";
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `${why} Removal needs a final order of removal.`,
            fin.facts,
            "a final order of removal (or a documented summary order)",
          ),
        ],
      };
    }
    if (!fin.final) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `The order is not final: ${fin.reason}`,
            fin.facts,
            remedyForNotFinal(fin.appealDue),
          ),
        ],
      };
    }
    const stays = barringStays(ctx);
    if (stays.length) {
      const list = stays.map((s) => `${s.rule}: ${s.message}`).join(" ");
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `The order became final on ${fin.finalOn}, but removal is stayed. ${list}`,
            [...fin.facts, ...stays.map((s) => s.source)],
            "the stay's end (its date passes, its condition is decided, or it is lifted)",
          ),
        ],
      };
    }
    const basis = fin.summary ? "a summary order whose own basis is checked separately" : fin.basis;
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `The order of ${fin.order.on} became final on ${fin.finalOn} (${basis}); no stay is in force.`,
          fin.facts,
        ),
      ],
    };
  },
};

function remedyForNotFinal(appealDue?: string): string {
  return appealDue
    ? `a waiver of appeal, the appeal period ending on ${appealDue} with no appeal, or a BIA decision dismissing the appeal`
    : "a final order of removal";
}

const fin02: Rule = {
  id: "FIN-02",
  title: "When an IJ removal order becomes final (8 CFR 1241.1)",
  citation: "8 CFR 1241.1(a)-(f); 8 CFR 1003.38(b); 8 CFR 1240.15; 8 CFR 1240.26",
  actions: "*",
  evaluate(ctx) {
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    const deadlines: Deadline[] = [];
    if (fin.appealDue && !fin.waiver)
      deadlines.push({ kind: "appeal.due", due: fin.appealDue, rule: this.id });
    if (fin.vd?.departBy) deadlines.push({ kind: "vd.depart_by", due: fin.vd.departBy, rule: this.id });
    if (fin.vd?.bondDue && !fin.vd.bondPosted)
      deadlines.push({ kind: "vd.bond_due", due: fin.vd.bondDue, rule: this.id });
    const gated = gatesOnOrder(ctx.action);
    if (!gated || (fin.summary && ctx.action.type !== "order.mark_final")) return { deadlines };
    const findings: Finding[] = [];
    if (!fin.order) {
      findings.push(
        finding(
          this,
          "BLOCK",
          `There is no order to treat as final. ${fin.reason}`,
          fin.facts,
          "a final order of removal",
        ),
      );
    } else if (!fin.final) {
      findings.push(
        finding(
          this,
          "BLOCK",
          `${fin.reason}${fin.finalOn ? ` (earliest finality: ${fin.finalOn})` : ""}`,
          fin.facts,
          remedyForNotFinal(fin.appealDue),
        ),
      );
    } else if (fin.lateAppeal) {
      const { on, toll } = fin.lateAppeal;
      const outcome = toll ? "REVIEW" : "WARN";
      findings.push(
        finding(
          this,
          outcome,
          `${fin.reason} A late appeal received ${on} is pending${toll ? " with a request to accept it late (Matter of Morales-Morales): if the BIA accepts it, the order is no longer final" : " without a tolling request"}.`,
          fin.facts,
          "the BIA's ruling on the late appeal",
        ),
      );
    } else {
      findings.push(finding(this, "ALLOW", `${fin.reason} Basis: ${fin.basis}.`, fin.facts));
    }
    return { findings, deadlines };
  },
};

/** FIN-03 red flags against a knowing and intelligent waiver, from what the record shows. */
function waiverRedFlags(history: History, waiverOn: string, events: History["events"]): string[] {
  const p = history.person;
  const flags: string[] = [];
  const counselBefore = events.some((e) => e.type === "counsel.appeared" && e.on <= waiverOn);
  if (p.represented === false && !counselBefore) flags.push("the respondent was unrepresented");
  const age = ageOn(p.birthDate, waiverOn);
  if (age && age.min < 18)
    flags.push(age.max < 18 ? "the respondent was a minor" : "the respondent may have been a minor");
  if (p.competencyConcerns) flags.push("there are indications of incompetency (no M-A-M- inquiry recorded)");
  const langs = p.languages ?? [];
  const interp = events.filter((e) => e.type === "interpreter.recorded" && e.on <= waiverOn);
  if (
    langs.length &&
    interp.length &&
    !interp.some((e) => langs.includes((e as { language: string }).language))
  ) {
    flags.push("the interpreter's language is not one the respondent is recorded as understanding");
  }
  return flags;
}

const fin03: Rule = {
  id: "FIN-03",
  title: "A waiver of appeal must be valid",
  citation:
    "8 CFR 1003.39; Matter of Rodriguez-Diaz, 22 I&N Dec. 1320 (BIA 2000); Matter of M-A-M-, 25 I&N Dec. 474 (BIA 2011)",
  actions: [
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
    "warrant.issue",
  ],
  evaluate(ctx) {
    if (!gatesOnOrder(ctx.action)) return null;
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    const waiver = fin.waiver;
    if (!fin.final || !waiver) return null;
    const events = ctx.history.events.filter((e) => e.on <= ctx.asOf);
    const flags = waiverRedFlags(ctx.history, waiver.on, events);
    if (waiver.knowing === false) flags.push("the waiver is recorded as not knowing and intelligent");
    if ((waiver as Record<string, unknown>).group === true) flags.push("the waiver was taken from a group");
    const facts = [...fin.facts];
    const remedy =
      "a supervisor's written finding that the waiver was knowing and intelligent, or a timely appeal";
    if (flags.length) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `The order's finality rests on the waiver of ${waiver.on}, but ${flags.join("; ")}. Review before treating the order as final and executable.`,
            facts,
            remedy,
          ),
        ],
      };
    }
    const counsel =
      ctx.history.person.represented === true ||
      events.some((e) => e.type === "counsel.appeared" && e.on <= waiver.on);
    const periodOver = fin.appealDue !== undefined && ctx.asOf > fin.appealDue;
    if (waiver.knowing === true || counsel || periodOver) {
      const why =
        waiver.knowing === true
          ? "recorded as knowing and intelligent"
          : counsel
            ? "made with counsel of record"
            : `not decisive: the appeal period also ended on ${fin.appealDue}`;
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The waiver of appeal of ${waiver.on} is ${why}; no red flag is recorded.`,
            facts,
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "REVIEW",
          `The order's finality rests on the waiver of ${waiver.on}, and the record shows neither that it was knowing and intelligent nor that the respondent had counsel.`,
          facts,
          remedy,
        ),
      ],
    };
  },
};

const fin07: Rule = {
  id: "FIN-07",
  title: "Vacated, reopened or terminated orders",
  citation: "Nken v. Holder, 556 U.S. 418, 429 n.1 (2009); 8 CFR 1003.23(b); INA 240(b)(5)(C)",
  actions: [
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
    "warrant.issue",
  ],
  evaluate(ctx) {
    if (!gatesOnOrder(ctx.action)) return null;
    const fin = orderFinality(ctx.history, ctx.config, ctx.asOf);
    if (fin.vacated) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `${fin.reason} A new final order is required before any removal action.`,
            fin.facts,
            "a new final order of removal",
          ),
        ],
      };
    }
    // An earlier order was vacated and a new order now stands: say so.
    const order = currentOrder(ctx.history, ctx.asOf);
    const events = ctx.history.events.filter((e) => e.on <= ctx.asOf);
    const prior =
      order &&
      events.slice(0, order.index).find((e) => e.type === "motion.decided" && e.outcome === "granted");
    if (prior && isRemovalAction(ctx.action)) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The order reopened on ${prior.on} was replaced by the order of ${order.event.on}.`,
            fin.facts,
          ),
        ],
      };
    }
    return null;
  },
};

export const finRules: Rule[] = [fin01, fin02, fin03, fin04, fin05, fin06, fin07];
