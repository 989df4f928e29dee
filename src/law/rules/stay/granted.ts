/**
 * STAY-05..08: stays granted by an IJ, the BIA, a court or DHS, the judicial
 * review windows, and the lifecycle of a stay (when it ends, which filing
 * windows its end opens).
 */
import type { EventOf } from "../../../domain/events.js";
import { periodDue } from "../../calendar/calendar.js";
import { currentOrder, known, motions, orderAppeal } from "../../facts/orders.js";
import {
  automaticStays,
  boardingStampOf,
  type GrantedStay,
  grantedStays,
  inAbsentiaMotionStatus,
  petitions,
} from "../../facts/stays.js";
import { policy, policyValue } from "../../policy.js";
import type { Deadline, Finding, Rule, RuleContext } from "../../types.js";
import { finding, isRemovalAction, plannedDate, type RuleHead } from "../fin/finding.js";

const removal = ["removal.schedule", "removal.execute", "manifest.add", "flight.depart"];

function stays(ctx: RuleContext): GrantedStay[] {
  const boardingCompleted = ctx.action.type === "flight.depart" ? boardingStampOf(ctx.action) : undefined;
  return grantedStays(ctx.history, ctx.config, ctx.asOf, { boardingCompleted });
}

function grantFact(s: GrantedStay): string[] {
  const g = s.grant.event;
  const facts = [
    `stay.granted ${g.on} (${g.by}${g.until ? `, until ${g.until}` : ""}${g.pending ? `, pending ${g.pending}` : ""})`,
  ];
  if (s.communicatedAt) facts.push(`stay communicated ${s.communicatedAt.replace("T", " ")}`);
  return facts;
}

/** The finding for one granted stay, for a removal action. */
function stayFinding(rule: RuleHead, ctx: RuleContext, s: GrantedStay): Finding {
  const g = s.grant.event;
  const who = g.by === "DHS" ? "DHS (I-246)" : `the ${g.by}`;
  const facts = grantFact(s);
  if (s.status === "ended") {
    return finding(rule, "ALLOW", `The stay granted by ${who} on ${g.on} ended: ${s.endReason}.`, facts);
  }
  if (s.status === "after_boarding") {
    return finding(
      rule,
      "REVIEW",
      `The stay granted by ${who} on ${g.on} was communicated at ${s.communicatedAt?.replace("T", " ")}, after boarding was completed; it ceases to have effect, but escalate at once to HQ and OPLA and stop the removal if still practicable.`,
      facts,
      "HQ and OPLA decision on halting the removal",
    );
  }
  const date = plannedDate(ctx.action);
  if (s.until && s.until < date) {
    return finding(
      rule,
      "WARN",
      `The stay granted by ${who} on ${g.on} is in force through ${s.until}; the removal date ${date} is after it. Re-check at the final gate.`,
      facts,
    );
  }
  const end = s.until ? `through ${s.until}` : g.pending ? `pending ${g.pending}` : "until it is lifted";
  return finding(
    rule,
    "BLOCK",
    `A stay granted by ${who} on ${g.on} is in force ${end}.`,
    facts,
    s.until ? `the stay's end after ${s.until}` : "a decision ending the stay, or its lifting",
  );
}

function stayEnds(rule: RuleHead, list: GrantedStay[]): Deadline[] {
  return list
    .filter((s) => s.until)
    .map((s) => ({ kind: "stay.ends", due: s.until as string, rule: rule.id }));
}

export const stay05: Rule = {
  id: "STAY-05",
  title: "Discretionary stays by an IJ or the BIA; the boarding rule",
  citation: "8 CFR 241.6; 8 CFR 1241.6; 8 CFR 1003.2(f); 8 CFR 1003.23(b)(1)(v)",
  actions: "*",
  evaluate(ctx) {
    const mine = stays(ctx).filter((s) => s.rule === "STAY-05");
    if (!mine.length) return null;
    const deadlines = stayEnds(this, mine);
    if (!isRemovalAction(ctx.action)) return { deadlines };
    return { findings: mine.map((s) => stayFinding(this, ctx, s)), deadlines };
  },
};

