/** EXE-* rules of docs/law/RULES.md: executing removal (country, documents, fitness, minors, final gate, departure). */

import type { CaseEvent } from "../../domain/events.js";
import { ageOn, daysBetween } from "../calendar/calendar.js";
import {
  describeEvent,
  designatedCountries,
  destinationOf,
  eventsOf,
  failClosedOutcome,
  isExecution,
  knownEvents,
  removalActions,
  removalDate,
  ruleFinding,
} from "../facts/removal.js";
import { policyValue } from "../policy.js";
import type { Action, Rule } from "../types.js";
import { exe05, exe06 } from "./exe/gate.js";

type TravelDocument = Extract<CaseEvent, { type: "travel_document.issued" }>;

/** A travel document for `country`, valid on `date` and not refused after issue; otherwise why not. */
function usableDocument(events: readonly CaseEvent[], country: string, date: string) {
  const docs = eventsOf(events, "travel_document.issued").filter((t) => t.country === country);
  const refusals = eventsOf(events, "travel_document.refused").filter((t) => t.country === country);
  const valid = docs.filter(
    (d) => (!d.validUntil || d.validUntil >= date) && !refusals.some((r) => r.on >= d.on),
  );
  return {
    doc: valid.at(-1) as TravelDocument | undefined,
    expired: docs.filter((d) => d.validUntil && d.validUntil < date),
    refusals,
  };
}

const exe01Ref = {
  id: "EXE-01",
  citation: "INA 241(b)(1)-(2); Jama v. ICE, 543 U.S. 335 (2005); 8 CFR 1240.12(d)",
};
const exe01: Rule = {
  ...exe01Ref,
  title: "Destination selection and acceptance",
  actions: removalActions,
  evaluate({ history, action, asOf }) {
    const dest = destinationOf(action);
    if (!dest) {
      return {
        findings: [
          ruleFinding(
            exe01Ref,
            failClosedOutcome(action.type),
            "The removal action names no destination country.",
            { remedy: "The destination country and its 241(b) basis." },
          ),
        ],
      };
    }
    const events = knownEvents(history, asOf);
    const { countries, order } = designatedCountries(history, asOf);
    const facts = order ? [describeEvent(order)] : [];
    const ok = (why: string) => ({
      findings: [ruleFinding(exe01Ref, "ALLOW", `${dest}: ${why}.`, { facts })],
    });
    if (order?.countries?.includes(dest))
      return ok(`designated in the order of ${order.on} (8 CFR 1240.12(d))`);
    if (countries.includes(dest))
      return ok(`designated in the alternative in the order of ${order?.on} (8 CFR 1240.12(d))`);
    const { citizenship, birthCountry } = history.person;
    if (citizenship?.includes(dest))
      return ok("the country of citizenship (241(b)(2)(D)); no advance acceptance needed");
    if (birthCountry === dest)
      return ok("the country of birth (241(b)(2)(E)(iv)); no advance acceptance needed");
    const { doc } = usableDocument(events, dest, removalDate(action));
    if (doc) {
      facts.push(describeEvent(doc));
      return ok(`241(b)(2)(E)(vii): ${dest} accepted the person (travel document ${doc.on})`);
    }
    if (!citizenship?.length && !countries.length) {
      return {
        findings: [
          ruleFinding(
            exe01Ref,
            failClosedOutcome(action.type),
            `No designated country and no citizenship are recorded, so the 241(b) basis for ${dest} cannot be shown.`,
            { facts, remedy: "The designated countries or the person's citizenship." },
          ),
        ],
      };
    }
    return {
      findings: [
        ruleFinding(
          exe01Ref,
          "BLOCK",
          `${dest} is not designated in the order, not the country of citizenship (${citizenship?.join("/") ?? "unknown"}) or birth: only 241(b)(2)(E)(vii) remains, which needs ${dest}'s advance acceptance, and none is recorded.`,
          {
            facts,
            remedy: `${dest}'s acceptance (travel document) and a recorded 241(b) basis, or a designated destination.`,
          },
        ),
      ],
    };
  },
};

const exe02Ref = { id: "EXE-02", citation: "INA 241(a)(1)(C), 243(a); 8 CFR 241.2; Form I-229(a)" };
const exe02: Rule = {
  ...exe02Ref,
  title: "Travel documents and the person's cooperation",
  actions: removalActions,
  evaluate({ history, action, asOf }) {
    const dest = destinationOf(action);
    if (!dest) return null;
    const events = knownEvents(history, asOf);
    const when = removalDate(action);
    const { doc, expired, refusals } = usableDocument(events, dest, when);
    if (doc) {
      return {
        findings: [
          ruleFinding(
            exe02Ref,
            "ALLOW",
            `A ${dest} travel document issued ${doc.on}${doc.validUntil ? `, valid through ${doc.validUntil},` : ""} covers the removal on ${when}.`,
            { facts: [describeEvent(doc)] },
          ),
        ],
      };
    }
    if (action.manifestApproved === true) {
      return {
        findings: [
          ruleFinding(exe02Ref, "ALLOW", `${dest} approved the charter manifest (documented acceptance).`),
        ],
      };
    }
    const facts = [...expired, ...refusals].map(describeEvent);
    const requested = eventsOf(events, "travel_document.requested")
      .filter((r) => r.country === dest)
      .at(-1);
    const refused = eventsOf(events, "cooperation.refused").at(-1);
    if (requested) facts.push(describeEvent(requested));
    if (refused) facts.push(describeEvent(refused));
    const why = [
      expired.length
        ? `the ${dest} document${expired.length > 1 ? "s" : ""} expired (${expired.map((d) => d.validUntil).join(", ")})`
        : `no ${dest} travel document is recorded`,
      refusals.length ? `${dest} refused a document on ${refusals.at(-1)?.on}` : "",
      requested ? `a request was sent ${requested.on}` : "",
      refused
        ? `the person refused to cooperate on ${refused.on}${refused.warning ? " after the I-229(a) warning" : " (no I-229(a) warning recorded)"}; the removal period may be extended (DET-04)`
        : "",
    ].filter(Boolean);
    return {
      findings: [
        ruleFinding(
          exe02Ref,
          "BLOCK",
          `No valid travel document or documented acceptance for removal to ${dest} on ${when}: ${why.join("; ")}.`,
          {
            facts,
            remedy: `A ${dest} passport or travel document valid on ${when}, or documented acceptance.`,
          },
        ),
      ],
    };
  },
};

