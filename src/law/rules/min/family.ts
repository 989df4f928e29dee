/**
 * MIN-08: family unity and separation (Ms. L. v. ICE settlement; ICE
 * Directive 11064.4 [POLICY], switch `parentRemovalWithoutCare`).
 *
 * The record's `person.children` gives each child's birth date, whether the
 * child is in the U.S. and whether care (or the child's travel with the
 * parent) has been arranged; an absent `careArranged` is unknown. A child in
 * custody with the parent is `inCustody: true`. An accompanied minor whose
 * parent's case is still pending is `person.parentCasePending: true`.
 */
import { boolField, currentCustody, minorityOn } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { failClosedOutcome, isRemoval, knownEvents } from "../../facts/removal.js";
import { policy } from "../../policy.js";
import type { Outcome, Rule } from "../../types.js";
import { isMinor } from "./flores.js";

export const min08: Rule = {
  id: "MIN-08",
  title: "Family unity and separation",
  citation: "Ms. L. v. ICE settlement (S.D. Cal. 2023); ICE Directive 11064.4 (2025)",
  actions: ["removal.schedule", "removal.execute", "manifest.add", "flight.depart", "transfer"],
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const person = history.person as Record<string, unknown>;
    const minorChildren = (history.person.children ?? []).filter(
      (c) => c.inUS !== false && minorityOn(c.birthDate, asOf) !== "adult",
    );
    if (action.type === "transfer") {
      const withChild = minorChildren.some(
        (c) => boolField(c as Record<string, unknown>, "inCustody") === true,
      );
      const ep = currentCustody(events);
      const to = (action.toFacility as { kind?: string } | undefined)?.kind;
      const childLeavesFamily =
        isMinor(history, events, asOf) &&
        ep?.facility === "family_residential" &&
        to !== "family_residential";
      const parentLeavesFamily = withChild && to !== "family_residential";
      if (!childLeavesFamily && !parentLeavesFamily) return null;
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            `the transfer would separate ${childLeavesFamily ? "the child from the parent held with them" : "the parent from a minor child in custody"}; a separation needs a documented ground (Ms. L. settlement; Directive 11064.4).`,
            [],
            "a documented ground for separation, or a placement that keeps the family together",
          ),
        ],
      };
    }
    if (!isRemoval(action.type)) return null;
    const findings = [];
    if (
      isMinor(history, events, asOf) &&
      boolField(person, "parentCasePending") === true &&
      boolField(person, "travelsWithParent") !== true
    ) {
      findings.push(
        finding(
          this,
          "BLOCK",
          "removal of an accompanied minor alone while the parent's case is still pending, with no separation through proper procedure.",
          [],
          "the parent's case concluded, or a lawful separation on a documented ground",
        ),
      );
    }
    if (!minorChildren.length) return findings.length ? { findings } : null;
    const setting = policy(config, "parentRemovalWithoutCare", asOf);
    const described = minorChildren.map(
      (c) =>
        `child born ${c.birthDate ?? "(date unknown)"}${c.usCitizen ? ", U.S. citizen" : ""}, care arranged: ${c.careArranged ?? "not recorded"}`,
    );
    const unarranged = minorChildren.filter((c) => c.careArranged === false);
    const unknown = minorChildren.filter((c) => c.careArranged === undefined);
    const cap = (o: Outcome): Outcome => (setting === "review" && o === "BLOCK" ? "REVIEW" : o);
    if (unarranged.length) {
      findings.push(
        finding(
          this,
          setting === "review" ? "REVIEW" : "BLOCK",
          `the person is the parent of ${minorChildren.length} minor child(ren) in the U.S.; for ${unarranged.length} no arrangement for care, or for whether the child travels with the parent, has been made (Directive 11064.4).`,
          described,
          "a recorded opportunity to arrange each child's care and to decide whether the child accompanies the parent",
        ),
      );
    } else if (unknown.length) {
      findings.push(
        finding(
          this,
          cap(failClosedOutcome(action.type)),
          `the person is the parent of minor child(ren) in the U.S., and whether the child's care has been arranged is not recorded.`,
          described,
          "a record of the care arrangement for each minor child",
        ),
      );
    } else {
      findings.push(
        finding(this, "ALLOW", "care arrangements are recorded for every minor child in the U.S.", described),
      );
    }
    return { findings };
  },
};
