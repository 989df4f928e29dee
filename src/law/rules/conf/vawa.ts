/** CONF-03..05 of docs/law/RULES.md: 8 U.S.C. 1367 (VAWA, T, U) and 1229(e) protected locations. */
import { contentOf, isTOrUApplicant, recipientOf, splitContent, vawaFacts } from "../../facts/disclosure.js";
import { describeEvent, eventsOf, knownEvents, ruleFinding } from "../../facts/removal.js";
import type { Rule } from "../../types.js";
import { consented, disclosureActions, exceptionOf, initiationActions, list } from "./common.js";

const conf03Ref = { id: "CONF-03", citation: "8 U.S.C. 1367(a)(1); DHS Instruction 002-02-001 (2013)" };
export const conf03: Rule = {
  ...conf03Ref,
  title: "VAWA, T and U: no adverse action on information from the abuser",
  actions: initiationActions,
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const protectedFacts = vawaFacts(events);
    if (!protectedFacts.length) return null;
    const sourced = events.filter(
      (e) =>
        (e.type === "encounter" || e.type === "arrest") &&
        typeof (e as { source?: string }).source === "string",
    );
    const sources = sourced.map((e) => (e as { source?: string }).source as string);
    if (typeof action.source === "string") sources.push(action.source);
    const convictions = eventsOf(events, "conviction");
    const facts = [...protectedFacts, ...sourced.map(describeEvent), ...convictions.map(describeEvent)];
    const remedy =
      "Information from a source independent of the abuser or perpetrator, checked by a supervisor.";
    if (sources.length && sources.every((s) => s === "abuser") && !convictions.length) {
      return {
        findings: [
          ruleFinding(
            conf03Ref,
            "BLOCK",
            "The person is 1367-protected and every recorded source of enforcement information is the abuser or perpetrator: no arrest, charge, detainer or NTA may rest solely on it.",
            { facts, remedy },
          ),
        ],
      };
    }
    const why =
      sources.length || convictions.length
        ? `independent information is recorded (${[...new Set(sources.filter((s) => s !== "abuser"))].concat(convictions.length ? ["conviction record"] : []).join(", ")})`
        : "the source of the enforcement information is not recorded";
    return {
      findings: [
        ruleFinding(
          conf03Ref,
          "REVIEW",
          `The person is 1367-protected; ${why}: a supervisor must check the 1367 indicator and confirm the action does not rest on information from the abuser.`,
          { facts, remedy: "Supervisor 1367 check recorded." },
        ),
      ],
    };
  },
};

const conf04Ref = { id: "CONF-04", citation: "8 U.S.C. 1367(a)(2), (b), (c)" };
export const conf04: Rule = {
  ...conf04Ref,
  title: "VAWA, T and U: non-disclosure",
  actions: disclosureActions,
  evaluate({ history, action, asOf }) {
    const facts = vawaFacts(knownEvents(history, asOf));
    if (!facts.length) return null;
    const { recipient, label } = recipientOf(action);
    const content = contentOf(action);
    const one = (outcome: "ALLOW" | "REVIEW" | "BLOCK", message: string, remedy?: string) => ({
      findings: [ruleFinding(conf04Ref, outcome, message, { facts, remedy })],
    });
    if (recipient === "internal")
      return one("ALLOW", `Disclosure to ${label}: officers and employees with a need to know.`);
    if (recipient === "own_side")
      return one("ALLOW", `Disclosure to ${label} (the protected person's own side).`);
    const exception = exceptionOf(action);
    if (exception || consented(action)) {
      return one(
        "REVIEW",
        `Disclosure about a 1367-protected person to ${label} under ${exception ? `the claimed exception "${exception}"` : "the person's consent"}: a supervisor must confirm it fits 1367(b).`,
        "Supervisor confirmation of the 1367(b) exception.",
      );
    }
    if (recipient === "us_agency") {
      return one(
        "REVIEW",
        `Disclosure about a 1367-protected person to ${label} needs a 1367(b) exception (law enforcement or national security need, judicial review, ...).`,
        "A recorded 1367(b) exception.",
      );
    }
    if (
      recipient === "foreign_government" &&
      content &&
      content.every((c) => splitContent([c]).identity.length)
    ) {
      return one(
        "REVIEW",
        `Identity data about a 1367-protected person to ${label}: any information relating to the person is covered; confirm the removal-related exception before sending.`,
        "Supervisor confirmation that the application was denied with appeals exhausted, or a 1367(b) exception.",
      );
    }
    if (recipient === "unknown") {
      return one(
        "REVIEW",
        `The recipient (${label}) of information about a 1367-protected person is not classified.`,
        "A recipient classification.",
      );
    }
    return one(
      "BLOCK",
      `The person is 1367-protected: no information relating to her or him (including that an application exists) may go to ${label}${content ? ` (${list(content)})` : ""}; a private party's subpoena is not a 1367(b) exception.`,
      "The protected person's consent, or a 1367(b) exception approved by a supervisor.",
    );
  },
};

/** 1229(e) locations: the first list of CONF-05; courthouses only in the listed circumstances. */
const victimLocations = new Set([
  "shelter",
  "dv_shelter",
  "family_court",
  "rape_crisis_center",
  "supervised_visitation_center",
  "family_justice_center",
  "victim_services",
  "community_organization",
]);

const conf05Ref = { id: "CONF-05", citation: "8 U.S.C. 1229(e); DHS Instruction 002-02-001 (2013)" };
export const conf05: Rule = {
  ...conf05Ref,
  title: "Enforcement at locations protected for victims",
  actions: ["arrest.make", "nta.serve"],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const tu = isTOrUApplicant(events) || vawaFacts(events).length > 0;
    const listed = (location: unknown, victimCase?: unknown) =>
      typeof location === "string" &&
      (victimLocations.has(location) || (location === "courthouse" && (tu || victimCase === true)));
    if (action.type === "arrest.make") {
      if (!listed(action.location, action.victimCase)) return null;
      return {
        findings: [
          ruleFinding(
            conf05Ref,
            "REVIEW",
            `Planned enforcement at a 1229(e) location (${String(action.location).replace(/_/g, " ")}): a supervisor must approve, the 1367 indicator must be checked, and any NTA must state that 1367 was complied with.`,
            { facts: vawaFacts(events), remedy: "Supervisor approval with a 1367 check recorded." },
          ),
        ],
      };
    }
    const atListed = events.filter(
      (e) => (e.type === "encounter" || e.type === "arrest") && listed(e.location),
    );
    if (!atListed.length) return null;
    const facts = atListed.map(describeEvent);
    if (action.complianceStatement1367 === true) {
      return {
        findings: [
          ruleFinding(
            conf05Ref,
            "ALLOW",
            "The NTA carries the 1229(e) statement that 1367 was complied with.",
            { facts },
          ),
        ],
      };
    }
    return {
      findings: [
        ruleFinding(
          conf05Ref,
          "BLOCK",
          `Part of the enforcement action took place at a 1229(e) location (${atListed.map((e) => `${(e as { location: string }).location.replace(/_/g, " ")} ${e.on}`).join("; ")}): the NTA must state that 1367 was complied with.`,
          { facts, remedy: "The 1229(e) compliance statement on the NTA (complianceStatement1367)." },
        ),
      ],
    };
  },
};
