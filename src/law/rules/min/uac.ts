/**
 * Unaccompanied children under the TVPRA: MIN-04 (HHS notice in 48 hours,
 * transfer in 72), MIN-05 (contiguous-country screening before return),
 * MIN-06 (no expedited removal or reinstatement) and MIN-07 (I-770 advisal
 * and a contact opportunity before any voluntary return of a minor).
 *
 * Recording conventions (the shared vocabulary has no dedicated events):
 * - the 1232(a)(4) screening is `uac.screened` with kind "1232a4"; a finding
 *   against return may be recorded on it as `trafficking: true`,
 *   `fear: true` or `independentDecision: false`, or `result: "negative"`;
 * - the I-770 advisal is `uac.screened` with kind "I-770"; the contact
 *   opportunity is `contactOffered: true` on it, or a `uac.screened` with
 *   kind "contact";
 * - transfer to HHS/ORR is `custody.released`, or a booking or transfer into
 *   a `juvenile_licensed` facility, after the UAC determination.
 */
import type { CaseEvent, EventOf } from "../../../domain/events.js";
import { addHours, compareStamps, localStamp } from "../../calendar/calendar.js";
import {
  actionStamp,
  ageText,
  boolField,
  exceptionFor,
  isUnaccompaniedChild,
  textField,
  uacDetermination,
  zoneOf,
} from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { currentOrder } from "../../facts/orders.js";
import { knownEvents, removalActions } from "../../facts/removal.js";
import type { Deadline, Finding, Rule } from "../../types.js";
import { isMinor } from "./flores.js";

type Screened = EventOf<"uac.screened">;
const field = (e: CaseEvent, key: string) => (e as Record<string, unknown>)[key];

function transferredToHhs(events: readonly CaseEvent[], after: CaseEvent): CaseEvent | undefined {
  const i = events.indexOf(after);
  return events
    .slice(i + 1)
    .find(
      (e) =>
        e.type === "custody.released" ||
        ((e.type === "custody.booked" || e.type === "custody.transferred") &&
          e.facility.kind === "juvenile_licensed"),
    );
}

export const min04: Rule = {
  id: "MIN-04",
  title: "TVPRA: notify HHS within 48 hours; transfer within 72 hours",
  citation: "8 U.S.C. 1232(b)(2)-(3)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isUnaccompaniedChild(history.person, events, asOf)) return null;
    const det = uacDetermination(events);
    const retains = action.type === "detention.continue" || (action.type === "transfer" && !toHhs(action));
    if (!det) {
      if (!retains) return null;
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "the person is an unaccompanied child, but no UAC determination time is recorded, so the 48- and 72-hour periods cannot be computed.",
            [],
            "the date and time of the UAC determination (uac.determined)",
          ),
        ],
      };
    }
    const tz = zoneOf(config, det);
    const from = localStamp(det.on, det.at);
    const noticeDue = addHours(from, 48, tz);
    const transferDue = addHours(from, 72, tz);
    const deadlines: Deadline[] = [
      { kind: "uac.hhs_notice_due", due: noticeDue, rule: this.id },
      { kind: "uac.transfer_due", due: transferDue, rule: this.id },
    ];
    const moved = transferredToHhs(events, det);
    if (moved || !retains) return { deadlines };
    const facts = [`uac.determined ${det.on} ${det.at}`];
    const now = actionStamp(action);
    const timeUnknown = typeof action.at !== "string" && action.on === transferDue.slice(0, 10);
    const findings: Finding[] = [];
    if (compareStamps(now, transferDue, tz) > 0 && !timeUnknown) {
      const exc = exceptionFor(events, this.id);
      if (exc?.supervisorApproved) {
        findings.push(
          finding(
            this,
            "REVIEW",
            `the child has been held past the 72-hour transfer deadline (${transferDue}); exceptional circumstances are documented (${exc.reason}) with supervisor approval.`,
            [...facts, `exceptional_circumstances.documented ${exc.on}`],
            "transfer to HHS/ORR custody",
          ),
        );
      } else {
        findings.push(
          finding(
            this,
            "BLOCK",
            `the child was determined to be a UAC at ${from}; custody had to pass to HHS by ${transferDue} and the child is still held${exc ? " (exceptional circumstances recorded without supervisor approval)" : " with no exceptional circumstances documented"}.`,
            facts,
            "transfer to HHS/ORR, or documented exceptional circumstances approved by a supervisor",
          ),
        );
      }
    } else if (timeUnknown) {
      findings.push(
        finding(
          this,
          "REVIEW",
          `the 72-hour transfer deadline falls at ${transferDue}, on the day of this action, which records no time.`,
          facts,
          "the time of the action, or the transfer to HHS",
        ),
      );
    }
    // RULES.md gives the HHS notice as a DEADLINE; it is reported in the finding, not gated.
    const notified = events.find((e) => e.type === "hhs.notified" && e.on >= det.on);
    const noticeLate = !notified && compareStamps(now, noticeDue, tz) > 0;
    if (!findings.length) {
      findings.push(
        finding(
          this,
          "ALLOW",
          `the UAC was determined at ${from}; transfer is due by ${transferDue}; ${notified ? `HHS was notified on ${notified.on}` : noticeLate ? `HHS notice was due by ${noticeDue} and is not recorded` : `HHS notice is due by ${noticeDue}`}.`,
          facts,
        ),
      );
    }
    return { deadlines, findings };
  },
};

