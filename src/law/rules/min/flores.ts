/**
 * MIN-01 (Flores placement and holding limits), MIN-02 (the family
 * residential centre 20-day benchmark) and MIN-03 (UAC status and age).
 */
import type { CaseEvent } from "../../../domain/events.js";
import { addDays, addHours, compareStamps, daysBetween, localStamp } from "../../calendar/calendar.js";
import {
  actionStamp,
  ageText,
  boolField,
  type CustodyEpisode,
  currentCustody,
  type FacilityKind,
  facilityHistory,
  facilityWords,
  isUnaccompaniedChild,
  minorityOn,
  textField,
  uacDetermination,
  zoneOf,
} from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { knownEvents, removalActions } from "../../facts/removal.js";
import type { Action, Deadline, History, Rule } from "../../types.js";

/** A minor in the record: under 18 by birth date, or an unaccompanied child whose age is not shown to be 18+. */
export function isMinor(history: History, events: readonly CaseEvent[], on: string): boolean {
  const m = minorityOn(history.person.birthDate, on);
  return m === "minor" || (m === "unknown" && isUnaccompaniedChild(history.person, events, on));
}

function targetFacility(action: Action): FacilityKind | undefined {
  const to = action.toFacility as { kind?: FacilityKind } | undefined;
  return to?.kind;
}

/** Where a UAC with no booking is held: CBP custody from the determination (or the encounter). */
function uacHoldingSince(events: readonly CaseEvent[]): string | undefined {
  const det = uacDetermination(events);
  return det ? localStamp(det.on, det.at) : undefined;
}

export const min01: Rule = {
  id: "MIN-01",
  title: "The Flores Settlement Agreement applies to all minors in immigration custody",
  citation:
    "Flores v. Reno Settlement Agreement ¶¶12A, 14, 18, 19, 21 (1997); Flores v. Lynch, 828 F.3d 898 (9th Cir. 2016)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isMinor(history, events, asOf)) return null;
    const ep = currentCustody(events);
    const tz = zoneOf(config);
    const age = ageText(history.person.birthDate, asOf);
    const facility = ep?.facility;
    // CBP holding limit (TEDS: 72 hours) [POLICY][VERIFY], from entry into CBP holding.
    const deadlines: Deadline[] = [];
    let holdingSince: string | undefined;
    if (ep && (facility === "cbp_holding" || facility === "hold_room")) {
      const hist = facilityHistory(events, ep);
      holdingSince =
        hist.find((h) => h.kind === "cbp_holding" || h.kind === "hold_room")?.stamp ?? ep.startStamp;
    } else if (!ep && isUnaccompaniedChild(history.person, events, asOf)) {
      holdingSince = uacHoldingSince(events);
    }
    const limit = holdingSince ? addHours(holdingSince, 72, tz) : undefined;
    if (limit)
      deadlines.push({
        kind: "flores.cbp_holding_limit",
        due: limit,
        rule: this.id,
        note: "CBP TEDS 72 hours",
      });

    if (action.type === "transfer") {
      const to = targetFacility(action);
      if (to === "adult") {
        const basis = textField(action, "paragraph21", "secureCriteria");
        return {
          deadlines,
          findings: [
            finding(
              this,
              basis ? "REVIEW" : "BLOCK",
              `the person is a minor (age ${age}); transfer to ${facilityWords(to)} ${basis ? `rests on ¶21 criteria (${basis}) that a supervisor must confirm` : "requires the ¶21 criteria for secure placement, and none is recorded"}.`,
              [],
              "a documented ¶21 basis for secure placement, or a licensed non-secure placement",
            ),
          ],
        };
      }
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `the person is a minor (age ${age}); transfer to ${facilityWords(to)} is not a secure or adult placement.`,
          ),
        ],
      };
    }
    if (action.type !== "detention.continue") return { deadlines };
    if (facility === "adult") {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "BLOCK",
            `the person is a minor (age ${age}) held in ${facilityWords(facility)} since ${ep?.facilityOn}; Flores ¶19/¶21 bar adult or secure placement without ¶21 criteria.`,
            [`custody.booked ${ep?.facilityOn} (adult)`],
            "release (¶14) or placement in a licensed non-secure programme; or documented ¶21 criteria",
          ),
        ],
      };
    }
    if (limit) {
      const past = compareStamps(actionStamp(action), limit, tz) > 0;
      return {
        deadlines,
        findings: [
          past
            ? finding(
                this,
                "REVIEW",
                `the minor (age ${age}) has been in CBP holding since ${holdingSince}, past the 72-hour limit (${limit}).`,
                [],
                "release or transfer to a licensed placement, with documented ¶18 efforts",
              )
            : finding(
                this,
                "ALLOW",
                `the minor (age ${age}) is in CBP holding since ${holdingSince}; the 72-hour limit falls at ${limit}.`,
              ),
        ],
      };
    }
    if (!ep) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "REVIEW",
            `the person is a minor (age ${age}) but no custody booking or facility is recorded.`,
            [],
            "the custody booking and facility",
          ),
        ],
      };
    }
    const note = facility === "family_residential" ? " (the 20-day benchmark of MIN-02 applies)" : "";
    return {
      deadlines,
      findings: [
        finding(
          this,
          "ALLOW",
          `the minor (age ${age}) is in ${facilityWords(facility)}${note}; release efforts under ¶14 and ¶18 must continue.`,
        ),
      ],
    };
  },
};

