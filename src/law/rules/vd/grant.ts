/**
 * VD-01 (240B(a): up to 120 days, elements (A)-(E)), VD-02 (240B(b): up to 60
 * days, eligibility and the bond) and VD-03 (only DHS extends, never past the
 * maximum).
 */
import type { CaseEvent } from "../../../domain/events.js";
import { addYears, daysBetween } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import { describeEvent, eventsOf, knownEvents } from "../../facts/removal.js";
import { bondFailed, currentVdGrant, type VdGrant, vdMaximumDays } from "../../facts/voluntary-departure.js";
import type { Action, Finding, History, Rule } from "../../types.js";

const disqualifying = (events: readonly CaseEvent[]) =>
  events.find((e) => e.type === "conviction" && /aggravated|security|237a4|terror/i.test(e.category));

/** The total period of an extension: from the grant to the new departure date. */
function extensionTotal(grant: VdGrant, until: string): number {
  return daysBetween(grant.order.event.on, until);
}

function extendUntil(action: Action): string | undefined {
  return typeof action.until === "string" && /^\d{4}-\d{2}-\d{2}$/.test(action.until)
    ? action.until
    : undefined;
}

/** The elements of 240B(a) that the action records as NOT met (explicit false values only). */
const preElements: [string, string][] = [
  ["requestedAtMaster", "(A) a request at or before the master calendar hearing"],
  ["otherReliefWithdrawn", "(B) no other relief requested, or withdrawn"],
  ["concedesRemovability", "(C) a concession of removability"],
  ["appealWaived", "(D) a waiver of appeal of all issues"],
];

function capCheck(rule: Rule, stage: "pre" | "post", days: number, what: string): Finding {
  const max = vdMaximumDays[stage];
  const law = stage === "pre" ? "240B(a)" : "240B(b)";
  return days > max
    ? finding(
        rule,
        "BLOCK",
        `${what} is ${days} days; ${law} voluntary departure may not exceed ${max} days in total.`,
        [],
        `a period of at most ${max} days from the grant`,
      )
    : finding(rule, "ALLOW", `${what} is ${days} days, within the ${max}-day maximum of ${law}.`);
}

export const vd01: Rule = {
  id: "VD-01",
  title: "Voluntary departure before proceedings conclude: maximum 120 days",
  citation: "INA 240B(a); 8 CFR 1240.26(b); 8 CFR 240.25",
  actions: ["vd.grant", "vd.extend"],
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    if (action.type === "vd.grant") {
      if (action.stage !== "pre") return null;
      const days = typeof action.days === "number" ? action.days : undefined;
      const findings: Finding[] = [];
      if (days === undefined) {
        findings.push(
          finding(
            this,
            "REVIEW",
            "The grant does not state its period, so the 120-day maximum cannot be checked.",
            [],
            "the number of days granted",
          ),
        );
      } else {
        findings.push(capCheck(this, "pre", days, "The 240B(a) grant"));
      }
      const crime = disqualifying(events);
      if (crime) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `A ${crime.category} conviction (${crime.on}) bars 240B(a) voluntary departure (240B(a)(1); element (E)).`,
            [describeEvent(crime)],
            "a record that the conviction is not an aggravated felony or 237(a)(4) ground",
          ),
        );
      }
      const stipulated = action.dhsStipulation === true;
      const unmet = preElements.filter(([field]) => action[field] === false).map(([, text]) => text);
      if (unmet.length && !stipulated) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `The grant records these 240B(a) elements as not met: ${unmet.join("; ")}; there is no DHS stipulation.`,
            [],
            "the missing elements, or a DHS stipulation",
          ),
        );
      }
      return { findings };
    }
    const grant = currentVdGrant(history, config, asOf);
    const until = extendUntil(action);
    if (grant?.stage !== "pre" || !until) return null;
    return {
      findings: [
        capCheck(
          this,
          "pre",
          extensionTotal(grant, until),
          `Extending the grant of ${grant.order.event.on} to ${until} makes the total period`,
        ),
      ],
    };
  },
};

/** VD-02: one year of physical presence before NTA service (240B(b)(1)(A)), where the record shows both dates. */
function presenceBeforeNta(history: History, events: readonly CaseEvent[]): Finding | undefined {
  const start =
    history.person.usPresenceSince ?? history.person.entry?.on ?? eventsOf(events, "entry")[0]?.on;
  const nta = eventsOf(events, "nta.served")[0];
  if (!start || !nta) return undefined;
  const year = addYears(start, 1);
  return nta.on < year
    ? finding(
        vd02,
        "BLOCK",
        `Physical presence began ${start}, less than one year before NTA service on ${nta.on} (240B(b)(1)(A)).`,
        [describeEvent(nta)],
        "evidence of presence from a date one year or more before NTA service",
      )
    : undefined;
}

