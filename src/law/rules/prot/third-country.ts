/** PROT-04 of docs/law/RULES.md: third-country removal safeguards [UNSETTLED / POLICY]. */
import { daysBetween } from "../../calendar/calendar.js";
import { thirdCountryRecord } from "../../facts/protection.js";
import {
  describeEvent,
  designatedCountries,
  destinationOf,
  eventsOf,
  failClosedOutcome,
  hasCounsel,
  knownEvents,
  removalActions,
  removalDate,
  ruleFinding,
} from "../../facts/removal.js";
import { policy, policyValue } from "../../policy.js";
import type { Rule, RuleContext, RuleResult } from "../../types.js";

export type Ref = { id: string; citation: string };

export function missingDestination(ref: Ref, ctx: RuleContext): RuleResult {
  return {
    findings: [
      ruleFinding(
        ref,
        failClosedOutcome(ctx.action.type),
        "The removal action names no destination country, so country-specific protection cannot be checked.",
        {
          remedy: "The destination country (and any onward destination) of the removal.",
        },
      ),
    ],
  };
}

const prot04Ref = {
  id: "PROT-04",
  citation:
    "INA 241(b)(1)-(3); Jama v. ICE, 543 U.S. 335 (2005); 8 CFR 1240.12(d); DHS v. D.V.D. (2025); FARRA §2242",
};
export const prot04: Rule = {
  ...prot04Ref,
  title: "Third-country removal safeguards [UNSETTLED / POLICY]",
  actions: removalActions,
  evaluate(ctx) {
    const { history, action, config, asOf } = ctx;
    const dest = destinationOf(action);
    const { countries, order } = designatedCountries(history, asOf);
    if (!order) return null;
    if (!dest) return missingDestination(prot04Ref, ctx);
    const citizenship = history.person.citizenship ?? [];
    const designated = countries.length ? countries : citizenship;
    const orderFact = describeEvent(order);
    if (designated.includes(dest)) {
      const how = countries.length
        ? `designated in the order of ${order.on}`
        : `the country of citizenship (the order of ${order.on} designates none)`;
      return {
        findings: [
          ruleFinding(prot04Ref, "ALLOW", `${dest} is ${how}: not a third-country removal.`, {
            facts: [orderFact],
          }),
        ],
      };
    }
    const events = knownEvents(history, asOf);
    const strict = policy(config, "thirdCountryProcedure", asOf) === "strict";
    const minDays = Number(policyValue(config, "thirdCountryNoticeDays", strict ? 10 : 1, asOf));
    const reopenDays = Number(policyValue(config, "thirdCountryReopenDays", strict ? 15 : 0, asOf));
    const rec = thirdCountryRecord(events, dest, action.type);
    const when = removalDate(action);
    const missing: string[] = [];
    const acceptance = eventsOf(events, "travel_document.issued").some(
      (t) => t.country === dest && (!t.validUntil || t.validUntil >= when),
    );
    const birth = history.person.birthCountry;
    if (!citizenship.includes(dest) && birth !== dest && !acceptance)
      missing.push(`(a) a 241(b) basis with ${dest}'s acceptance`);
    const n = rec.notice;
    if (!n) missing.push("(b) written notice of the third country");
    else {
      const languages = history.person.languages;
      if (strict && !(languages ?? []).includes(n.language))
        missing.push(
          `(b) notice in a language the person understands (${n.language}${languages ? `; understands ${languages.join("/")}` : "; languages not recorded"})`,
        );
      if (!n.servedTo.includes("person")) missing.push("(b) notice served on the person");
      if (strict && hasCounsel(history, events) && !n.servedTo.includes("counsel"))
        missing.push("(b) notice served on counsel of record");
      const days = daysBetween(n.on, when);
      if (days < minDays)
        missing.push(`(e) the ${minDays}-day notice window (notice ${n.on}, removal ${when}: ${days} days)`);
    }
    if (!rec.inquiry) missing.push(`(c) a fear inquiry about ${dest}`);
    else if (rec.inquiry.expressed) {
      const s = rec.screening;
      if (!s) missing.push(`(d) the screening of the fear expressed ${rec.inquiry.on}`);
      else if (s.result === "positive")
        missing.push(`(d) a decision after the positive screening of ${s.on}`);
      else if (reopenDays > 0 && daysBetween(s.on, when) < reopenDays)
        missing.push(
          `(d) the ${reopenDays}-day window to move to reopen after the negative screening of ${s.on}`,
        );
    }
    const facts = [
      orderFact,
      ...[rec.notice, rec.inquiry, rec.screening, rec.assurance, rec.approved]
        .filter((e) => e !== undefined)
        .map(describeEvent),
    ];
    const assurance = rec.assurance;
    const substitutes = assurance && (assurance.scope === "individual" || !strict);
    if (missing.length && substitutes && !missing.some((m) => m.startsWith("(a)"))) {
      return {
        findings: [
          ruleFinding(
            prot04Ref,
            "REVIEW",
            `${dest} was not designated; DHS relies on ${assurance.scope} diplomatic assurances (${assurance.on}) instead of ${missing.join("; ")}: HQ review.`,
            { facts, remedy: "HQ approval, or the full notice, fear inquiry and screening record." },
          ),
        ],
      };
    }
    if (missing.length) {
      return {
        findings: [
          ruleFinding(
            prot04Ref,
            "BLOCK",
            `${dest} was not designated in the order of ${order.on} (designated: ${countries.join(", ") || "none"}). Third-country removal needs: ${missing.join("; ")}.${assurance ? ` A ${assurance.scope} assurance (${assurance.on}) does not replace them${strict ? " under the strict configuration" : ""}.` : ""}`,
            { facts, remedy: `Record ${missing.join("; ")}; then supervisor and OPLA approval.` },
          ),
        ],
      };
    }
    if (!rec.approved) {
      return {
        findings: [
          ruleFinding(
            prot04Ref,
            "REVIEW",
            `Third-country removal to ${dest}: notice, fear inquiry and waiting period are recorded; supervisor and OPLA approval are required (f).`,
            { facts, remedy: "Supervisor and OPLA approval (review.decided approved)." },
          ),
        ],
      };
    }
    return {
      findings: [
        ruleFinding(
          prot04Ref,
          "ALLOW",
          `Third-country removal to ${dest}: basis, notice, fear inquiry, waiting period and approval (${rec.approved.on}) are recorded.`,
          { facts },
        ),
      ],
    };
  },
};
