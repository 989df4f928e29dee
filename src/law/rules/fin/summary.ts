/**
 * FIN-04..06: summary removal orders that rest on their own documented basis
 * (expedited removal, reinstatement, administrative removal under 238(b)).
 */
import type { CaseEvent } from "../../../domain/events.js";
import { addDays, addYears, periodDue } from "../../calendar/calendar.js";
import { currentOrder, type Indexed, known, type OrderEvent } from "../../facts/orders.js";
import { destinationOf } from "../../facts/removal.js";
import { policy } from "../../policy.js";
import type { Finding, History, Rule, RuleContext } from "../../types.js";
import { finding, isRemovalAction, plannedDate } from "./finding.js";

const describe = (e: CaseEvent) => `${e.type} ${e.on}`;

/**
 * A fear claim that no screening has resolved: a fear claim or a fear inquiry
 * answered yes (since `since`, for `country` when both name one) with no later
 * negative screening of `kind`, or a positive screening whose protection
 * proceedings have not ended in a denial for that country.
 */
export function unresolvedFear(
  events: readonly CaseEvent[],
  since: string,
  kind: "credible" | "reasonable",
  country?: string,
): string | undefined {
  const sameCountry = (c?: string) => !country || !c || c === country;
  const claims = events.filter(
    (e) =>
      e.on >= since &&
      ((e.type === "fear.claimed" && sameCountry(e.country)) ||
        (e.type === "fear.inquired" && e.expressed && sameCountry(e.country))),
  );
  const claim = claims[claims.length - 1];
  if (!claim) return undefined;
  const screens = events.filter(
    (e) => e.type === "fear.screened" && e.on >= claim.on && sameCountry(e.country),
  );
  const screen = screens[screens.length - 1];
  if (!screen || screen.type !== "fear.screened") {
    return `fear was expressed on ${claim.on} and the ${kind}-fear process has not concluded`;
  }
  if (screen.result === "positive") {
    const denied = events.some(
      (e) => e.type === "protection.denied" && e.on >= screen.on && sameCountry(e.country),
    );
    if (!denied)
      return `a positive ${screen.kind}-fear finding of ${screen.on} sent the claim to proceedings that have not concluded`;
  }
  return undefined;
}

/** An unresolved claim under oath to be a U.S. citizen, LPR, refugee or asylee (235(b)(1)(C)). */
function unresolvedStatusClaim(events: readonly CaseEvent[]): string | undefined {
  const claim = events.filter((e) => e.type === "citizenship.claimed").pop();
  if (
    claim &&
    !events.some((e) => e.type === "citizenship.determined" && e.on >= claim.on && e.result === "not_usc")
  ) {
    return `a U.S. citizenship claim of ${claim.on} is unverified`;
  }
  const status = events.find(
    (e) => e.type === "status.granted" && ["lpr", "refugee", "asylee"].includes(e.kind),
  );
  if (status && status.type === "status.granted")
    return `the record shows ${status.kind} status granted ${status.on}`;
  return undefined;
}

/** FIN-04 item 1: inadmissible under 212(a)(6)(C) or 212(a)(7). */
function erGround(ground: unknown): boolean {
  if (typeof ground !== "string") return false;
  const g = ground
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/^212a?/, "");
  return /^(6c|7)/.test(g);
}

interface ScopeResult {
  outcome: "ALLOW" | "REVIEW" | "BLOCK";
  message: string;
}

/** FIN-04 item 2 and the scope litigation (U3). */
function erScope(ctx: RuleContext, events: readonly CaseEvent[], on: string): ScopeResult {
  const p = ctx.history.person;
  const entries = events.filter((e) => e.type === "entry");
  const lastEntry = entries[entries.length - 1];
  const manner = (lastEntry?.type === "entry" ? lastEntry.manner : undefined) ?? p.entry?.manner;
  const scope = policy(ctx.config, "expeditedRemovalScope", on);
  const arriving =
    ctx.action.arriving === true ||
    events.some((e) => e.type === "encounter" && e.location === "port_of_entry" && e.on === on);
  if (arriving) return { outcome: "ALLOW", message: "the person is an arriving alien" };
  if (manner === "admitted")
    return { outcome: "BLOCK", message: "the person was admitted, so is outside expedited removal" };
  if (manner === "parole") {
    if (scope === "enforce")
      return {
        outcome: "ALLOW",
        message: "parolee; the configured scope applies expedited removal to parolees",
      };
    return {
      outcome: "BLOCK",
      message: "the person was paroled; expedited removal of parolees is stayed (CHIRLA v. Noem)",
    };
  }
  const since = p.usPresenceSince ?? p.entry?.on ?? lastEntry?.on;
  if (!since) return { outcome: "BLOCK", message: "the length of presence in the U.S. is not recorded" };
  if (addYears(since, 2) <= on) {
    return { outcome: "BLOCK", message: `documented presence since ${since} is 2 years or more` };
  }
  const nearBorder = ctx.action.nearBorder === true;
  if (nearBorder && addDays(since, 14) >= on) {
    return { outcome: "ALLOW", message: `encountered near the border within 14 days of entry (${since})` };
  }
  if (scope === "enforce")
    return {
      outcome: "ALLOW",
      message: `presence since ${since} is under 2 years (configured scope: enforce)`,
    };
  if (scope === "blocked")
    return {
      outcome: "BLOCK",
      message: `presence since ${since} falls only within the stayed interior expansion`,
    };
  return {
    outcome: "REVIEW",
    message: `presence since ${since} is under 2 years, but eligibility depends on the contested January 2025 interior expansion (Make the Road N.Y. v. Noem)`,
  };
}

