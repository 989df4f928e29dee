/**
 * VD-04 (the alternate order and its finality), VD-05 (events that end
 * voluntary departure) and VD-06 (overstay penalties and the 10-year bar).
 */
import { addDays, addYears } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import { orderFinality } from "../../facts/orders.js";
import { describeEvent, isRemoval, knownEvents } from "../../facts/removal.js";
import { bondFailed, currentVdGrant, vawaIndicator } from "../../facts/voluntary-departure.js";
import type { Deadline, Finding, Rule } from "../../types.js";

export const vd04: Rule = {
  id: "VD-04",
  title: "Alternate order and finality",
  citation: "8 CFR 1241.1(f); 8 CFR 1240.26(c)(3), (d)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const grant = currentVdGrant(history, config, asOf);
    if (!grant) return null;
    const deadlines: Deadline[] = [];
    if (grant.terms.departBy)
      deadlines.push({ kind: "vd.depart_by", due: grant.terms.departBy, rule: this.id });
    const fin = orderFinality(history, config, asOf);
    if (fin.finalOn && fin.order === grant.order.event) {
      deadlines.push({
        kind: "vd.alternate_order_effective",
        due: fin.finalOn,
        rule: this.id,
        note: "first day the alternate removal order may be executed",
      });
    }
    if (!isRemoval(action.type) && action.type !== "order.mark_final") return { deadlines };
    const facts = fin.facts;
    const findings: Finding[] = [
      fin.final
        ? finding(this, "ALLOW", fin.reason, facts)
        : finding(
            this,
            "BLOCK",
            `Removal under the alternate order is not yet lawful. ${fin.reason}`,
            facts,
            `the person's failure to depart by ${grant.terms.departBy ?? "the departure date"}, a missed bond, or a terminating motion or petition`,
          ),
    ];
    return { findings, deadlines };
  },
};

export const vd05: Rule = {
  id: "VD-05",
  title: "Events that terminate voluntary departure",
  citation: "8 CFR 1240.26(e)(1), (i); Dada v. Mukasey, 554 U.S. 1 (2008)",
  actions: [
    "vd.penalty.record",
    "vd.extend",
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
  ],
  evaluate({ history, action, config, asOf }) {
    const grant = currentVdGrant(history, config, asOf);
    const ended = grant?.terms.terminatedBy;
    if (!grant || !ended) return null;
    const what = `A ${ended.what} filed on ${ended.on}, within the departure period${grant.terms.departBy ? ` ending ${grant.terms.departBy}` : ""}, terminated the voluntary departure granted on ${grant.order.event.on}; the alternate order took effect`;
    const facts = [describeEvent(grant.order.event)];
    if (action.type === "vd.penalty.record") {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `${what}, and the overstay penalties do not apply.`,
            facts,
            "none: penalties cannot rest on a terminated grant",
          ),
        ],
      };
    }
    if (action.type === "vd.extend") return null;
    return { findings: [finding(this, "ALLOW", `${what} on ${ended.on}.`, facts)] };
  },
};

export const vd06: Rule = {
  id: "VD-06",
  title: "Consequences of overstaying voluntary departure",
  citation: "INA 240B(d); 8 CFR 1240.26(a), (j)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const grant = currentVdGrant(history, config, asOf);
    const departBy = grant?.terms.departBy;
    const blockers: string[] = [];
    let review: string | undefined;
    if (grant && departBy) {
      if (asOf <= departBy)
        blockers.push(`the departure period runs to ${departBy}, so there is no overstay yet`);
      if (grant.terms.departed) blockers.push(`departure was verified on ${grant.terms.departed}`);
      if (grant.terms.terminatedBy)
        blockers.push(
          `a ${grant.terms.terminatedBy.what} filed on ${grant.terms.terminatedBy.on} terminated voluntary departure (VD-05)`,
        );
      if (bondFailed(grant, asOf))
        blockers.push(
          `the bond was not posted by ${grant.terms.bondDue}, which vacated voluntary departure (VD-02)`,
        );
      if (grant.appealPending)
        blockers.push(
          `an appeal received ${grant.appealPending} is pending at the BIA, which may reinstate the period`,
        );
      const vawa = vawaIndicator(events);
      if (vawa) review = `${describeEvent(vawa)} indicates the VAWA exception of 240B(d)(2) may apply`;
    }
    const overstayed = grant && departBy && blockers.length === 0;
    const deadlines: Deadline[] = overstayed
      ? [
          {
            kind: "vd.bar_ends",
            due: addYears(addDays(departBy, 1), 10),
            rule: this.id,
            note: "end of the 10-year bar of 240B(d)(1)(B)",
          },
        ]
      : [];
    if (action.type !== "vd.penalty.record") return { deadlines };
    if (!grant) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            "No current voluntary-departure grant is on record, so there is no overstay to penalise.",
            [],
            "the voluntary-departure order and proof the person did not depart",
          ),
        ],
      };
    }
    const facts = [describeEvent(grant.order.event)];
    if (!departBy) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "The voluntary-departure period is not recorded, so an overstay cannot be shown.",
            facts,
            "the number of days granted",
          ),
        ],
        deadlines,
      };
    }
    if (blockers.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `Overstay penalties cannot be recorded: ${blockers.join("; ")}.`,
            facts,
            "an overstay of a bonded, unterminated grant with no departure verified",
          ),
        ],
        deadlines,
      };
    }
    if (review) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `The person did not depart by ${departBy}, but ${review}.`,
            facts,
            "a determination that abuse was not a central reason for the overstay",
          ),
        ],
        deadlines,
      };
    }
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `The person did not depart by ${departBy}: a civil penalty of $1,000-$5,000 and a 10-year bar on voluntary departure, cancellation, adjustment, change of status and registry apply (to ${deadlines[0].due}).`,
          facts,
        ),
      ],
      deadlines,
    };
  },
};
