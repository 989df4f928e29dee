/**
 * ARR-04: detainers (Form I-247A; ICE Policy 10074.2; 8 CFR 287.7(d)). The
 * hold expires 48 hours after the scheduled release; the regulation's
 * reading (excluding Saturdays, Sundays and holidays) and the form's flat 48
 * hours differ, and the engine uses the shorter by default (U15, switch
 * `detainerHoldComputation`).
 */
import { addBusinessHours, addDays, addHours, compareStamps } from "../../calendar/calendar.js";
import { boolField, textField, zoneOf } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { orderFinality } from "../../facts/orders.js";
import { policy } from "../../policy.js";
import type { Deadline, Finding, Rule } from "../../types.js";

const stampRe = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `holdUntil` as a local stamp: a bare date means the end of that day. */
function holdEnd(value: string): string | undefined {
  if (stampRe.test(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${addDays(value, 1)}T00:00`;
  return undefined;
}

export const arr04: Rule = {
  id: "ARR-04",
  title: "Detainers (Form I-247A)",
  citation: "8 CFR 287.7; ICE Policy 10074.2 (2017); Galarza v. Szalczyk, 745 F.3d 634 (3d Cir. 2014)",
  actions: ["detainer.issue", "detainer.extend"],
  evaluate({ history, action, config, asOf }) {
    const tz = zoneOf(config, action);
    const findings: Finding[] = [];
    const deadlines: Deadline[] = [];
    const pc = textField(action, "probableCause");
    const warrant = textField(action, "attachedWarrant");
    if (!pc || pc === "none") {
      findings.push(
        finding(
          this,
          "BLOCK",
          "the detainer records no probable-cause basis of removability.",
          [],
          "a probable-cause basis (final order, pending proceedings, biometric match, statements)",
        ),
      );
    }
    if (!warrant || warrant === "none") {
      findings.push(
        finding(
          this,
          "BLOCK",
          "no signed I-200 or I-205 is attached to the detainer (Policy 10074.2).",
          [],
          "a signed I-200 or I-205 attached to the I-247A",
        ),
      );
    }
    if (boolField(action, "citizenshipChecked") !== true) {
      findings.push(
        finding(
          this,
          "BLOCK",
          "no check for U.S.-citizenship indicators is recorded before the detainer (CIT-01).",
          [],
          "a recorded citizenship check",
        ),
      );
    }
    const finality = orderFinality(history, config, asOf);
    const final = finality.final && finality.finalOn !== undefined && finality.finalOn <= asOf;
    if ((warrant === "I-205" || pc === "final_order") && !final) {
      findings.push(
        finding(
          this,
          warrant === "I-205" ? "BLOCK" : "REVIEW",
          `the detainer relies on a final order, but ${finality.reason.charAt(0).toLowerCase()}${finality.reason.slice(1)}`,
          finality.facts,
          "a final removal order, or another probable-cause basis with an I-200",
        ),
      );
    }
    const releaseAt = textField(action, "releaseAt");
    if (!releaseAt || !stampRe.test(releaseAt)) {
      findings.push(
        finding(
          this,
          "REVIEW",
          "the law-enforcement agency's scheduled release time is not recorded, so the 48-hour hold cannot be computed.",
          [],
          "the scheduled release date and time",
        ),
      );
    } else {
      const flat = addHours(releaseAt, 48, tz);
      const regulation = addBusinessHours(releaseAt, 48, tz, config.closures ?? []);
      const setting = policy(config, "detainerHoldComputation", asOf);
      const expires =
        setting === "form"
          ? flat
          : setting === "regulation"
            ? regulation
            : compareStamps(flat, regulation, tz) <= 0
              ? flat
              : regulation;
      deadlines.push({
        kind: "detainer.hold_expires",
        due: expires,
        rule: this.id,
        note: `form ${flat}; 287.7(d) ${regulation}; using ${setting}`,
      });
      const requested = textField(action, "holdUntil");
      const end = requested ? holdEnd(requested) : undefined;
      if (requested && !end) {
        findings.push(
          finding(
            this,
            "REVIEW",
            `the requested hold (${requested}) is not a date or date-time.`,
            [],
            "a hold end as YYYY-MM-DD or YYYY-MM-DDTHH:MM",
          ),
        );
      } else if (end && compareStamps(end, expires, tz) > 0) {
        findings.push(
          finding(
            this,
            "BLOCK",
            `the hold requested until ${requested} runs past the 48-hour limit, which expires at ${expires} (release ${releaseAt}).`,
            [],
            `a hold ending no later than ${expires}`,
          ),
        );
      }
      if (!findings.length) {
        findings.push(
          finding(
            this,
            "ALLOW",
            `probable cause (${pc}), an attached ${warrant} and a citizenship check are recorded; the hold expires at ${expires}. The detainer takes effect only when served on the person.`,
          ),
        );
      }
    }
    return { findings, deadlines };
  },
};
