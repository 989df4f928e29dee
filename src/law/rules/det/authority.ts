/**
 * DET-01 (a recorded statutory authority; the 235(b)(2)(A) dispute for
 * interior-arrested EWIs, U2), DET-02 (236(a): I-286 and IJ bond
 * redetermination) and DET-03 (236(c), including the Laken Riley Act, U7).
 */
import { addDays, addMonths } from "../../calendar/calendar.js";
import {
  boolField,
  type CustodyEpisode,
  currentCustody,
  isUnaccompaniedChild,
  textField,
} from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { knownEvents } from "../../facts/removal.js";
import { policy } from "../../policy.js";
import type { Deadline, Finding, History, Rule } from "../../types.js";

/** Actions that continue or shape a detention. */
export const detentionActions = ["detention.continue", "bond.refuse_jurisdiction", "transfer"];

const interiorLocations = new Set([
  "residence",
  "courthouse",
  "family_court",
  "school",
  "place_of_worship",
  "hospital",
  "shelter",
  "street",
  "traffic_stop",
  "jail",
]);

/** Manner of the last entry: the latest entry event, else person.entry. */
export function entryManner(history: History, asOf: string): "ewi" | "admitted" | "parole" | undefined {
  const entries = knownEvents(history, asOf).filter((e) => e.type === "entry");
  const last = entries[entries.length - 1];
  if (last && last.type === "entry") return last.manner;
  return history.person.entry?.manner;
}

/**
 * Arrested in the interior: an arrest in the episode away from a port of
 * entry, or documented presence for more than 14 days before the book-in
 * (the DHS border-proximity marker). Unknown means not shown.
 */
function interiorArrest(history: History, ep: CustodyEpisode): boolean {
  if (ep.arrests.some((a) => interiorLocations.has(a.location))) return true;
  const since = history.person.usPresenceSince ?? history.person.entry?.on;
  return since !== undefined && addDays(since, 14) < ep.start;
}

const authorityWords: Record<string, string> = {
  "235b": "INA 235(b)",
  "236a": "INA 236(a)",
  "236c": "INA 236(c)",
  "241a": "INA 241(a)",
  "287": "INA 287 (arrest custody)",
};

export const det01: Rule = {
  id: "DET-01",
  title: "Every detention needs a recorded statutory authority",
  citation:
    "INA 235(b), 236(a), 236(c), 241(a); Matter of Yajure Hurtado, 29 I&N Dec. 216 (BIA 2025); Buenrostro-Mendez v. Bondi (5th Cir. 2026); Maldonado Bautista v. Santacruz (C.D. Cal. 2025)",
  actions: detentionActions,
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    // Unaccompanied children are in HHS custody, not ICE detention (MIN-04 governs).
    if (isUnaccompaniedChild(history.person, events, asOf)) return null;
    const ep = currentCustody(events);
    const refuseBond = action.type === "bond.refuse_jurisdiction";
    const outcomeIfWrong = refuseBond ? "BLOCK" : "REVIEW";
    if (!ep?.authority) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            ep
              ? `the person has been in custody since ${ep.start} with no statutory detention authority recorded.`
              : "no custody booking with a statutory detention authority is recorded for this detention.",
            ep ? [`${ep.startEvent.type} ${ep.start}`] : [],
            "a custody booking recording the authority (235(b), 236(a), 236(c), 241(a)) under which the person is held",
          ),
        ],
      };
    }
    const facts = [`custody.booked ${ep.authorityOn} (${ep.authority})`];
    if (ep.authority !== "235b") {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `detention under ${authorityWords[ep.authority]} is recorded (${ep.authorityOn}).`,
            facts,
          ),
        ],
      };
    }
    const manner = entryManner(history, asOf);
    if (manner) facts.push(`entry (${manner})`);
    if (manner === "admitted") {
      return {
        findings: [
          finding(
            this,
            outcomeIfWrong,
            `235(b)(2)(A) is recorded, but the person was admitted; an admitted person is not an applicant for admission, so 236(a) governs (even under Yajure Hurtado) and an IJ may redetermine custody.`,
            facts,
            "a custody booking under 236(a), with the I-286 and access to an IJ bond hearing",
          ),
        ],
      };
    }
    if (manner === "parole" || !interiorArrest(history, ep)) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `detention under INA 235(b) of a person ${manner === "parole" ? "paroled (an applicant for admission)" : "not shown to have been arrested in the interior"} is recorded (${ep.authorityOn}).`,
            facts,
          ),
        ],
      };
    }
    if (manner === undefined) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "235(b)(2)(A) is recorded for a person arrested in the interior whose manner of entry is not recorded; whether 236(a) applies cannot be decided.",
            facts,
            "the manner of entry (admitted, paroled or without inspection)",
          ),
        ],
      };
    }
    const classes = config.classes ?? [];
    if (classes.includes("maldonado_bautista")) {
      return {
        findings: [
          finding(
            this,
            outcomeIfWrong,
            "the person entered without inspection, was arrested in the interior and is a Maldonado Bautista class member: the class judgment (Dec. 18, 2025) holds them under 236(a) with a right to a bond hearing.",
            [...facts, "class: maldonado_bautista"],
            "a custody booking under 236(a) and a bond hearing before an IJ",
          ),
        ],
      };
    }
    if (config.circuit === "5") {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            "[UNSETTLED, 5th Circuit] the person entered without inspection and was arrested in the interior; Buenrostro-Mendez v. Bondi (Feb. 6, 2026) upholds detention as an applicant for admission under 235(b)(2)(A), with no IJ bond jurisdiction.",
            [...facts, "circuit 5"],
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "REVIEW",
          `[UNSETTLED] 235(b)(2)(A) is asserted for a person who entered without inspection and was arrested in the interior; outside the 5th Circuit and the Maldonado Bautista class the authority is contested (U2).`,
          [...facts, `circuit ${config.circuit ?? "not recorded"}`],
          "legal sign-off on the detention authority, or a custody booking under 236(a)",
        ),
      ],
    };
  },
};

