/**
 * NTA-06 (oral notice in a language understood; 287.3(c) advisals), NTA-07
 * (EOIR-33 address duty) and NTA-08 (who may sign an NTA or a warrant).
 */
import { addBusinessDays } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import { allowedRoles } from "../../facts/issuing-roles.js";
import { describeEvent, eventsOf, knownEvents, lastOf } from "../../facts/removal.js";
import type { Deadline, Finding, Rule } from "../../types.js";

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export const nta06: Rule = {
  id: "NTA-06",
  title: "Language and oral-notice requirements; rights advisals",
  citation: "INA 240(b)(7), 240(b)(4)(A), 292; 8 CFR 287.3(c); 8 CFR 236.1(e)",
  actions: ["nta.serve"],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const findings: Finding[] = [];
    const arrest = lastOf(events, "arrest");
    if (arrest?.basis === "warrantless") {
      const a = arrest as Record<string, unknown>;
      const advised =
        a.advisalsGiven === true || action.advisalsGiven === true || action.legalServicesList === true;
      findings.push(
        advised
          ? finding(
              this,
              "ALLOW",
              `After the warrantless arrest of ${arrest.on}, the 287.3(c) advisals (reasons, right to counsel, free legal services list) are recorded.`,
              [describeEvent(arrest)],
            )
          : finding(
              this,
              "BLOCK",
              `The person was arrested without a warrant on ${arrest.on}; no record shows they were told the reasons for arrest and their right to counsel and given the list of free legal services (8 CFR 287.3(c)).`,
              [describeEvent(arrest)],
              "a record of the 287.3(c) advisals and the free legal services list (noted on the I-862)",
            ),
      );
    }
    const languages = history.person.languages;
    const interpreter = eventsOf(events, "interpreter.recorded").filter((e) => e.on === action.on);
    const oral = str(action.language) ?? str(action.oralNoticeLanguage) ?? interpreter[0]?.language;
    if (oral) {
      const understood = languages?.includes(oral);
      findings.push(
        understood
          ? finding(
              this,
              "ALLOW",
              `Oral notice of the hearing and of the consequences of not appearing is recorded in ${oral}, a language the person understands.`,
            )
          : finding(
              this,
              "WARN",
              `Oral notice is recorded in ${oral}, which is not among the languages the person is known to understand (${languages?.join(", ") ?? "none recorded"}); the 10-year bar of 240(b)(7) could not later be applied.`,
            ),
      );
    } else if (languages?.length && !languages.includes("en")) {
      findings.push(
        finding(
          this,
          "WARN",
          `No record of oral notice in ${languages.join(" or ")} (the person's languages); without it the 10-year bar of 240(b)(7) cannot later be applied.`,
        ),
      );
    }
    return findings.length ? { findings } : null;
  },
};

export const nta07: Rule = {
  id: "NTA-07",
  title: "Address obligations (EOIR-33)",
  citation: "INA 239(a)(1)(F); 8 CFR 1003.15(d)(2); 8 CFR 1003.38(e)",
  actions: "*",
  evaluate({ history, action, asOf, config }) {
    const events = knownEvents(history, asOf);
    const deadlines: Deadline[] = [];
    const findings: Finding[] = [];
    for (const moved of eventsOf(events, "address.changed")) {
      const due = addBusinessDays(moved.on, 5, config.closures);
      deadlines.push({
        kind: "address.eoir33_due",
        due,
        rule: this.id,
        note: `EOIR-33 for the move of ${moved.on}`,
      });
      if (action.type !== "in_absentia.request") continue;
      const report = events.find((e) => e.type === "address.reported" && e.on >= moved.on);
      findings.push(
        finding(
          this,
          "ALLOW",
          report
            ? `The person moved on ${moved.on} and reported it on ${report.on}${report.on > due ? `, after the ${due} due date` : ""}; notices must go to that address.`
            : `The person moved on ${moved.on} and filed no EOIR-33 (due ${due}); the last address provided remains the address for notice.`,
          [describeEvent(moved)],
        ),
      );
    }
    return { findings, deadlines };
  },
};

const signedForms: Record<string, string> = {
  "nta.serve": "I-862",
  "nta.issue": "I-862",
  "nta.file": "I-862",
};

export const nta08: Rule = {
  id: "NTA-08",
  title: "Issuing authority",
  citation: "8 CFR 239.1(a); 8 CFR 287.5(e)(2); 8 CFR 241.2(a)",
  actions: ["nta.serve", "nta.issue", "nta.file", "warrant.issue"],
  evaluate({ action, config }) {
    const role = str(action.signerRole) ?? str(action.issuerRole);
    if (!role) return null;
    const form = signedForms[action.type] ?? str(action.form);
    if (!form) return null;
    const roles = allowedRoles(config, form);
    if (!roles) return null;
    if (roles.includes(role)) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `The ${form} is signed by a ${role.replaceAll("_", " ")}, an officer authorised to issue it.`,
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "BLOCK",
          `The ${form} is signed by a ${role.replaceAll("_", " ")}, a role not authorised to issue it.`,
          [],
          `a signature by an authorised officer (${roles.slice(0, 4).join(", ")} ...)`,
        ),
      ],
    };
  },
};
