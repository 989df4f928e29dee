/**
 * Post-order detention: DET-04 (the 90-day removal period), DET-05 (the
 * 241.4 custody review) and DET-06 (the Zadvydas presumptive period and
 * 241.13). The dates come from src/law/facts/removal-period.ts.
 */
import type { CaseEvent, EventOf } from "../../../domain/events.js";
import { addDays } from "../../calendar/calendar.js";
import { boolField, currentCustody, lastRelease, textField } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { knownEvents } from "../../facts/removal.js";
import { dayOfPeriod, type RemovalPeriod, removalPeriod } from "../../facts/removal-period.js";
import type { Action, Deadline, Rule, RuleContext } from "../../types.js";

type Review = EventOf<"custody.review">;

function reviews(events: readonly CaseEvent[], kind: "241.4" | "241.13", from: string): Review[] {
  return events.filter((e): e is Review => e.type === "custody.review" && e.kind === kind && e.on >= from);
}

/** The period, when the person is detained and the action continues detention after a final order. */
function postOrderDetention(ctx: RuleContext): { period: RemovalPeriod; events: CaseEvent[] } | undefined {
  if (ctx.action.type !== "detention.continue") return undefined;
  const events = knownEvents(ctx.history, ctx.asOf);
  const period = removalPeriod(ctx.history, ctx.config, ctx.asOf);
  if (!period.start && !period.courtStay) return undefined;
  return { period, events };
}

function dayText(period: RemovalPeriod, on: string): string {
  return period.start
    ? `day ${dayOfPeriod(period.start, on)} of the removal period that began on ${period.start}`
    : "";
}

export const det04: Rule = {
  id: "DET-04",
  title: "Post-order detention and the 90-day removal period",
  citation: "INA 241(a)(1)-(3); 8 CFR 241.1, 241.3",
  actions: "*",
  evaluate(ctx) {
    const period = removalPeriod(ctx.history, ctx.config, ctx.asOf);
    const deadlines: Deadline[] = [];
    if (period.day90) {
      deadlines.push({
        kind: "removal_period.day90",
        due: period.day90,
        rule: this.id,
        note: period.startBasis,
      });
    }
    const post = postOrderDetention(ctx);
    if (!post) return { deadlines };
    const { events } = post;
    const facts = period.facts;
    if (period.courtStay) {
      const ninth = ctx.config.circuit === "9";
      return {
        deadlines,
        findings: [
          finding(
            this,
            ninth ? "REVIEW" : "ALLOW",
            ninth
              ? `a court's stay of removal (${period.courtStay.on}) is in force, so the removal period has not begun; in the 9th Circuit detention during the stay is under 236(a) (Prieto-Romero v. Clark) with access to a bond hearing (U8).`
              : `a court's stay of removal (${period.courtStay.on}) is in force, so the removal period has not begun (241(a)(1)(B)(ii)); [UNSETTLED] the detention authority meanwhile depends on the circuit (U8).`,
            facts,
            "a custody determination under 236(a) for the period of the stay",
          ),
        ],
      };
    }
    const start = period.start!;
    if (ctx.asOf < start) return { deadlines };
    if (ctx.asOf <= period.day90!) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `${dayText(period, ctx.asOf)} (${period.startBasis}); detention is mandatory under 241(a)(2) through day 90 (${period.day90}).`,
            facts,
          ),
        ],
      };
    }
    if (period.extension) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the removal period is extended under 241(a)(1)(C): the person refused to cooperate on ${period.extension.on} after an I-229(a) warning.`,
            facts,
          ),
        ],
      };
    }
    const decision = reviews(events, "241.4", start)
      .filter((r) => r.decision === "detain")
      .pop();
    if (decision) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the 90-day removal period ended on ${period.day90}; detention continues under 241(a)(6) on the 241.4 decision of ${decision.on}.`,
            [...facts, `custody.review ${decision.on} (241.4, detain)`],
          ),
        ],
      };
    }
    return {
      deadlines,
      findings: [
        finding(
          this,
          "BLOCK",
          `the 90-day removal period ended on ${period.day90} (${dayText(period, ctx.asOf)}); detention can no longer be treated as mandatory under 241(a)(2), and no 241(a)(1)(C) extension or 241(a)(6) decision is recorded.`,
          facts,
          "a 241.4 custody decision to detain under 241(a)(6), or a documented refusal to cooperate after an I-229(a) warning",
        ),
      ],
    };
  },
};