export const det02: Rule = {
  id: "DET-02",
  title: "Discretionary detention (INA 236(a)) and custody redetermination",
  citation: "INA 236(a); 8 CFR 236.1(d), 1236.1(d), 1003.19",
  actions: ["detention.continue", "bond.refuse_jurisdiction"],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const ep = currentCustody(events);
    if (!ep?.authority) return null;
    const admittedUnder235 = ep.authority === "235b" && entryManner(history, asOf) === "admitted";
    if (ep.authority !== "236a" && !admittedUnder235) return null;
    const facts = [`custody.booked ${ep.authorityOn} (${ep.authority})`];
    const why = admittedUnder235
      ? "the person was admitted, so 236(a) governs"
      : "the person is held under 236(a)";
    if (action.type === "bond.refuse_jurisdiction") {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `${why}; an IJ has jurisdiction to redetermine custody and the bond request must go forward.`,
            facts,
            "a lawful detention authority without bond jurisdiction (e.g. 236(c) with its triggering document)",
          ),
        ],
      };
    }
    const findings: Finding[] = [];
    const i286 = events.filter((e) => e.type === "custody.determination" && e.on >= ep.start);
    const last = i286[i286.length - 1];
    if (!last) {
      // RULES.md blocks a workflow that skips I-286 service; a record that simply lacks it is not that.
      const skipped = boolField(action, "i286Served") === false;
      findings.push(
        skipped
          ? finding(
              this,
              "BLOCK",
              `${why}; continuing detention without serving the custody determination (I-286) with notice of the right to IJ review is not allowed.`,
              facts,
              "service of the I-286 custody determination",
            )
          : finding(
              this,
              "ALLOW",
              `${why}; no custody determination (I-286) is recorded since the book-in on ${ep.start}: it must be served with notice of the right to IJ review.`,
              facts,
            ),
      );
    } else {
      facts.push(
        `custody.determination ${last.on} (${last.type === "custody.determination" ? last.decision : ""})`,
      );
      const bond = last.type === "custody.determination" ? last.bond : undefined;
      findings.push(
        bond !== undefined && bond < 1500
          ? finding(
              this,
              "WARN",
              `the bond of $${bond} set on ${last.on} is below the $1,500 statutory minimum of 236(a)(2)(A).`,
              facts,
            )
          : finding(
              this,
              "ALLOW",
              `${why}; the custody determination (I-286) of ${last.on} is recorded.`,
              facts,
            ),
      );
    }
    return { findings };
  },
};