/** The adjusted Flores day 1 and the days excluded by the Aug. 21, 2015 order. */
function floresCount(events: readonly CaseEvent[], ep: CustodyEpisode) {
  const arrival = facilityHistory(events, ep).find((h) => h.kind === "family_residential");
  if (!arrival) return undefined;
  const facts = [`custody.booked ${arrival.on} (family_residential)`];
  let day1 = arrival.on;
  const fear = events.find((e) => e.type === "fear.claimed" || (e.type === "fear.inquired" && e.expressed));
  if (fear && fear.on > day1) {
    day1 = fear.on;
    facts.push(`${fear.type} ${fear.on} (time before fear was expressed is excluded)`);
  }
  let excluded = 0;
  const screens = events.filter((e) => e.type === "fear.screened");
  for (let i = 0; i < screens.length; i++) {
    const neg = screens[i];
    if (neg.type !== "fear.screened" || neg.result !== "negative") continue;
    const pos = screens.slice(i + 1).find((e) => e.type === "fear.screened" && e.result === "positive");
    if (pos && pos.on > neg.on) {
      excluded += daysBetween(neg.on, pos.on);
      facts.push(`fear.screened ${neg.on} negative → ${pos.on} positive (gap excluded)`);
    }
  }
  return { day1, day20: addDays(day1, 19 + excluded), excluded, facts };
}

export const min02: Rule = {
  id: "MIN-02",
  title: 'Family residential centres: the "20-day" benchmark',
  citation:
    "Flores v. Lynch, order of Aug. 21, 2015 (C.D. Cal.); Flores v. Lynch, 828 F.3d 898 (9th Cir. 2016)",
  actions: "*",
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    if (!isMinor(history, events, asOf)) return null;
    const ep = currentCustody(events);
    if (!ep) return null;
    const count = floresCount(events, ep);
    if (!count) return null;
    const deadlines: Deadline[] = [
      {
        kind: "flores.day20",
        due: count.day20,
        rule: this.id,
        note: `alert from ${addDays(count.day20, -5)}`,
      },
    ];
    const day = daysBetween(count.day1, asOf) + 1 - count.excluded;
    const past = asOf > count.day20;
    if (action.type === "transfer") {
      const to = targetFacility(action);
      if (to === "juvenile_licensed") {
        return {
          deadlines,
          findings: [
            finding(
              this,
              "ALLOW",
              `transfer to a licensed programme ends family-residential detention (day ${day}).`,
              count.facts,
            ),
          ],
        };
      }
      return {
        deadlines,
        findings: [
          past
            ? finding(
                this,
                "BLOCK",
                `day ${day} of family-residential custody (day 20 was ${count.day20}); transferring the child to ${facilityWords(to)}, another unlicensed facility, would reset or evade the 20-day count.`,
                count.facts,
                "release of the child (¶14), or placement in a licensed programme",
              )
            : finding(
                this,
                "WARN",
                `day ${day} of family-residential custody; a transfer to ${facilityWords(to)} does not reset the count (day 20 = ${count.day20}).`,
                count.facts,
              ),
        ],
      };
    }
    if (action.type !== "detention.continue") return { deadlines };
    return {
      deadlines,
      findings: [
        past
          ? finding(
              this,
              "REVIEW",
              `day ${day} of family-residential custody: past the 20-day benchmark (${count.day20}); continued detention needs a written justification and documented ¶18 release efforts. [Partly UNSETTLED: 20 days is an average benchmark.]`,
              count.facts,
              "release of the child, or a written justification with documented ¶18 efforts",
            )
          : finding(
              this,
              "ALLOW",
              `day ${day} of family-residential custody; the 20-day benchmark falls on ${count.day20}.`,
              count.facts,
            ),
      ],
    };
  },
};

const minorActions = [
  "detention.continue",
  "transfer",
  "arrest.make",
  "warrant.issue",
  "return.voluntary",
  "nta.serve",
  ...removalActions,
];

export const min03: Rule = {
  id: "MIN-03",
  title: "Determining unaccompanied-child (UAC) status and age",
  citation: "6 U.S.C. 279(g)(2); 8 U.S.C. 1232(b)(4)",
  actions: minorActions,
  evaluate({ history, asOf }) {
    const events = knownEvents(history, asOf);
    const p = history.person;
    const uac = p.unaccompaniedChild === true || uacDetermination(events) !== undefined;
    const disputed = boolField(p as Record<string, unknown>, "ageDisputed", "ageContested") === true;
    const minority = minorityOn(p.birthDate, asOf);
    const straddles = p.birthDate !== undefined && minority === "unknown";
    if (!uac && !disputed && !(straddles && currentCustody(events))) return null;
    const age = ageText(p.birthDate, asOf);
    const remedy = "an age determination on multiple forms of evidence (not radiographs alone)";
    if (disputed)
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "the person's age is contested; a UAC must not be treated as an adult.",
            [],
            remedy,
          ),
        ],
      };
    if (!p.birthDate && uac) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "the person is treated as an unaccompanied child but no birth date or age evidence is recorded.",
            [],
            remedy,
          ),
        ],
      };
    }
    if (straddles) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `the recorded birth date (${p.birthDate}) leaves the age at ${age}: whether the person is under 18 is not settled.`,
            [],
            remedy,
          ),
        ],
      };
    }
    if (uac && minority === "adult") {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `the person is recorded as an unaccompanied child but the birth date (${p.birthDate}) makes them ${age}.`,
            [],
            "a reconciled age determination (or the age-out procedure)",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          `unaccompanied child aged ${age} on ${asOf} (birth date ${p.birthDate}); treated as a UAC.`,
        ),
      ],
    };
  },
};