/** A re-detention of a person released after a final order (arrest.make or a new booking). */
function releasedAfterOrder(
  ctx: RuleContext,
): { release: EventOf<"custody.released">; via241_13?: Review } | undefined {
  if (ctx.action.type !== "arrest.make") return undefined;
  const events = knownEvents(ctx.history, ctx.asOf);
  if (currentCustody(events)) return undefined;
  const release = lastRelease(events);
  const period = removalPeriod(ctx.history, ctx.config, ctx.asOf);
  if (!release || !period.finality.finalOn || release.on < period.finality.finalOn) return undefined;
  const via241_13 = reviews(events, "241.13", period.finality.finalOn)
    .filter((r) => r.on <= release.on && (r.decision === "release" || r.significantLikelihood === false))
    .pop();
  return { release, via241_13 };
}

export const det05: Rule = {
  id: "DET-05",
  title: "Post-order custody review (8 CFR 241.4)",
  citation: "8 CFR 241.4",
  actions: "*",
  evaluate(ctx) {
    const events = knownEvents(ctx.history, ctx.asOf);
    const period = removalPeriod(ctx.history, ctx.config, ctx.asOf);
    const deadlines: Deadline[] = [];
    const detained = currentCustody(events) !== undefined;
    const noticeDue = period.day90 ? addDays(period.day90, -30) : undefined;
    if (noticeDue && detained) {
      deadlines.push({
        kind: "custody_review.notice_due",
        due: noticeDue,
        rule: this.id,
        note: `241.4 notice 30 days before the removal period ends; the review is due by ${period.day90}`,
      });
    }
    const redetention = releasedAfterOrder(ctx);
    if (redetention && !redetention.via241_13)
      return { deadlines, findings: [revocation(this, ctx.action, redetention.release)] };
    const post = postOrderDetention(ctx);
    if (!post || !period.start || ctx.asOf < period.start) return { deadlines };
    const all = reviews(events, "241.4", period.start);
    const decision = all.filter((r) => r.decision).pop();
    const notice = all[0];
    const facts = [
      ...period.facts,
      ...all.map((r) => `custody.review ${r.on} (241.4${r.decision ? `, ${r.decision}` : ""})`),
    ];
    if (ctx.asOf > period.day90!) {
      return {
        deadlines,
        findings: [
          decision
            ? finding(
                this,
                "ALLOW",
                `the 241.4 custody review decided "${decision.decision}" on ${decision.on}; later reviews go to HQ (about day 180, then at least annually).`,
                facts,
              )
            : finding(
                this,
                "BLOCK",
                `the removal period ended on ${period.day90} and no 241.4 custody review decision is recorded${notice ? ` (notice given ${notice.on})` : ` (the notice was due ${noticeDue})`}.`,
                facts,
                "a written 241.4 custody decision (danger and flight risk) after notice to the detainee",
              ),
        ],
      };
    }
    // RULES.md gives the notice date as a DEADLINE only; within the period detention itself stays lawful.
    const late = noticeDue && ctx.asOf > noticeDue && !notice;
    return {
      deadlines,
      findings: [
        finding(
          this,
          "ALLOW",
          `the 241.4 review is due before the removal period ends on ${period.day90}${notice ? `; notice given ${notice.on}` : late ? `; the notice due ${noticeDue} is not recorded and is overdue` : `; notice due ${noticeDue}`}.`,
          facts,
        ),
      ],
    };
  },
};

function revocation(
  rule: { id: string; citation: string },
  action: Action,
  release: EventOf<"custody.released">,
) {
  const basis = textField(action, "revocationBasis", "revocationReason");
  const notice = boolField(action, "revocationNotice", "noticeGiven");
  const facts = [`custody.released ${release.on} (${release.via})`];
  if (basis && notice) {
    return finding(
      rule,
      "ALLOW",
      `re-detention after the release of ${release.on} rests on a documented revocation (${basis}) with notice; a prompt informal interview must follow (241.4(l)).`,
      facts,
    );
  }
  return finding(
    rule,
    "BLOCK",
    `the person was released on ${release.on} after the final order; re-detention needs a documented revocation basis and notice (241.4(l)), and ${basis ? "no notice is recorded" : "no revocation basis is recorded"}.`,
    facts,
    "a documented revocation of release (basis) and notice to the person",
  );
}

