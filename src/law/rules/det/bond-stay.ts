/**
 * DET-07: the automatic stay of an IJ bond order pending a DHS appeal
 * (8 CFR 1003.19(i)(2), 1003.6(c)).
 *
 * Recorded as: the IJ's order, a `custody.determination` with `by: "IJ"` and
 * decision release or bond; DHS's notice of intent to appeal, a `stay.applied`
 * with form "EOIR-43"; DHS's appeal, an `appeal.received` (forum BIA) with
 * `by: "DHS"` or `kind: "bond"` after the IJ's order; a BIA extension, a
 * `stay.granted` by the BIA after the appeal.
 */
import type { CaseEvent, EventOf } from "../../../domain/events.js";
import { addBusinessDays, addDays } from "../../calendar/calendar.js";
import { currentCustody } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { knownEvents } from "../../facts/removal.js";
import type { Deadline, Rule } from "../../types.js";

type Determination = EventOf<"custody.determination">;
const field = (e: CaseEvent, key: string) => (e as Record<string, unknown>)[key];

export const det07: Rule = {
  id: "DET-07",
  title: "Automatic stay of an IJ bond order pending a DHS appeal",
  citation: "8 CFR 1003.19(i)(2), 1003.6(c); Zavala v. Ridge, 310 F. Supp. 2d 1071 (N.D. Cal. 2004)",
  actions: "*",
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    const ijOrders = events.filter(
      (e): e is Determination =>
        e.type === "custody.determination" && field(e, "by") === "IJ" && e.decision !== "detain",
    );
    const ij = ijOrders[ijOrders.length - 1];
    if (!ij) return null;
    const closures = config.closures ?? [];
    const eoir43Due = addBusinessDays(ij.on, 1, closures);
    const appealDue = addBusinessDays(ij.on, 10, closures);
    const after = events.slice(events.indexOf(ij) + 1);
    const eoir43 = after.find((e) => e.type === "stay.applied" && /EOIR-?43/i.test(e.form));
    if (!eoir43) return null;
    const appeal = after.find(
      (e) =>
        e.type === "appeal.received" &&
        e.forum === "BIA" &&
        (field(e, "by") === "DHS" || field(e, "kind") === "bond"),
    );
    const deadlines: Deadline[] = [
      { kind: "bond_stay.eoir43_due", due: eoir43Due, rule: this.id },
      { kind: "bond_stay.appeal_due", due: appealDue, rule: this.id },
    ];
    const lapse = appeal ? addDays(appeal.on, 90) : undefined;
    if (lapse)
      deadlines.push({
        kind: "bond_stay.lapses",
        due: lapse,
        rule: this.id,
        note: "unless the BIA extends it",
      });
    if (action.type !== "detention.continue" || !currentCustody(events)) return { deadlines };
    const facts = [
      `custody.determination ${ij.on} (IJ, ${ij.decision})`,
      `stay.applied ${eoir43.on} (EOIR-43)`,
    ];
    const dhs = events
      .filter(
        (e): e is Determination =>
          e.type === "custody.determination" && field(e, "by") !== "IJ" && e.on <= ij.on,
      )
      .pop();
    const eligible = dhs && (dhs.decision === "detain" || (dhs.bond ?? 0) >= 10000);
    const extended =
      appeal && after.some((e) => e.type === "stay.granted" && e.by === "BIA" && e.on >= appeal.on);
    const lapsed = (why: string) => ({
      deadlines,
      findings: [
        finding(
          this,
          "BLOCK",
          `the IJ authorised release on ${ij.on}; ${why}, so continued detention on the automatic stay is unlawful.`,
          facts,
          "a BIA stay of the IJ's bond order",
        ),
      ],
    });
    if (!eligible)
      return lapsed(
        "the automatic stay is available only where DHS denied bond or set it at $10,000 or more, and the record shows neither",
      );
    if (eoir43.on > eoir43Due)
      return lapsed(`the EOIR-43 was filed on ${eoir43.on}, after its due date ${eoir43Due}`);
    if (!appeal && asOf > appealDue) return lapsed(`DHS filed no appeal by ${appealDue}; the stay lapsed`);
    if (appeal && appeal.on > appealDue)
      return lapsed(`DHS's appeal of ${appeal.on} came after ${appealDue}; the stay lapsed`);
    if (lapse && asOf > lapse && !extended)
      return lapsed(
        `90 days have run since DHS's appeal (${appeal!.on}) and the BIA did not extend the stay`,
      );
    return {
      deadlines,
      findings: [
        finding(
          this,
          "ALLOW",
          `the automatic stay of the IJ's bond order of ${ij.on} is in force (EOIR-43 ${eoir43.on}${appeal ? `; appeal ${appeal.on}, lapses after ${lapse}` : `; appeal due ${appealDue}`}); some courts have held it unconstitutional as applied.`,
          facts,
        ),
      ],
    };
  },
};
