/**
 * ARR-02 (warrantless arrest: specific facts for both prongs of 287(a)(2)),
 * ARR-03 (post-arrest processing: the 48-hour custody decision) and ARR-05
 * (entering a residence, U4), with the home-entry outcome shared by LOC-02.
 */
import type { EventOf } from "../../../domain/events.js";
import { addHours, compareStamps, localStamp } from "../../calendar/calendar.js";
import {
  actionStamp,
  boolField,
  currentCustody,
  exceptionFor,
  textField,
  zoneOf,
} from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { knownEvents } from "../../facts/removal.js";
import { policy } from "../../policy.js";
import type { Action, Deadline, Finding, LawConfig, Outcome, Rule } from "../../types.js";

type Arrest = EventOf<"arrest">;

/** A statement of the standard itself, or a placeholder, is a conclusion, not a fact (U5). */
const conclusory =
  /^(he|she|they|the (subject|person|alien))?\s*(is|was|are|were)?\s*(likely to (escape|flee|abscond)|a flight risk|flight risk|risk of flight|may (flee|escape)|could (flee|escape)|unlikely to remain( at the (location|scene))?|n\/?a|none|unknown|yes|true)$/i;

export function isSpecificFact(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value !== "string") return false;
  const s = value.trim().replace(/[.!]+$/, "");
  return s.length >= 12 && !conclusory.test(s);
}

export const arr02: Rule = {
  id: "ARR-02",
  title: "Warrantless arrest",
  citation: "INA 287(a)(2); 8 CFR 287.8(c)(2); Castañon Nava v. DHS (N.D. Ill.) consent decree",
  actions: ["arrest.make", "detention.continue"],
  evaluate({ history, action, asOf }) {
    let arrest: Record<string, unknown> | undefined;
    let when = "the planned arrest";
    if (action.type === "arrest.make") {
      if (action.basis !== "warrantless") return null;
      arrest = action;
    } else {
      const ep = currentCustody(knownEvents(history, asOf));
      const last = ep?.arrests[ep.arrests.length - 1];
      if (last?.basis !== "warrantless") return null;
      arrest = last as Record<string, unknown>;
      when = `the warrantless arrest of ${last.on}`;
    }
    const alienage = isSpecificFact(arrest.reasonToBelieve);
    const flightRisk = isSpecificFact(arrest.likelyToEscapeFacts);
    const detaining = action.type === "detention.continue";
    if (!alienage || !flightRisk) {
      const missing = [
        !alienage && "reason to believe the person is in the U.S. in violation of law",
        !flightRisk && "that the person is likely to escape before a warrant can be obtained",
      ].filter(Boolean);
      return {
        findings: [
          finding(
            this,
            detaining ? "REVIEW" : "BLOCK",
            `${when} records no specific facts showing ${missing.join(", or ")}; a bare conclusion is not a fact${detaining ? ", so the custody must go to release review" : ""}.`,
            [],
            "specific, recorded facts for both prongs (identity, prior escapes or evasion, attempted flight, lack of community ties), or an I-200",
          ),
        ],
      };
    }
    if (detaining)
      return {
        findings: [finding(this, "ALLOW", `${when} recorded specific facts for both prongs of 287(a)(2).`)],
      };
    const collateral = boolField(action, "collateral") === true;
    return {
      findings: [
        finding(
          this,
          "REVIEW",
          `${collateral ? "a collateral " : ""}warrantless arrest with facts recorded for both prongs; a supervisor must review it within 24 hours, and a warrant must be obtained whenever possible.`,
          [],
          "supervisor review of the recorded facts",
        ),
      ],
    };
  },
};

/** The 48-hour custody decision after a warrantless arrest (8 CFR 287.3(d)). */
function decisionDue(arrestStamp: string, config: LawConfig, item?: { tz?: unknown }): string {
  return addHours(arrestStamp, 48, zoneOf(config, item));
}