export const det06: Rule = {
  id: "DET-06",
  title: 'The Zadvydas 6-month presumption and review of "no significant likelihood of removal"',
  citation:
    "Zadvydas v. Davis, 533 U.S. 678 (2001); Clark v. Martinez, 543 U.S. 371 (2005); 8 CFR 241.13, 241.14",
  actions: "*",
  evaluate(ctx) {
    const period = removalPeriod(ctx.history, ctx.config, ctx.asOf);
    const deadlines: Deadline[] = [];
    if (period.day181) deadlines.push({ kind: "removal_period.day181", due: period.day181, rule: this.id });
    const redetention = releasedAfterOrder(ctx);
    if (redetention?.via241_13) {
      const events = knownEvents(ctx.history, ctx.asOf);
      const doc = events.find((e) => e.type === "travel_document.issued" && e.on > redetention.release.on);
      const changed =
        textField(ctx.action, "changedCircumstances") ??
        (doc ? `travel document issued ${doc.on}` : undefined);
      const facts = [
        `custody.review ${redetention.via241_13.on} (241.13)`,
        `custody.released ${redetention.release.on}`,
      ];
      return {
        deadlines,
        findings: [
          changed
            ? finding(
                this,
                "ALLOW",
                `re-detention after a 241.13 release rests on changed circumstances: ${changed} (241.13(i)).`,
                facts,
              )
            : finding(
                this,
                "BLOCK",
                `the person was released under 241.13 on ${redetention.release.on} (no significant likelihood of removal); re-detention requires changed circumstances making removal significantly likely (241.13(i)), and none is recorded.`,
                facts,
                "documented changed circumstances (e.g. a travel document issued) that make removal significantly likely",
              ),
        ],
      };
    }
    const post = postOrderDetention(ctx);
    if (!post || !period.start || ctx.asOf < period.start) return { deadlines };
    const facts = [...period.facts];
    if (ctx.asOf < period.day181!) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `${dayText(period, ctx.asOf)}; detention is presumptively reasonable until ${period.day181} (day 181).`,
            facts,
          ),
        ],
      };
    }
    const hq = reviews(post.events, "241.13", period.start).filter(
      (r) => r.decision || r.significantLikelihood !== undefined,
    );
    const last = hq[hq.length - 1];
    if (last) facts.push(`custody.review ${last.on} (241.13${last.decision ? `, ${last.decision}` : ""})`);
    if (last && (last.significantLikelihood === false || last.decision === "release")) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "BLOCK",
            `HQ found on ${last.on} no significant likelihood of removal in the reasonably foreseeable future; past day 181 (${period.day181}) and with no 241.14 basis recorded, continued detention is unlawful: release on an Order of Supervision (I-220B).`,
            facts,
            "a 241.14 special-circumstances determination, or a new finding that removal is significantly likely",
          ),
        ],
      };
    }
    if (period.extension) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the person refused to cooperate after an I-229(a) warning (${period.extension.on}); the presumptive period does not run while the refusal lasts (241(a)(1)(C)).`,
            facts,
          ),
        ],
      };
    }
    if (last && last.significantLikelihood === true && ctx.asOf <= addDays(last.on, 90)) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `HQ found on ${last.on} a significant likelihood of removal in the reasonably foreseeable future.`,
            facts,
          ),
        ],
      };
    }
    return {
      deadlines,
      findings: [
        finding(
          this,
          "REVIEW",
          `${dayText(period, ctx.asOf)}: the presumptively reasonable six months ended (day 181 = ${period.day181}); continued detention needs an HQ written analysis of the likelihood of removal in the reasonably foreseeable future.`,
          facts,
          "an HQ 241.13 determination that removal is significantly likely in the reasonably foreseeable future",
        ),
      ],
    };
  },
};