/** BIA decisions that open a 30-day petition-for-review window (INA 242(b)(1)). */
function bisDecisionsOpeningPfr(ctx: RuleContext): { on: string; what: string }[] {
  const out: { on: string; what: string }[] = [];
  const order = currentOrder(ctx.history, ctx.asOf);
  if (order?.event.by === "BIA") out.push({ on: order.event.on, what: "BIA order" });
  if (order) {
    const { decided } = orderAppeal(ctx.history, ctx.asOf, order);
    if (decided?.event.outcome === "dismissed") out.push({ on: decided.event.on, what: "BIA dismissal" });
  }
  for (const m of motions(ctx.history, ctx.asOf)) {
    if (m.received.event.forum === "BIA" && m.decided?.event.outcome === "denied") {
      out.push({ on: m.decided.event.on, what: `BIA denial of the motion to ${m.received.event.kind}` });
    }
  }
  return out;
}

export const stay06: Rule = {
  id: "STAY-06",
  title: "Judicial stays (petition for review, habeas, other federal court orders)",
  citation:
    "INA 242(b)(3)(B); INA 242(b)(1); Nken v. Holder, 556 U.S. 418 (2009); 9th Cir. General Order 6.4(c)",
  actions: "*",
  evaluate(ctx) {
    const closures = ctx.config.closures ?? [];
    const mine = stays(ctx).filter((s) => s.rule === "STAY-06");
    const deadlines: Deadline[] = [
      ...stayEnds(this, mine),
      ...bisDecisionsOpeningPfr(ctx).map((d) => ({
        kind: "pfr.due",
        due: periodDue(d.on, 30, closures),
        rule: this.id,
        note: d.what,
      })),
    ];
    if (!isRemovalAction(ctx.action)) return { deadlines };
    const findings = mine.map((s) => stayFinding(this, ctx, s));
    for (const s of automaticStays(ctx.history, ctx.config, ctx.asOf).filter((x) => x.rule === "STAY-06")) {
      findings.push(finding(this, "BLOCK", s.message, [s.source], "the court's ruling on the stay motion"));
    }
    const auto = findings.some((f) => f.outcome === "BLOCK");
    for (const p of petitions(ctx.history, ctx.asOf)) {
      const e = p.filed.event;
      const facts = [`pfr.filed ${e.on} (circuit ${e.circuit}${e.stayRequested ? ", stay requested" : ""})`];
      if (p.decided) {
        findings.push(
          finding(
            this,
            "ALLOW",
            `The court of appeals decided the petition (${p.decided.outcome}) on ${p.decided.on}.`,
            facts,
          ),
        );
      } else if (p.courtStay || auto) {
        // The stay findings above already cover it.
      } else if (e.stayRequested && !p.ended) {
        const v = String(policyValue(ctx.config, "pendingJudicialStayMotion", "review", ctx.asOf));
        findings.push(
          finding(
            this,
            v === "warn" ? "WARN" : "REVIEW",
            `A stay motion with the petition for review filed ${e.on} is pending; in this circuit it brings no automatic stay, but removal would moot it (check any government forbearance arrangement).`,
            facts,
            "the court's ruling on the stay motion",
          ),
        );
      } else {
        findings.push(
          finding(
            this,
            "WARN",
            `A petition for review filed ${e.on} is pending without a stay; filing it does not stay removal (INA 242(b)(3)(B)).`,
            facts,
          ),
        );
      }
    }
    return findings.length ? { findings, deadlines } : { deadlines };
  },
};

/** Form I-246, however spaced or cased. (Module level: a closure made per event cost more than the check.) */
function isI246(form: string): boolean {
  return form.replace(/\s/g, "").toUpperCase() === "I-246";
}

/** A pending I-246: applied for (stay.applied or application.filed) with no DHS decision since. */
function pendingI246(ctx: RuleContext): string | undefined {
  const events = known(ctx.history, ctx.asOf);
  let pending: string | undefined;
  for (const { event: e } of events) {
    if (e.type === "stay.applied" && isI246(e.form)) pending = e.on;
    if (e.type === "application.filed" && isI246(e.form)) pending = e.pending ? e.on : undefined;
    if (e.type === "stay.granted" && e.by === "DHS") pending = undefined;
  }
  return pending;
}

