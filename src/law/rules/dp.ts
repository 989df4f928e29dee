/** DP-* rules of docs/law/RULES.md (section O: additional due-process rules). */
import type { CaseEvent } from "../../domain/events.js";
import type { PersonFacts } from "../../domain/person-facts.js";
import { finding } from "../facts/finding.js";
import { recipients } from "../facts/notices.js";
import { currentOrder, orderFinality } from "../facts/orders.js";
import { eventsOf, hasCounsel, isRemoval, knownEvents } from "../facts/removal.js";
import { policy } from "../policy.js";
import type { Action, Finding, History, LawConfig, Rule } from "../types.js";

const finalityActions = (a: Action) => isRemoval(a.type) || a.type === "order.mark_final";

/** The waiver the action relies on or accepts, in words; undefined when none is involved. */
function waiverAt(history: History, config: LawConfig, asOf: string, action: Action): string | undefined {
  if (action.type === "return.voluntary") return "the I-826 waiver of a hearing (voluntary return)";
  if (action.type === "vd.grant") return "the waivers that come with voluntary departure";
  if (action.type === "stipulated_removal.request") return "the waiver in a stipulated removal request";
  if (!finalityActions(action)) return undefined;
  const order = currentOrder(history, asOf)?.event;
  if (order?.kind === "stipulated_removal") return `the stipulated removal order of ${order.on}`;
  const fin = orderFinality(history, config, asOf);
  if (fin.waiver && fin.order === order) return `the waiver of appeal of ${fin.waiver.on}`;
  return undefined;
}

export const dp01: Rule = {
  id: "DP-01",
  title: "Competency",
  citation: "Matter of M-A-M-, 25 I&N Dec. 474 (BIA 2011); Franco-Gonzalez v. Holder (C.D. Cal.)",
  actions: [
    "return.voluntary",
    "vd.grant",
    "stipulated_removal.request",
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
  ],
  evaluate({ history, action, config, asOf }) {
    const waiver = waiverAt(history, config, asOf, action);
    if (!waiver) return null;
    if (history.person.competencyConcerns !== true) {
      return { findings: [finding(this, "ALLOW", `No competency indicators are recorded for ${waiver}.`)] };
    }
    const franco = config.classes?.includes("franco_gonzalez") && history.person.represented !== true;
    return {
      findings: [
        finding(
          this,
          "REVIEW",
          `The record shows indicators of mental incompetency; ${waiver} cannot be accepted until the Matter of M-A-M- safeguards are applied${franco ? ", and as a Franco-Gonzalez class member the person needs a qualified representative" : ""}.`,
          [],
          "a competency determination with safeguards (and a qualified representative for a Franco-Gonzalez class member)",
        ),
      ],
    };
  },
};

/** A record that the waiver was explained in a language the person understands. */
function languageRecord(person: PersonFacts, events: readonly CaseEvent[]): { ok: boolean; text: string } {
  const langs = person.languages;
  const interpreters = eventsOf(events, "interpreter.recorded");
  const match = interpreters.find((i) => !langs || langs.includes(i.language));
  if (match) return { ok: true, text: `an interpreter in ${match.language} is recorded (${match.on})` };
  if (langs?.includes("en")) return { ok: true, text: "the person understands English" };
  if (interpreters.length)
    return {
      ok: false,
      text: `the interpreter recorded (${interpreters[0].language}) is not in a language the person understands (${langs?.join(", ")})`,
    };
  return { ok: false, text: "no interpreter record is on file" };
}

export const dp02: Rule = {
  id: "DP-02",
  title: "Stipulated removal and waivers",
  citation: "8 CFR 1003.25(b)",
  actions: [
    "stipulated_removal.request",
    "return.voluntary",
    "removal.schedule",
    "removal.execute",
    "manifest.add",
    "flight.depart",
    "order.mark_final",
  ],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    if (action.type === "return.voluntary") {
      const lang = typeof action.language === "string" ? action.language : undefined;
      const langs = history.person.languages;
      if (!lang || !langs) return null;
      return {
        findings: [
          langs.includes(lang)
            ? finding(this, "ALLOW", `The I-826 was read in ${lang}, a language the person understands.`)
            : finding(
                this,
                "BLOCK",
                `The I-826 was read in ${lang}, which the person is not recorded as understanding (${langs.join(", ")}); the waiver is not knowing.`,
                [],
                "an I-826 read in a language the person understands",
              ),
        ],
      };
    }
    const order = currentOrder(history, asOf)?.event;
    const stipulated = action.type === "stipulated_removal.request" || order?.kind === "stipulated_removal";
    if (!stipulated) return null;
    const record = languageRecord(history.person, events);
    const findings: Finding[] = [];
    if (!record.ok) {
      findings.push(
        finding(
          this,
          "BLOCK",
          `A stipulated removal needs a voluntary, knowing and intelligent waiver in a language the person understands, but ${record.text}.`,
          [],
          "an interpreter record in a language the person understands",
        ),
      );
    } else {
      const unrepresented = history.person.represented !== true && !hasCounsel(history, events);
      findings.push(
        finding(
          this,
          "REVIEW",
          `Stipulated removal: ${record.text}; ${unrepresented ? "the person is unrepresented, so the IJ must have found the waiver voluntary, knowing and intelligent" : "confirm the IJ's finding that the waiver was voluntary, knowing and intelligent"}.`,
          [],
          "the IJ's finding on the waiver",
        ),
      );
    }
    return { findings };
  },
};

export const dp03: Rule = {
  id: "DP-03",
  title: "Access to counsel",
  citation: "INA 240(b)(4)(A); INA 292; INA 239(a)(1)",
  actions: ["nta.serve", "transfer"],
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    if (!hasCounsel(history, events)) return null;
    if (action.type === "transfer") {
      const impedes =
        action.outOfArea === true || action.outOfAor === true || action.impedesCounselAccess === true;
      // [POLICY] WARN by default; `transferImpedingCounsel: "review"` makes it a two-person decision.
      const review = policy(config, "transferImpedingCounsel", asOf) === "review";
      return {
        findings: [
          impedes
            ? finding(
                this,
                review ? "REVIEW" : "WARN",
                "The person has counsel of record and the transfer takes them out of the area, which impedes access to counsel; notify counsel.",
                [],
                "a supervisor's written reason for moving the person away from counsel",
              )
            : finding(
                this,
                "ALLOW",
                "The person has counsel of record; the transfer is not recorded as leaving the area. Notify counsel of the new facility.",
              ),
        ],
      };
    }
    const to = recipients(action.servedTo);
    if (to.includes("counsel") || action.copyToCounsel === true) {
      return { findings: [finding(this, "ALLOW", "Counsel of record is among those served.")] };
    }
    return {
      findings: [
        finding(
          this,
          "BLOCK",
          `An EOIR-28/G-28 is on file, but the service is to ${to.join(" and ") || "no one recorded"} only; counsel of record must be served.`,
          [],
          "service (or a copy) on counsel of record",
        ),
      ],
    };
  },
};

export const dpRules: Rule[] = [dp01, dp02, dp03];