const lakenRiley =
  /burglar|theft|larcen|shoplift|assault.*(officer|law_enforcement|police)|death|serious_bodily/i;

export const det03: Rule = {
  id: "DET-03",
  title: "Mandatory detention (INA 236(c)), including the Laken Riley Act",
  citation:
    "INA 236(c) (as amended by Pub. L. 119-1); Matter of Joseph, 22 I&N Dec. 799 (BIA 1999); Jennings v. Rodriguez, 583 U.S. 281 (2018)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const ep = currentCustody(events);
    if (!ep?.authority || (ep.authority !== "236c" && ep.authority !== "235b")) return null;
    // Prolonged mandatory detention: 6- and 12-month alerts from the start of detention (U7).
    const deadlines: Deadline[] = [
      {
        kind: "prolonged_detention.month6",
        due: addMonths(ep.start, 6),
        rule: this.id,
        note: "prolonged-detention review",
      },
      {
        kind: "prolonged_detention.month12",
        due: addMonths(ep.start, 12),
        rule: this.id,
        note: "prolonged-detention review",
      },
    ];
    if (ep.authority !== "236c" || !detentionActions.includes(action.type)) return { deadlines };
    const facts = [`custody.booked ${ep.authorityOn} (236c)`];
    const convictions = events.filter((e) => e.type === "conviction");
    if (convictions.length) {
      const c = convictions[convictions.length - 1];
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `236(c) detention rests on the conviction recorded on ${c.on}${c.type === "conviction" ? ` (${c.category})` : ""}.`,
            [...facts, `conviction ${c.on}`],
          ),
        ],
      };
    }
    const charges = events.filter((e) => e.type === "charge.filed" && lakenRiley.test(e.category));
    const admission = textField(action, "admission", "admittedActs");
    if (!charges.length && !admission) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "BLOCK",
            "236(c) is recorded, but no triggering document is on file: no conviction and no Laken Riley Act charge, arrest or admission (burglary, theft, larceny, shoplifting, assault of an officer, or a crime causing death or serious bodily injury).",
            facts,
            "the triggering document (conviction, charge, arrest report or admission), or a different detention authority",
          ),
        ],
      };
    }
    if (entryManner(history, asOf) === "admitted") {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "REVIEW",
            "236(c)(1)(E) reaches only persons inadmissible under 212(a)(6)(A), (6)(C) or (7), but the record shows an admission.",
            facts,
            "the 212(a) ground relied on, or a conviction under 236(c)(1)(A)-(D)",
          ),
        ],
      };
    }
    const open = charges.filter(
      (c) =>
        c.type === "charge.filed" &&
        !events.some((d) => d.type === "charge.dismissed" && d.category === c.category && d.on >= c.on),
    );
    const chargeFacts = charges.map(
      (c) => `charge.filed ${c.on} (${c.type === "charge.filed" ? c.category : ""})`,
    );
    if (open.length || admission) {
      return {
        deadlines,
        findings: [
          finding(
            this,
            "ALLOW",
            `236(c)(1)(E) (Laken Riley Act) detention rests on ${open.length ? `the pending charge of ${open[0].on}` : "the recorded admission"}.`,
            [...facts, ...chargeFacts],
          ),
        ],
      };
    }
    const dismissed = events
      .filter((e) => e.type === "charge.dismissed")
      .map((e) => `charge.dismissed ${e.on}`);
    const setting = policy(config, "lakenRileyAfterDismissal", asOf);
    const base = `[UNSETTLED] the only Laken Riley Act basis is an arrest or charge that was later dismissed; the text covers "arrested for", but its application after a dismissal is contested (U7).`;
    if (setting === "mandatory") {
      return {
        deadlines,
        findings: [
          finding(this, "ALLOW", `${base} Configured: mandatory detention continues.`, [
            ...facts,
            ...chargeFacts,
            ...dismissed,
          ]),
        ],
      };
    }
    return {
      deadlines,
      findings: [
        finding(
          this,
          setting === "release" ? "BLOCK" : "REVIEW",
          setting === "release" ? `${base} Configured: the dismissal ends 236(c) detention.` : base,
          [...facts, ...chargeFacts, ...dismissed],
          "legal sign-off on 236(c)(1)(E) after the dismissal, or a custody redetermination under 236(a)",
        ),
      ],
    };
  },
};