export const stay07: Rule = {
  id: "STAY-07",
  title: "DHS administrative stay (Form I-246)",
  citation: "8 CFR 241.6(a)-(b); Form I-246 instructions",
  actions: "*",
  evaluate(ctx) {
    const mine = stays(ctx).filter((s) => s.rule === "STAY-07");
    const deadlines = stayEnds(this, mine);
    if (!isRemovalAction(ctx.action)) return deadlines.length ? { deadlines } : null;
    const findings = mine.map((s) => stayFinding(this, ctx, s));
    const pending = pendingI246(ctx);
    if (pending) {
      const review = policy(ctx.config, "pendingI246", ctx.asOf) === "review";
      findings.push(
        finding(
          this,
          review ? "REVIEW" : "WARN",
          `An I-246 stay application filed ${pending} is pending; it does not delay removal (8 CFR 241.6(a)).`,
          [`stay.applied ${pending} (I-246)`],
          "ICE's decision on the I-246",
        ),
      );
    }
    return findings.length ? { findings, deadlines } : deadlines.length ? { deadlines } : null;
  },
};

interface EndedStay {
  what: string;
  endedOn: string;
  window?: { kind: "pfr.due" | "appeal.due"; due: string; what: string };
}

/** Stays that ended by a decision, and the filing window each decision opened (STAY-08). */
function endedStays(ctx: RuleContext): EndedStay[] {
  const closures = ctx.config.closures ?? [];
  const records = motions(ctx.history, ctx.asOf);
  const windowAfter = (
    d: EventOf<"motion.decided"> | EventOf<"appeal.decided">,
    forum: string,
  ): EndedStay["window"] => {
    if (d.type === "appeal.decided" && d.forum === "circuit") return undefined;
    return forum === "BIA"
      ? { kind: "pfr.due", due: periodDue(d.on, 30, closures), what: "a petition for review" }
      : { kind: "appeal.due", due: periodDue(d.on, 30, closures), what: "a BIA appeal of the IJ's decision" };
  };
  const out: EndedStay[] = [];
  for (const s of stays(ctx)) {
    if (s.status !== "ended" || !s.endedOn) continue;
    const g = s.grant.event;
    let window: EndedStay["window"];
    if (s.endedBy?.type === "motion.decided") {
      const m = records.find((r) => r.decided?.event === s.endedBy);
      window = windowAfter(s.endedBy, m?.received.event.forum ?? "BIA");
    } else if (s.endedBy) window = windowAfter(s.endedBy, "BIA");
    out.push({ what: `the stay granted by ${g.by} on ${g.on} (${s.endReason})`, endedOn: s.endedOn, window });
  }
  const order = currentOrder(ctx.history, ctx.asOf);
  if (order?.event.inAbsentia) {
    for (const m of records) {
      if (m.received.index < order.index || !m.decided) continue;
      if (inAbsentiaMotionStatus(m, order.event, ctx.config, ctx.asOf) !== "qualifies") continue;
      const d = m.decided.event;
      out.push({
        what: `the automatic stay on the in absentia motion of ${m.received.event.on} (decided ${d.on})`,
        endedOn: d.on,
        window: windowAfter(d, m.received.event.forum),
      });
    }
  }
  return out;
}

export const stay08: Rule = {
  id: "STAY-08",
  title: "Stay lifecycle",
  citation: "INA 242(b)(1); 8 CFR 1003.38(b); 8 CFR 1003.6",
  actions: "*",
  evaluate(ctx) {
    const ended = endedStays(ctx);
    if (!ended.length) return null;
    const deadlines: Deadline[] = ended
      .filter((e) => e.window)
      .map((e) => ({ kind: e.window?.kind as string, due: e.window?.due as string, rule: this.id }));
    if (!removal.includes(ctx.action.type)) return { deadlines };
    const findings = ended.map((e) => {
      const open = e.window && ctx.asOf <= e.window.due;
      const msg = `${e.what[0].toUpperCase()}${e.what.slice(1)} has ended and must not be treated as continuing.`;
      return open && e.window
        ? finding(
            this,
            "WARN",
            `${msg} A new window for ${e.window.what} runs to ${e.window.due}; re-run the final gate before removal.`,
            [],
          )
        : finding(this, "ALLOW", msg, []);
    });
    return { findings, deadlines };
  },
};