export const vd02: Rule = {
  id: "VD-02",
  title: "Voluntary departure at the conclusion of proceedings: maximum 60 days plus a bond",
  citation: "INA 240B(b); 8 CFR 1240.26(c); Matter of Diaz-Ruacho, 24 I&N Dec. 47 (BIA 2006)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const grant = currentVdGrant(history, config, asOf);
    const deadlines = grant?.terms.bondDue
      ? [{ kind: "vd.bond_due", due: grant.terms.bondDue, rule: this.id }]
      : [];
    const findings: Finding[] = [];
    if (action.type === "vd.grant" && action.stage === "post") {
      const days = typeof action.days === "number" ? action.days : undefined;
      findings.push(
        days === undefined
          ? finding(
              this,
              "REVIEW",
              "The grant does not state its period, so the 60-day maximum cannot be checked.",
              [],
              "the number of days granted",
            )
          : capCheck(this, "post", days, "The 240B(b) grant"),
      );
      if (action.by === "DHS") {
        findings.push(
          finding(
            this,
            "BLOCK",
            "Voluntary departure at the conclusion of proceedings is granted by the immigration judge, not DHS.",
            [],
            "a grant by the IJ (or the BIA)",
          ),
        );
      }
      const crime = disqualifying(events);
      if (crime) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `A ${crime.category} conviction (${crime.on}) bars 240B(b) voluntary departure.`,
            [describeEvent(crime)],
            "a record that the conviction is not an aggravated felony or 237(a)(4) ground",
          ),
        );
      }
      const presence = presenceBeforeNta(history, events);
      if (presence) findings.push(presence);
      if (typeof action.bond === "number" && action.bond < 500) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `A bond of $${action.bond} is below the $500 minimum of 240B(b)(3).`,
            [],
            "a bond of at least $500",
          ),
        );
      }
      return { findings, deadlines };
    }
    if (grant?.stage !== "post") return { deadlines };
    const bondText = `The ${grant.order.event.on} grant required a bond posted with DHS by ${grant.terms.bondDue} (5 business days)`;
    if (action.type === "vd.extend" && extendUntil(action)) {
      const until = extendUntil(action) as string;
      findings.push(
        capCheck(
          this,
          "post",
          extensionTotal(grant, until),
          `Extending the grant of ${grant.order.event.on} to ${until} makes the total period`,
        ),
      );
    }
    if (action.type === "vd.penalty.record" || action.type === "vd.extend") {
      if (bondFailed(grant, asOf)) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `${bondText}; ${grant.terms.bondPosted ? `it was posted late on ${grant.terms.bondPosted}` : "it was not posted"}, so voluntary departure was vacated and the alternate order took effect; the overstay penalties do not apply (Diaz-Ruacho).`,
            [describeEvent(grant.order.event)],
            "proof that the bond was posted by the due date",
          ),
        );
      } else if (grant.terms.bondPosted) {
        findings.push(
          finding(this, "ALLOW", `${bondText}; it was posted on ${grant.terms.bondPosted}.`, [
            describeEvent(grant.order.event),
          ]),
        );
      }
    }
    return { findings, deadlines };
  },
};

export const vd03: Rule = {
  id: "VD-03",
  title: "Only DHS may extend voluntary departure, and never past the statutory maximum",
  citation: "8 CFR 240.25(c); 8 CFR 1240.26(f); INA 240B(a)(2), (b)(2)",
  actions: ["vd.extend"],
  evaluate({ history, action, config, asOf }) {
    const grant = currentVdGrant(history, config, asOf);
    const findings: Finding[] = [];
    if (action.by !== "DHS") {
      findings.push(
        finding(
          this,
          "BLOCK",
          `An extension entered by ${typeof action.by === "string" ? action.by : "an unrecorded authority"}: only DHS may extend voluntary departure after it is granted.`,
          [],
          "an extension decided by DHS (ERO field office)",
        ),
      );
    }
    if (!grant) {
      findings.push(
        finding(
          this,
          "REVIEW",
          "No current voluntary-departure grant is on record to extend.",
          [],
          "the voluntary-departure order being extended",
        ),
      );
      return { findings };
    }
    const until = extendUntil(action);
    if (!until) {
      findings.push(
        finding(
          this,
          "REVIEW",
          "The extension does not state the new departure date.",
          [],
          "the new departure date",
        ),
      );
      return { findings };
    }
    const stageText = grant.stage ?? "unknown-stage (the stricter 60-day cap applies)";
    const total = extensionTotal(grant, until);
    findings.push(
      total > grant.maxDays
        ? finding(
            this,
            "BLOCK",
            `The ${stageText} grant of ${grant.order.event.on} extended to ${until} would total ${total} days, past the ${grant.maxDays}-day statutory maximum.`,
            [describeEvent(grant.order.event)],
            `a departure date no later than ${grant.maxDays} days after the grant`,
          )
        : finding(
            this,
            "ALLOW",
            `The ${stageText} grant of ${grant.order.event.on} extended to ${until} totals ${total} days, within the ${grant.maxDays}-day maximum.`,
            [describeEvent(grant.order.event)],
          ),
    );
    if (grant.terms.terminatedBy) {
      findings.push(
        finding(
          this,
          "BLOCK",
          `Voluntary departure ended when a ${grant.terms.terminatedBy.what} was filed on ${grant.terms.terminatedBy.on}; there is no grant left to extend.`,
          [],
          "none: a new grant would be needed",
        ),
      );
    } else if (grant.terms.departBy && grant.terms.departBy < action.on) {
      findings.push(
        finding(
          this,
          "REVIEW",
          `The departure period ended on ${grant.terms.departBy}, before this extension.`,
          [],
          "a record that the extension was requested before the period ended",
        ),
      );
    }
    return { findings };
  },
};