function toHhs(action: { [k: string]: unknown }): boolean {
  const to = action.toFacility as { kind?: string; agency?: string } | undefined;
  const agency = textField(action, "to", "agency") ?? to?.agency;
  return to?.kind === "juvenile_licensed" || /^(HHS|ORR)$/i.test(agency ?? "");
}

const contiguous = new Set(["MX", "CA"]);

function negativeScreening(e: Screened): string | undefined {
  if (field(e, "trafficking") === true || field(e, "traffickingRisk") === true)
    return "a trafficking concern";
  if (field(e, "fear") === true || field(e, "fearOfReturn") === true) return "a fear of return";
  if (field(e, "independentDecision") === false || field(e, "canDecide") === false)
    return "no capacity to decide independently";
  const result = field(e, "result");
  if (typeof result === "string" && /neg|fail|not/i.test(result)) return `result "${result}"`;
  return undefined;
}

export const min05: Rule = {
  id: "MIN-05",
  title: "Children from contiguous countries (Mexico, Canada)",
  citation: "8 U.S.C. 1232(a)(2)-(4)",
  actions: ["return.voluntary"],
  evaluate({ history, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isUnaccompaniedChild(history.person, events, asOf)) return null;
    const nationality = [
      ...(history.person.citizenship ?? []),
      ...(history.person.birthCountry ? [history.person.birthCountry] : []),
    ];
    const remedy =
      "a completed 1232(a)(4) screening (no trafficking concern, no fear, able to decide) within 48 hours";
    if (!nationality.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            "the child's nationality is not recorded, so eligibility for contiguous-country return cannot be shown.",
            [],
            "the child's nationality and a completed 1232(a)(4) screening",
          ),
        ],
      };
    }
    if (!nationality.some((c) => contiguous.has(c))) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `the child is a national of ${nationality.join("/")}, not a contiguous country; only Mexican or Canadian children may withdraw their application for admission, and every other UAC goes to INA 240 proceedings.`,
            [],
            "INA 240 proceedings (1232(a)(5)(D))",
          ),
        ],
      };
    }
    const det = uacDetermination(events);
    const screens = events.filter((e): e is Screened => e.type === "uac.screened" && /1232/.test(e.kind));
    const screen = screens[screens.length - 1];
    if (!screen) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            "no 1232(a)(4) screening (trafficking, fear of return, capacity to decide) is recorded for this Mexican or Canadian child.",
            det ? [`uac.determined ${det.on}`] : [],
            remedy,
          ),
        ],
      };
    }
    const facts = [`uac.screened ${screen.on} (${screen.kind})`];
    const against = negativeScreening(screen);
    const fear = events.find(
      (e) =>
        (e.type === "fear.claimed" || (e.type === "fear.inquired" && e.expressed)) && e.on >= (det?.on ?? ""),
    );
    if (against || fear) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `the screening found ${against ?? `a fear of return (${fear?.type} ${fear?.on})`}; the child must be processed like any other UAC.`,
            fear ? [...facts, `${fear.type} ${fear.on}`] : facts,
            "INA 240 proceedings and transfer to HHS",
          ),
        ],
      };
    }
    const late =
      det && compareStamps(localStamp(screen.on, screen.at), addHours(localStamp(det.on, det.at), 48)) > 0;
    return {
      findings: [
        late
          ? finding(
              this,
              "WARN",
              `the 1232(a)(4) screening of ${screen.on} found the child eligible to withdraw, but it came more than 48 hours after the UAC determination.`,
              facts,
            )
          : finding(
              this,
              "ALLOW",
              `the 1232(a)(4) screening of ${screen.on} is recorded with no trafficking concern, no fear and capacity to decide.`,
              facts,
            ),
      ],
    };
  },
};