export const fin04: Rule = {
  id: "FIN-04",
  title: "Expedited removal needs its own documented basis",
  citation: "INA 235(b)(1); 8 CFR 235.3; 8 U.S.C. 1232(a)(5)(D); DHS v. Thuraissigiam, 591 U.S. 103 (2020)",
  actions: ["warrant.issue", "removal.schedule", "removal.execute", "manifest.add", "flight.depart"],
  evaluate(ctx) {
    const a = ctx.action;
    const issuing = a.type === "warrant.issue" && a.form === "I-860";
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!issuing && !(isRemovalAction(a) && order?.event.kind === "expedited_removal")) return null;
    const events = known(ctx.history, ctx.asOf).map((x) => x.event);
    const on = issuing ? ctx.asOf : (order?.event.on ?? ctx.asOf);
    const defects: string[] = [];
    if (ctx.history.person.unaccompaniedChild)
      defects.push("the person is an unaccompanied child (240 proceedings required)");
    if (issuing) {
      if (!erGround(a.inadmissibilityGround)) defects.push("no 212(a)(6)(C) or 212(a)(7) ground is recorded");
      if (a.supervisorApproved !== true) defects.push("supervisor approval is not recorded");
      if (a.swornStatement !== true) defects.push("the sworn statement (I-867A/B) is not recorded");
      if (!events.some((e) => e.type === "fear.inquired" || e.type === "fear.claimed"))
        defects.push("the fear questions are not recorded");
    }
    const fear = unresolvedFear(events, "0000-01-01", "credible");
    if (fear) defects.push(fear);
    const claim = unresolvedStatusClaim(events);
    if (claim) defects.push(claim);
    const scope = erScope(ctx, events, on);
    if (scope.outcome === "BLOCK") defects.push(scope.message);
    const facts = events
      .filter((e) =>
        ["entry", "fear.inquired", "fear.claimed", "fear.screened", "order.issued"].includes(e.type),
      )
      .map(describe);
    if (defects.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `Expedited removal is not available: ${defects.join("; ")}.`,
            facts,
            "every FIN-04 element documented (ground, scope, fear, status claims, approval, sworn statement) for a person who is not an unaccompanied child",
          ),
        ],
      };
    }
    if (scope.outcome === "REVIEW") {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `Expedited removal: ${scope.message}.`,
            facts,
            "a supervisor's review against the court orders then in force",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(this, "ALLOW", `Expedited removal elements are documented; ${scope.message}.`, facts),
      ],
    };
  },
};

/** The prior order a reinstatement rests on, and the departure and re-entry after it. */
function reinstatementBasis(events: readonly Indexed[], order: Indexed<OrderEvent>) {
  const before = events.filter((x) => x.index < order.index);
  const prior = before
    .filter(
      (x): x is Indexed<OrderEvent> =>
        x.event.type === "order.issued" &&
        [
          "removal",
          "deportation",
          "exclusion",
          "expedited_removal",
          "stipulated_removal",
          "administrative_238b",
          "voluntary_departure",
        ].includes(x.event.kind),
    )
    .pop();
  const departure =
    prior && before.find((x) => x.index > prior.index && x.event.type === "departure.verified");
  const reentry = departure && before.find((x) => x.index > departure.index && x.event.type === "entry");
  return { prior, departure, reentry };
}