const exe03Ref = {
  id: "EXE-03",
  citation: "8 CFR 241.2(a)(2); ICE detention standards (fit for travel) [POLICY]",
};
const exe03: Rule = {
  ...exe03Ref,
  title: "Medical fitness to travel",
  actions: removalActions,
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const clearance = eventsOf(events, "medical.clearance").at(-1);
    const weeks = history.person.pregnantWeeks ?? 0;
    const flags = [...(weeks > 0 ? [`pregnant (${weeks} weeks)`] : [])];
    const maxAge = Number(policyValue(config, "medicalClearanceMaxAgeDays", 30, asOf));
    if (clearance && !clearance.fit) {
      return {
        findings: [
          ruleFinding(
            exe03Ref,
            "BLOCK",
            `The medical clearance of ${clearance.on} found the person not fit to travel.`,
            { facts: [describeEvent(clearance), ...flags], remedy: "A new fit-for-travel clearance." },
          ),
        ],
      };
    }
    if (!clearance) {
      // At execution the I-205 official must have decided fitness (241.2(a)(2)): no clearance is a missing
      // fact and fails closed. When only scheduling, a clearance can still be obtained before departure.
      if (!flags.length && isExecution(action.type)) {
        return {
          findings: [
            ruleFinding(
              exe03Ref,
              "BLOCK",
              "No fit-to-travel clearance is on record for the removal: the official who issues the I-205 must decide whether the person needs care en route.",
              { remedy: "An IHSC fit-for-travel clearance (medical.clearance fit)." },
            ),
          ],
        };
      }
      if (!flags.length)
        return {
          findings: [
            ruleFinding(
              exe03Ref,
              "ALLOW",
              "No medical flag is recorded; a fit-to-travel clearance must be on file before execution.",
            ),
          ],
        };
      return {
        findings: [
          ruleFinding(
            exe03Ref,
            "BLOCK",
            `Medical flag (${flags.join(", ")}) and no fit-to-travel clearance on record.`,
            { facts: flags, remedy: "An IHSC fit-for-travel clearance (medical.clearance fit)." },
          ),
        ],
      };
    }
    const age = daysBetween(clearance.on, asOf);
    if (age > maxAge) {
      return {
        findings: [
          ruleFinding(
            exe03Ref,
            "REVIEW",
            `The fit-to-travel clearance of ${clearance.on} is ${age} days old (more than ${maxAge}).`,
            { facts: [describeEvent(clearance), ...flags], remedy: "A current fit-for-travel clearance." },
          ),
        ],
      };
    }
    return {
      findings: [
        ruleFinding(
          exe03Ref,
          "ALLOW",
          `Fit to travel (clearance of ${clearance.on}, ${age} day${age === 1 ? "" : "s"} old)${flags.length ? `; flags: ${flags.join(", ")}` : ""}.`,
          { facts: [describeEvent(clearance)] },
        ),
      ],
    };
  },
};

const exe04Ref = {
  id: "EXE-04",
  citation: "8 U.S.C. 1232(a)(5); Flores settlement; RULES.md MIN-06 to MIN-08",
};
const exe04: Rule = {
  ...exe04Ref,
  title: "Family and minors at removal",
  actions: removalActions,
  evaluate({ history, action }) {
    const when = removalDate(action);
    const age = ageOn(history.person.birthDate, when);
    const uac = history.person.unaccompaniedChild === true;
    if (!age && !uac) return null;
    const minor = uac || (age !== undefined && age.max < 18);
    const maybe = !minor && age !== undefined && age.min < 18;
    if (!minor && !maybe)
      return {
        findings: [
          ruleFinding(
            exe04Ref,
            "ALLOW",
            `The person is an adult on ${when} (born ${history.person.birthDate}).`,
          ),
        ],
      };
    const custodian = receivingCustodian(action);
    const who = uac
      ? "an unaccompanied child"
      : maybe
        ? `possibly a minor on ${when} (birth date ${history.person.birthDate})`
        : `a minor on ${when} (born ${history.person.birthDate})`;
    if (custodian)
      return {
        findings: [
          ruleFinding(
            exe04Ref,
            "ALLOW",
            `The person is ${who}; the receiving custodian is recorded (${custodian}).`,
          ),
        ],
      };
    return {
      findings: [
        ruleFinding(
          exe04Ref,
          maybe ? failClosedOutcome(action.type) : "BLOCK",
          `The person is ${who} and no receiving parent, legal guardian or child-welfare authority is recorded for the hand-over.`,
          { remedy: "The receiving custodian and safe-return arrangements (receivingCustodian)." },
        ),
      ],
    };
  },
};

function receivingCustodian(action: Action): string | undefined {
  const c = action.receivingCustodian;
  return typeof c === "string" && c.trim() ? c.trim() : undefined;
}

export const exeRules: Rule[] = [exe01, exe02, exe03, exe04, exe05, exe06];
