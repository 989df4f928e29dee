/** EXE-05 (final gate at boarding) and EXE-06 (departure verification) of docs/law/RULES.md. */
import type { CaseEvent } from "../../../domain/events.js";
import { currentOrder } from "../../facts/orders.js";
import { describeEvent, eventsOf, knownEvents, ruleFinding } from "../../facts/removal.js";
import { boardingStampOf, grantedStays, staysInForce } from "../../facts/stays.js";
import type { Finding, Rule } from "../../types.js";

const exe05Ref = { id: "EXE-05", citation: "RULES.md §0.2.4; 8 CFR 241.6, 1241.6; 8 CFR 1003.2(f)" };
export const exe05: Rule = {
  ...exe05Ref,
  title: "Final gate before departure",
  actions: ["manifest.add", "flight.depart"],
  evaluate({ history, action, config, asOf }) {
    if (action.type === "manifest.add") {
      return {
        findings: [
          ruleFinding(
            exe05Ref,
            "ALLOW",
            `Manifest gate: every BLOCK rule was re-run on ${asOf}; re-run again within the configured hours before departure and at boarding.`,
          ),
        ],
      };
    }
    const boarding = boardingStampOf(action);
    const stays = grantedStays(history, config, asOf, { boardingCompleted: boarding });
    const late = stays.filter((s) => s.status === "after_boarding");
    const inForce = staysInForce(history, config, asOf, { boardingCompleted: boarding });
    const sameDay = stays.filter((s) => s.status === "in_force" && s.grant.event.on === asOf);
    const findings: Finding[] = [];
    if (!boarding && sameDay.length) {
      findings.push(
        ruleFinding(
          exe05Ref,
          "BLOCK",
          `A stay granted today (${sameDay.map((s) => s.grant.event.by).join(", ")}) and no boarding-completion time is recorded: the stay must be treated as in force.`,
          { remedy: "The boarding-completion time, or the end of the stay." },
        ),
      );
    }
    if (inForce.length) {
      findings.push(
        ruleFinding(
          exe05Ref,
          "BLOCK",
          `Final gate at boarding: ${inForce.map((s) => s.message).join(" ")} Halt the departure.`,
          { facts: inForce.map((s) => s.source), remedy: "The end of the stay." },
        ),
      );
    }
    for (const s of late) {
      findings.push(
        ruleFinding(
          exe05Ref,
          "REVIEW",
          `Final gate: the stay granted ${s.grant.event.on} by the ${s.grant.event.by} reached the agency at ${s.communicatedAt}, after boarding was completed (${boarding}). It ceases to have effect, but escalate at once to HQ and OPLA and stop the removal if still practicable.`,
          { facts: [describeEvent(s.grant.event)], remedy: "HQ/OPLA decision recorded before take-off." },
        ),
      );
    }
    if (!findings.length) {
      findings.push(
        ruleFinding(
          exe05Ref,
          "ALLOW",
          `Final gate at boarding${boarding ? ` (completed ${boarding})` : ""}: every BLOCK rule re-run; no stay or new bar found.`,
        ),
      );
    }
    return { findings };
  },
};

/** INA 212(a)(9)(A): the re-entry bar that the departure notice must state. */
function reentryBar(events: readonly CaseEvent[], orderKind: string | undefined): string {
  if (eventsOf(events, "conviction").some((c) => c.category === "aggravated_felony"))
    return "permanent (aggravated felony)";
  if (eventsOf(events, "departure.verified").length > 1) return "20 years (second or later removal)";
  if (orderKind === "expedited_removal") return "5 years (expedited removal)";
  return "10 years";
}

const exe06Ref = {
  id: "EXE-06",
  citation: "8 CFR 241.2 (I-205 reverse); Form I-296; INA 212(a)(9)(A); 8 U.S.C. 1326",
};
export const exe06: Rule = {
  ...exe06Ref,
  title: "Departure verification and re-entry bar notice",
  actions: ["case.close"],
  evaluate({ history, asOf }) {
    const order = currentOrder(history, asOf)?.event;
    if (!order) return null;
    const events = knownEvents(history, asOf);
    const departed = eventsOf(events, "departure.verified")
      .filter((d) => d.on >= order.on)
      .at(-1);
    if (!departed) {
      return {
        findings: [
          ruleFinding(
            exe06Ref,
            "BLOCK",
            `The case has a removal order (${order.on}) and no verified departure: it cannot be closed.`,
            {
              facts: [describeEvent(order)],
              remedy: "Departure verification (I-205 reverse side or I-296).",
            },
          ),
        ],
      };
    }
    const vd = order.kind === "voluntary_departure" && departed.via !== "removal";
    const bar = vd
      ? "no 212(a)(9)(A) bar for a timely voluntary departure"
      : `re-entry bar: ${reentryBar(events, order.kind)}`;
    return {
      findings: [
        ruleFinding(
          exe06Ref,
          "ALLOW",
          `Departure to ${departed.country} verified on ${departed.on}; ${bar}. The written notice must cover the bar, Form I-212 and 8 U.S.C. 1326.`,
          { facts: [describeEvent(departed)] },
        ),
      ],
    };
  },
};