export const fin05: Rule = {
  id: "FIN-05",
  title: "Reinstatement of a prior order",
  citation: "INA 241(a)(5); 8 CFR 241.8; 8 CFR 208.31; Johnson v. Guzman Chavez, 594 U.S. 523 (2021)",
  actions: ["removal.schedule", "removal.execute", "manifest.add", "flight.depart"],
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!order || order.event.kind !== "reinstatement") return null;
    const indexed = known(ctx.history, ctx.asOf);
    const events = indexed.map((x) => x.event);
    const { prior, departure, reentry } = reinstatementBasis(indexed, order);
    const defects: string[] = [];
    if (!prior) defects.push("no prior removal, deportation or exclusion order is recorded");
    else if (!departure)
      defects.push(`no removal or departure under the prior order of ${prior.event.on} is recorded`);
    else if (!reentry) defects.push(`no re-entry after the departure of ${departure.event.on} is recorded`);
    else if (reentry.event.type === "entry" && reentry.event.manner !== "ewi")
      defects.push(`the re-entry of ${reentry.event.on} was not unlawful (${reentry.event.manner})`);
    if (!order.event.delivery) defects.push("service of the I-871 is not recorded");
    const since = reentry?.event.on ?? order.event.on;
    const fear = unresolvedFear(events, since, "reasonable", destinationOf(ctx.action));
    if (fear) defects.push(`${fear} (reasonable-fear referral, 8 CFR 241.8(e))`);
    const facts = [prior, departure, reentry, order]
      .filter((x): x is Indexed => !!x)
      .map((x) => describe(x.event));
    if (defects.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `The reinstated order of ${order.event.on} cannot be executed: ${defects.join("; ")}.`,
            facts,
            "the missing reinstatement elements documented and any fear referral concluded (negative finding with IJ review, or withholding-only proceedings ended)",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `Reinstatement of ${order.event.on} rests on the prior order of ${prior?.event.on}, the departure of ${departure?.event.on} and the unlawful re-entry of ${reentry?.event.on}; no fear claim is pending.`,
          facts,
        ),
      ],
    };
  },
};

function isLpr(history: History, events: readonly CaseEvent[]): boolean {
  const p = history.person;
  if (p.entry?.class?.toUpperCase() === "LPR") return true;
  let lpr = false;
  for (const e of events) {
    if (e.type === "lpr.admitted" || (e.type === "status.granted" && e.kind === "lpr")) lpr = true;
    if (e.type === "entry" && e.class?.toUpperCase() === "LPR") lpr = true;
    if (e.type === "status.ended" && e.kind === "lpr") lpr = false;
  }
  return lpr;
}

export const fin06: Rule = {
  id: "FIN-06",
  title: "Administrative removal orders (INA 238(b))",
  citation: "INA 238(b); 8 CFR 238.1; Riley v. Bondi, 606 U.S. ___ (2025)",
  actions: "*",
  evaluate(ctx) {
    const order = currentOrder(ctx.history, ctx.asOf);
    if (!order || order.event.kind !== "administrative_238b") return null;
    const o = order.event;
    const indexed = known(ctx.history, ctx.asOf);
    const events = indexed.map((x) => x.event);
    const earliest = addDays(o.on, 15);
    const deadlines = [
      { kind: "administrative_order.earliest_execution", due: earliest, rule: this.id },
      { kind: "pfr.due", due: periodDue(o.on, 30, ctx.config.closures ?? []), rule: this.id },
    ];
    if (!isRemovalAction(ctx.action)) return { deadlines };
    const waived =
      (o as Record<string, unknown>).waiver14Days === true ||
      indexed.some((x) => x.index > order.index && x.event.type === "appeal.waived");
    const findings: Finding[] = [];
    const defects: string[] = [];
    if (isLpr(ctx.history, events))
      defects.push("the person is a lawful permanent resident (238(b) is for non-LPRs only)");
    if (!events.some((e) => e.type === "conviction" && e.category === "aggravated_felony"))
      defects.push("no aggravated-felony conviction is recorded");
    const fear = unresolvedFear(events, o.on, "reasonable", destinationOf(ctx.action));
    if (fear) defects.push(`${fear} (reasonable-fear screening required)`);
    const date = plannedDate(ctx.action);
    if (!waived && date < earliest)
      defects.push(
        `the order of ${o.on} may not be executed before ${earliest} (14 calendar days must pass; no waiver recorded)`,
      );
    const facts = [describe(o), ...events.filter((e) => e.type === "conviction").map(describe)];
    if (defects.length) {
      findings.push(
        finding(
          this,
          "BLOCK",
          `Administrative removal order: ${defects.join("; ")}.`,
          facts,
          `the 14-day period ending (earliest execution ${earliest}) or a written waiver, for a non-LPR with an aggravated-felony conviction`,
        ),
      );
    } else {
      findings.push(
        finding(
          this,
          "ALLOW",
          `The 238(b) order of ${o.on} may be executed from ${waived ? o.on : earliest}; non-LPR with an aggravated-felony conviction; no fear claim pending.`,
          facts,
        ),
      );
    }
    return { findings, deadlines };
  },
};
