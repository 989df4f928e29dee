/** CIT-* rules of docs/law/RULES.md: U.S. citizenship claims and indicators. */
import { citizenshipPicture } from "../facts/citizenship.js";
import { describeEvent, eventsOf, knownEvents, removalActions, ruleFinding } from "../facts/removal.js";
import type { Finding, Rule } from "../types.js";

/** Civil enforcement steps that may never be taken against a U.S. citizen or national. */
const enforcementActions = [
  ...removalActions,
  "arrest.make",
  "detainer.issue",
  "nta.serve",
  "warrant.issue",
  "detention.continue",
  "return.voluntary",
] as const;

const cit01Ref = { id: "CIT-01", citation: "INA 101(a)(3); ICE Directive 16001.2 (2015); INA 240(c)(3)(A)" };
const cit01: Rule = {
  ...cit01Ref,
  title: "No civil immigration enforcement against a U.S. citizen; investigate every claim or indicator",
  actions: enforcementActions,
  evaluate({ history, asOf }) {
    const pic = citizenshipPicture(history, asOf);
    const { claim, determination, direct, derivation } = pic;
    const facts = [...(claim ? [describeEvent(claim)] : []), ...direct, ...derivation.facts];
    if (determination) facts.push(describeEvent(determination));
    const one = (f: Finding) => ({ findings: [f] });
    if (determination?.result === "usc") {
      return one(
        ruleFinding(
          cit01Ref,
          "BLOCK",
          `OPLA determined on ${determination.on} that the person is a U.S. citizen: no civil immigration arrest, detention, charge or removal; release.`,
          {
            facts,
            remedy:
              "None by this agency: a U.S. citizen is not removable. Only a later determination on new evidence could change it.",
          },
        ),
      );
    }
    if (!claim && !direct.length && derivation.level === "none") return null;
    if (determination?.result === "not_usc") {
      return one(
        ruleFinding(
          cit01Ref,
          "ALLOW",
          `The citizenship claim was investigated; OPLA determined on ${determination.on} that the person is not a U.S. citizen.`,
          { facts },
        ),
      );
    }
    const remedy =
      "An OPLA determination (citizenship.determined) after investigation of the claim and indicators.";
    if (direct.length) {
      return one(
        ruleFinding(
          cit01Ref,
          "BLOCK",
          `The record indicates U.S. citizenship (${direct.join("; ")}): no arrest, NTA or removal; release unless OPLA determines otherwise.`,
          { facts, remedy },
        ),
      );
    }
    if (claim?.evidence === "probative") {
      return one(
        ruleFinding(
          cit01Ref,
          "BLOCK",
          `Citizenship claim of ${claim.on} (${claim.basis}) is supported by probative evidence: enforcement is barred until OPLA clears it.`,
          { facts, remedy },
        ),
      );
    }
    if (derivation.level === "pattern") {
      return one(
        ruleFinding(
          cit01Ref,
          "BLOCK",
          `The record shows a derivation/acquisition pattern (${derivation.reasons.join("; ")}), which counts as probative evidence of citizenship (CIT-02): enforcement is barred until OPLA clears it.`,
          { facts, remedy },
        ),
      );
    }
    const what = claim
      ? `Citizenship claim of ${claim.on} (${claim.basis}) without probative evidence`
      : `Citizenship indicator (${derivation.reasons.join("; ")})`;
    return one(
      ruleFinding(
        cit01Ref,
        "REVIEW",
        `${what}: document the investigation and consult OPLA (Directive 16001.2) before proceeding; report to the Field Office Director.`,
        { facts, remedy },
      ),
    );
  },
};

const cit02Ref = {
  id: "CIT-02",
  citation:
    "INA 320 (Child Citizenship Act, Pub. L. 106-395); former INA 321; INA 301, 309; Sessions v. Morales-Santana, 582 U.S. 47 (2017)",
};
const cit02: Rule = {
  ...cit02Ref,
  title: "Indicators of derivation or acquisition (screening helper)",
  actions: enforcementActions,
  evaluate({ history, asOf }) {
    const pic = citizenshipPicture(history, asOf);
    const { derivation, claim, determination } = pic;
    const derivedClaim = claim && (claim.basis === "derived" || claim.basis === "acquired");
    if (derivation.level === "none" && !derivedClaim) return null;
    const facts = [...(claim ? [describeEvent(claim)] : []), ...derivation.facts];
    if (determination) {
      facts.push(describeEvent(determination));
      const outcome = determination.result === "usc" ? "BLOCK" : "ALLOW";
      return {
        findings: [
          ruleFinding(
            cit02Ref,
            outcome,
            `OPLA determined on ${determination.on}: ${determination.result === "usc" ? "U.S. citizen" : "not a U.S. citizen"}.`,
            { facts, remedy: "None: a U.S. citizen is not removable." },
          ),
        ],
      };
    }
    const remedy =
      "OPLA referral and a citizenship.determined record (not_usc) after checking the parents' naturalization, custody and LPR dates.";
    if (derivation.level === "pattern") {
      return {
        findings: [
          ruleFinding(
            cit02Ref,
            "BLOCK",
            `Potential citizenship: ${derivation.reasons.join("; ")}. Treated as probative evidence; refer to OPLA before any enforcement.`,
            { facts, remedy },
          ),
        ],
      };
    }
    const why = derivation.reasons.length
      ? derivation.reasons.join("; ")
      : `a ${claim?.basis} citizenship claim with no parent naturalization, custody or LPR data on record`;
    return {
      findings: [
        ruleFinding(
          cit02Ref,
          "REVIEW",
          `Possible derivation or acquisition, pattern incomplete: ${why}. Collect the missing facts and consult OPLA.`,
          { facts, remedy },
        ),
      ],
    };
  },
};

const cit03Ref = { id: "CIT-03", citation: "INA 242(b)(5)" };
const cit03: Rule = {
  ...cit03Ref,
  title: "Nationality claims in litigation",
  actions: removalActions,
  evaluate({ history, asOf }) {
    const events = knownEvents(history, asOf);
    const pfrs = eventsOf(events, "pfr.filed");
    const pfr = pfrs.at(-1);
    if (!pfr) return null;
    const decided = eventsOf(events, "appeal.decided").some((d) => d.forum === "circuit" && d.on >= pfr.on);
    if (decided) return null;
    const nationality =
      (pfr as Record<string, unknown>).nationalityClaim === true ||
      eventsOf(events, "citizenship.claimed").length > 0;
    if (!nationality) return null;
    return {
      findings: [
        ruleFinding(
          cit03Ref,
          "REVIEW",
          `A petition for review filed ${pfr.on} (circuit ${pfr.circuit}) is pending and a nationality claim is on record: the court decides it or transfers it to district court (242(b)(5)). OPLA must review before any removal step.`,
          {
            facts: [describeEvent(pfr)],
            remedy: "The court of appeals' decision on the petition, or OPLA's written clearance.",
          },
        ),
      ],
    };
  },
};

export const citRules: Rule[] = [cit01, cit02, cit03];