const summaryKinds = new Set(["expedited_removal", "reinstatement"]);

export const min06: Rule = {
  id: "MIN-06",
  title: "No expedited removal for unaccompanied children; 240 proceedings; asylum jurisdiction",
  citation: "8 U.S.C. 1232(a)(5)(D); INA 208(b)(3)(C)",
  actions: ["warrant.issue", ...removalActions],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isUnaccompaniedChild(history.person, events, asOf)) return null;
    const form = textField(action, "form") ?? "";
    const order = currentOrder(history, asOf)?.event;
    const summary =
      action.type === "warrant.issue"
        ? /860|871/.test(form)
        : order !== undefined && summaryKinds.has(order.kind);
    if (!summary) return null;
    const what =
      action.type === "warrant.issue"
        ? `an ${form}`
        : `removal under the ${order?.kind.replace("_", " ")} order of ${order?.on}`;
    return {
      findings: [
        finding(
          this,
          "BLOCK",
          `the person is an unaccompanied child (age ${ageText(history.person.birthDate, asOf)}); ${what} is barred: unaccompanied children are placed in INA 240 proceedings.`,
          order ? [`order.issued ${order.on} (${order.kind})`] : [],
          "a Notice to Appear in INA 240 proceedings",
        ),
      ],
    };
  },
};

function advisal(events: readonly CaseEvent[], action: { [k: string]: unknown }) {
  const screens = events.filter((e): e is Screened => e.type === "uac.screened");
  const i770 = screens.filter((e) => /770/.test(e.kind)).pop();
  const contact =
    (i770 && boolField(i770 as Record<string, unknown>, "contactOffered", "contactOpportunity") === true) ||
    screens.some((e) => /contact/i.test(e.kind)) ||
    boolField(action, "contactOffered", "contactOpportunity") === true;
  return { i770: i770 ?? (boolField(action, "i770Advised") ? "action" : undefined), contact };
}

export const min07: Rule = {
  id: "MIN-07",
  title: "Advisals for minors and voluntary return",
  citation: "Perez-Funez v. District Director, INS, 619 F. Supp. 656 (C.D. Cal. 1985); 8 CFR 236.3",
  actions: ["return.voluntary"],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isMinor(history, events, asOf)) return null;
    const { i770, contact } = advisal(events, action);
    const age = ageText(history.person.birthDate, asOf);
    if (!i770 || !contact) {
      const missing = [
        !i770 && "an I-770 notice of rights in a language the child understands",
        !contact && "an opportunity to contact a parent, relative, friend or free legal service",
      ].filter(Boolean);
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `voluntary return of a minor (age ${age}) without ${missing.join(" and ")}.`,
            [],
            "a recorded I-770 advisal and contact opportunity",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "REVIEW",
          `the minor (age ${age}) received the I-770 advisal and a contact opportunity; voluntary return still needs supervisor review.`,
          [],
          "supervisor approval of the voluntary return",
        ),
      ],
    };
  },
};