export const arr03: Rule = {
  id: "ARR-03",
  title: "Post-arrest processing",
  citation: "8 CFR 287.3(c)-(d)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const deadlines: Deadline[] = [];
    if (action.type === "arrest.make") {
      if (action.basis !== "warrantless") return null;
      const due = decisionDue(actionStamp(action), config, action);
      deadlines.push({ kind: "custody.decision_due", due, rule: this.id });
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `after a warrantless arrest, an officer other than the arresting officer must examine the person, give the 287.3(c) advisals, and decide custody, NTA and I-200 by ${due}.`,
          ),
        ],
      };
    }
    const events = knownEvents(history, asOf);
    const ep = currentCustody(events);
    const arrest = ep?.arrests.filter((a: Arrest) => a.basis === "warrantless").pop();
    if (!arrest) return null;
    const stamp = localStamp(arrest.on, arrest.at);
    const due = decisionDue(stamp, config, arrest);
    deadlines.push({ kind: "custody.decision_due", due, rule: this.id });
    if (action.type !== "detention.continue") return { deadlines };
    const facts = [
      `arrest ${arrest.on}${arrest.at ? ` ${arrest.at}` : ""} (warrantless, ${arrest.location})`,
    ];
    const decision = events.find((e) => e.type === "custody.determination" && e.on >= arrest.on);
    if (decision) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the custody decision after the warrantless arrest was made on ${decision.on}.`,
            [...facts, `custody.determination ${decision.on}`],
          ),
        ],
      };
    }
    const tz = zoneOf(config, arrest);
    const past =
      compareStamps(actionStamp(action), due, tz) > 0 ||
      (typeof action.at !== "string" && action.on > due.slice(0, 10));
    if (!past) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the custody decision after the warrantless arrest is due by ${due}.`,
            facts,
          ),
        ],
      };
    }
    const exc = exceptionFor(events, this.id);
    return {
      deadlines,
      findings: [
        finding(
          this,
          exc ? "REVIEW" : "BLOCK",
          `no custody decision was made within 48 hours of the warrantless arrest (due ${due})${exc ? `; extraordinary circumstances are documented (${exc.reason})` : ""}.`,
          facts,
          "a documented custody decision (custody, bond or recognizance; NTA and I-200)",
        ),
      ],
    };
  },
};

/** The outcome of a planned non-consensual home entry (ARR-05, LOC-02), or undefined when none is planned. */
export function homeEntryFinding(
  rule: { id: string; citation: string },
  action: Action,
  config: LawConfig,
  asOf: string,
): Finding | undefined {
  if (action.type !== "arrest.make" || boolField(action, "homeEntry") !== true) return undefined;
  if (boolField(action, "judicialWarrant") === true) {
    return finding(rule, "ALLOW", "entry into the home rests on a judicial warrant.");
  }
  if (boolField(action, "consent") === true) {
    return finding(rule, "ALLOW", "entry into the home rests on recorded valid consent.");
  }
  const exigency = textField(action, "exigency", "exigentCircumstances");
  if (exigency) {
    return finding(
      rule,
      "REVIEW",
      `a home entry without a judicial warrant or consent rests on a claimed exigency (${exigency}); a supervisor must review it.`,
      [],
      "supervisor confirmation of the exigency",
    );
  }
  const admin = action.basis === "i200" || action.basis === "i205";
  const setting = policy(config, "homeEntryAdminWarrant", asOf);
  const outcome: Outcome = admin && setting === "review" ? "REVIEW" : "BLOCK";
  const what = admin
    ? `an administrative warrant (${String(action.basis).toUpperCase().replace("I", "I-")}) alone`
    : "no warrant";
  return finding(
    rule,
    outcome,
    `a non-consensual entry into a home on ${what} is not authorised (Payton v. New York)${admin ? "; the May 12, 2025 ICE memo is contrary and contested (U4)" : ""}.`,
    [],
    "a judicial warrant, valid consent, or documented exigent circumstances",
  );
}

export const arr05: Rule = {
  id: "ARR-05",
  title: "Entering a residence",
  citation: "U.S. Const. amend. IV; Payton v. New York, 445 U.S. 573 (1980)",
  actions: ["arrest.make"],
  evaluate({ action, config, asOf }) {
    const f = homeEntryFinding(this, action, config, asOf);
    return f ? { findings: [f] } : null;
  },
};
