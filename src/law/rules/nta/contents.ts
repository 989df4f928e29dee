/**
 * NTA-01 (what an NTA must say, including time and place) and NTA-02 (the
 * stop-time rule). Pereira v. Sessions; Niz-Chavez v. Garland.
 */
import type { CaseEvent } from "../../../domain/events.js";
import type { PersonFacts } from "../../../domain/person-facts.js";
import { addYears, compareDates } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import { isCompliantNta, missingTimeAndPlace, type NtaEvent } from "../../facts/notices.js";
import { describeEvent, eventsOf, knownEvents } from "../../facts/removal.js";
import type { Deadline, Finding, Rule } from "../../types.js";

const ntaActions = ["nta.serve", "nta.file", "nta.issue"];

export const nta01: Rule = {
  id: "NTA-01",
  title: "Required contents of an NTA, including time and place",
  citation:
    "INA 239(a)(1); Pereira v. Sessions, 585 U.S. 198 (2018); Niz-Chavez v. Garland, 593 U.S. 155 (2021); 8 CFR 1003.15",
  actions: ntaActions,
  evaluate({ action }) {
    const hearing = action.hearing;
    const missing = missingTimeAndPlace(hearing);
    if (missing.length === 0) {
      const h = hearing as { date: string; time: string; place: string };
      if (compareDates(h.date, action.on) < 0) {
        return {
          findings: [
            finding(
              this,
              "BLOCK",
              `The I-862 orders appearance on ${h.date}, before the date of service ${action.on}: it gives no usable time and place.`,
              [],
              "a hearing date on or after service, taken from EOIR scheduling",
            ),
          ],
        };
      }
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The I-862 states the hearing: ${h.date} at ${h.time}, ${h.place} (INA 239(a)(1)(G)).`,
          ),
        ],
      };
    }
    const lacks = `The I-862 lacks the hearing ${missing.join(", ")}; without a specific date, time and court address it is not a notice to appear under 8 U.S.C. 1229(a) (Pereira; Niz-Chavez).`;
    if (action.schedulingUnavailable === true) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `${lacks} EOIR scheduling is recorded as unavailable, so a supervisor may approve service with a written reason. Warning: (i) this NTA does not trigger the stop-time rule (NTA-02); (ii) the respondent may object before pleadings close (Matter of Fernandes); (iii) a compliant hearing notice will be required before any in absentia order (NTA-03).`,
            [],
            "the hearing date, time and court address from EOIR scheduling",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "BLOCK",
          lacks,
          [],
          "a hearing date, time and court address from EOIR scheduling on the I-862",
        ),
      ],
    };
  },
};

/** The date continuous presence began: documented presence, else the entry. */
function presenceStart(person: PersonFacts, events: readonly CaseEvent[]): string | undefined {
  return person.usPresenceSince ?? person.entry?.on ?? eventsOf(events, "entry")[0]?.on;
}

/** The date of the first admission (for the 7 years of 240A(a)(2)), if the record shows one. */
function admissionDate(person: PersonFacts, events: readonly CaseEvent[]): string | undefined {
  const admitted = eventsOf(events, "entry").find((e) => e.manner === "admitted");
  if (admitted) return admitted.on;
  return person.entry?.manner === "admitted" ? person.entry.on : undefined;
}

function firstCompliantNta(events: readonly CaseEvent[]): NtaEvent | undefined {
  return eventsOf(events, "nta.served").find(isCompliantNta);
}

/** NTA-02 DEADLINE: continuous presence keeps accruing until a compliant NTA stops it. */
function presenceDeadlines(person: PersonFacts, events: readonly CaseEvent[], ruleId: string): Deadline[] {
  const stoppedOn = firstCompliantNta(events)?.on;
  const out: Deadline[] = [];
  const start = presenceStart(person, events);
  if (start) {
    const due = addYears(start, 10);
    if (!stoppedOn || stoppedOn >= due) {
      out.push({
        kind: "continuous_presence.10yr",
        due,
        rule: ruleId,
        note: "unless an offence under 240A(d)(1)(B) stopped the clock earlier",
      });
    }
  }
  const admitted = admissionDate(person, events);
  if (admitted) {
    const due = addYears(admitted, 7);
    if (!stoppedOn || stoppedOn >= due) {
      out.push({
        kind: "continuous_presence.7yr",
        due,
        rule: ruleId,
        note: "7 years after admission in any status (240A(a)(2))",
      });
    }
  }
  return out;
}

export const nta02: Rule = {
  id: "NTA-02",
  title: "Stop-time rule",
  citation: "INA 240A(d)(1); Pereira v. Sessions (2018); Niz-Chavez v. Garland (2021)",
  actions: "*",
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const deadlines = presenceDeadlines(history.person, events, this.id);
    if (action.type !== "stop_time.record") return { deadlines };
    const date = typeof action.date === "string" ? action.date : action.on;
    const nta = eventsOf(events, "nta.served").find((e) => e.on === date);
    const findings: Finding[] = [];
    if (nta) {
      const missing = missingTimeAndPlace(nta.hearing);
      if (missing.length === 0) {
        findings.push(
          finding(
            this,
            "ALLOW",
            `The NTA served on ${date} states the time and place of the hearing, so its service stops continuous presence.`,
            [describeEvent(nta)],
          ),
        );
      } else {
        const later = eventsOf(events, "hearing.notice").filter((n) => n.on >= date);
        findings.push(
          finding(
            this,
            "BLOCK",
            `The NTA served on ${date} lacked the hearing ${missing.join(", ")}, so it is not a notice to appear under 1229(a) and cannot stop continuous presence${later.length ? `; the later hearing notice of ${later[0].on} does not cure it (Niz-Chavez)` : ""}.`,
            [describeEvent(nta), ...later.map(describeEvent)],
            "service of a single NTA that states the date, time and place of the hearing",
          ),
        );
      }
      return { findings, deadlines };
    }
    const offence = events.find(
      (e) => (e.type === "conviction" || e.type === "charge.filed") && e.on === date,
    );
    findings.push(
      finding(
        this,
        "REVIEW",
        offence
          ? `No NTA was served on ${date}; the date matches ${offence.type} ${offence.on}, but the 240A(d)(1)(B) trigger is the date the offence was committed, which the record does not show.`
          : `No NTA served on ${date} and no offence on that date is on record, so nothing shows the clock stopped then.`,
        offence ? [describeEvent(offence)] : [],
        "a compliant NTA served on that date, or the documented date the offence was committed",
      ),
    );
    return { findings, deadlines };
  },
};
