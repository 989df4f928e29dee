/**
 * LOC-* rules of docs/law/RULES.md: protected areas (LOC-01, [POLICY]
 * switch `protectedAreas`) and constitutional limits on entering non-public
 * areas (LOC-02, which shares ARR-05's home-entry outcome).
 *
 * Without a configured `protectedAreas`, the policy in force on the action's
 * date applies: the Oct. 27, 2021 Mayorkas memo from 2021-10-27 until its
 * rescission on 2025-01-20, the 2025 "common sense" standard after.
 * Party- or location-specific injunctions: `action.injunction: true`, or the
 * switch `protectedAreaInjunctions` listing location types (comma-separated).
 */
import { boolField, textField } from "../facts/custody.js";
import { finding } from "../facts/finding.js";
import { policy, policyValue } from "../policy.js";
import type { LawConfig, Rule } from "../types.js";
import { homeEntryFinding } from "./arr/arrest.js";

const protectedAreas: Record<string, string> = {
  school: "a school",
  hospital: "a health-care facility",
  place_of_worship: "a place of worship",
  shelter: "a shelter (social services)",
  courthouse: "a courthouse",
  family_court: "a family court",
};

function protectedAreaPolicy(config: LawConfig, asOf: string): "2021" | "2025" {
  if (config.policy?.protectedAreas !== undefined) return policy(config, "protectedAreas", asOf);
  return asOf >= "2021-10-27" && asOf < "2025-01-20" ? "2021" : "2025";
}

export const loc01: Rule = {
  id: "LOC-01",
  title: "Protected-areas policy",
  citation:
    "DHS Guidelines for Enforcement Actions in or Near Protected Areas (Oct. 27, 2021), rescinded Jan. 20, 2025; ICE memo of Jan. 31, 2025 [POLICY]",
  actions: ["arrest.make"],
  evaluate({ action, config, asOf }) {
    const location = textField(action, "location");
    const place = location ? protectedAreas[location] : undefined;
    if (!location || !place) return null;
    const injunctions = String(policyValue(config, "protectedAreaInjunctions", "", asOf))
      .split(",")
      .map((s) => s.trim());
    if (boolField(action, "injunction") === true || injunctions.includes(location)) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `an injunction covers enforcement at ${place} for this location or party.`,
            [],
            "the injunction lifted or a location it does not cover",
          ),
        ],
      };
    }
    const setting = protectedAreaPolicy(config, asOf);
    if (setting === "2025") {
      return {
        findings: [
          finding(
            this,
            "WARN",
            `the planned arrest is at ${place}; the 2021 protected-areas memo was rescinded on 2025-01-20, so the current standard is discretion ("common sense"): add a supervisor note.`,
          ),
        ],
      };
    }
    const approved = boolField(action, "priorApproval", "approved", "supervisorApproved") === true;
    const exigency =
      textField(action, "exigency", "exigentCircumstances") ??
      (boolField(action, "exigent") ? "recorded" : undefined);
    if (approved || exigency) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `enforcement at ${place} under the 2021 protected-areas guidelines ${approved ? "has prior approval recorded" : `rests on exigent circumstances (${exigency})`}; a supervisor must confirm it.`,
            [],
            "confirmation of the approval or exigency",
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          "BLOCK",
          `enforcement at ${place} under the 2021 protected-areas guidelines needs prior approval, absent exigent circumstances, and none is recorded.`,
          [],
          "prior headquarters approval, or documented exigent circumstances",
        ),
      ],
    };
  },
};

export const loc02: Rule = {
  id: "LOC-02",
  title: "Constitutional limits on entering non-public areas",
  citation: "U.S. Const. amend. IV; Payton v. New York, 445 U.S. 573 (1980)",
  actions: ["arrest.make"],
  evaluate({ action, config, asOf }) {
    const entry = homeEntryFinding(this, action, config, asOf);
    if (entry) return { findings: [entry] };
    if (action.location !== "residence") return null;
    return {
      findings: [
        finding(
          this,
          "ALLOW",
          "no entry into the home is planned; an administrative warrant (I-200/I-205) does not authorise non-consensual entry, so the arrest must be made outside or with consent.",
        ),
      ],
    };
  },
};

export const locRules: Rule[] = [loc01, loc02];
