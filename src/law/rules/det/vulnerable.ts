/**
 * DET-08: vulnerable detainees [POLICY]. Pregnancy, postpartum or nursing
 * status (ICE Directive 11032.4), serious medical conditions and indicators
 * of incompetency (Matter of M-A-M-) are configurable REVIEW triggers for any
 * action that detains, moves or removes the person.
 *
 * Switch `vulnerableDetainees` (src/law/policy.ts): "review" (default) or "warn".
 */
import { boolField, textField } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { removalActions } from "../../facts/removal.js";
import { policy } from "../../policy.js";
import type { Rule } from "../../types.js";

export const det08: Rule = {
  id: "DET-08",
  title: "Vulnerable detainees",
  citation:
    "ICE Directive 11032.4 (2021) [VERIFY]; PBNDS/NDS medical standards; Matter of M-A-M-, 25 I&N Dec. 474 (BIA 2011)",
  actions: ["detention.continue", "arrest.make", "transfer", "bond.refuse_jurisdiction", ...removalActions],
  evaluate({ history, config, asOf }) {
    const p = history.person as Record<string, unknown>;
    const triggers: string[] = [];
    const weeks = history.person.pregnantWeeks;
    if (weeks !== undefined && weeks > 0) triggers.push(`pregnant (${weeks} weeks)`);
    if (boolField(p, "postpartum")) triggers.push("postpartum");
    if (boolField(p, "nursing")) triggers.push("nursing");
    const medical =
      textField(p, "seriousMedicalCondition", "medicalCondition") ??
      (boolField(p, "seriousMedicalCondition") ? "yes" : undefined);
    if (medical) triggers.push(`serious medical condition (${medical})`);
    if (history.person.competencyConcerns) triggers.push("indicators of incompetency");
    if (!triggers.length) return null;
    const outcome = policy(config, "vulnerableDetainees", asOf) === "warn" ? "WARN" : "REVIEW";
    return {
      findings: [
        finding(
          this,
          outcome,
          `the record shows ${triggers.join(", ")}; detention, transfer or removal needs the vulnerable-detainee safeguards (FOD approval and regular re-evaluation for pregnancy; medical care en route; M-A-M- safeguards).`,
          triggers.map((t) => `person: ${t}`),
          "a field office director's written approval recording the legal requirement or exceptional circumstances",
        ),
      ],
    };
  },
};
