/** STAT-* rules of docs/law/RULES.md: status-based protection from removal. */

import { orderFinality } from "../facts/orders.js";
import {
  describeEvent,
  eventsOf,
  failClosedOutcome,
  isRemoval,
  knownEvents,
  removalActions,
  ruleFinding,
} from "../facts/removal.js";
import {
  designationLitigation,
  lprSince,
  pendingApplications,
  statusRecord,
  validity,
} from "../facts/status.js";
import { policyValue } from "../policy.js";
import type { Deadline, Finding, Rule } from "../types.js";

/** Removal, and detention on the basis of status (arrest, detainer, warrant, continued detention). */
const tpsActions = [
  ...removalActions,
  "arrest.make",
  "detainer.issue",
  "detention.continue",
  "warrant.issue",
];
/** Deferred action is forbearance from removal and from starting proceedings (STAT-02). */
const deferredActions = [...tpsActions, "nta.serve"];
/** TPS withdrawal routes (8 CFR 244.14, 244.18) and the designation's own end. */
const tpsEndings = new Set(["244.14", "244.18", "designation_terminated", "withdrawn", "expired", "denied"]);

function validUntilDeadline(rule: string, until: string | undefined, note: string): Deadline[] {
  return until ? [{ kind: "status.valid_until", due: until, rule, note }] : [];
}

const stat01Ref = {
  id: "STAT-01",
  citation:
    "INA 244(a)(1)(A), (a)(4), (d)(4); 8 CFR 244.5, 244.10(e), 244.14, 244.18; Noem v. National TPS Alliance (2025)",
};
const stat01: Rule = {
  ...stat01Ref,
  title: "Temporary Protected Status",
  actions: "*",
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const record = statusRecord(events, "tps");
    const deadlines =
      record && !record.ended
        ? validUntilDeadline("STAT-01", record.grant.validUntil, "TPS validity ends")
        : [];
    if (!tpsActions.includes(action.type)) return { deadlines };
    const findings: Finding[] = [];
    const barred = "a TPS holder shall not be removed, nor detained on the basis of immigration status";
    if (record) {
      const g = record.grant;
      const facts = [describeEvent(g), ...(record.ended ? [describeEvent(record.ended)] : [])];
      const litigation = designationLitigation(history, events, g.country);
      if (litigation) facts.push(describeEvent(litigation));
      const state = validity(record, asOf);
      if (state === "valid") {
        findings.push(
          ruleFinding(
            stat01Ref,
            "BLOCK",
            `TPS granted ${g.on} is valid through ${g.validUntil}: ${barred}.`,
            {
              facts,
              remedy: "Withdrawal of TPS under 8 CFR 244.14 (or 244.18), or the end of its validity.",
            },
          ),
        );
      } else if (state === "unknown") {
        findings.push(
          ruleFinding(
            stat01Ref,
            failClosedOutcome(action.type),
            `TPS was granted ${g.on} and no end date or withdrawal is recorded: treat it as in effect (${barred}) until its validity is confirmed.`,
            { facts, remedy: "The TPS validity date, or a withdrawal under 8 CFR 244.14." },
          ),
        );
      } else if (litigation) {
        findings.push(
          ruleFinding(
            stat01Ref,
            "REVIEW",
            `TPS (${g.country ?? "country not recorded"}) ${state === "ended" ? `ended ${record.ended?.on}` : `lapsed ${g.validUntil}`}, but the designation is in litigation (${litigation.on}): OPLA must confirm the effective termination date under the court orders in force.`,
            { facts, remedy: "OPLA confirmation of the designation's effective termination date." },
          ),
        );
      } else if (state === "expired") {
        findings.push(
          ruleFinding(
            stat01Ref,
            "ALLOW",
            `TPS granted ${g.on} expired on ${g.validUntil}; no designation litigation is recorded.`,
            { facts },
          ),
        );
      } else if (record.ended?.process && tpsEndings.has(record.ended.process)) {
        findings.push(
          ruleFinding(stat01Ref, "ALLOW", `TPS ended on ${record.ended.on} (${record.ended.process}).`, {
            facts,
          }),
        );
      } else {
        findings.push(
          ruleFinding(
            stat01Ref,
            "REVIEW",
            `TPS is recorded as ended on ${record.ended?.on} without a recognised process: TPS is withdrawn only under 8 CFR 244.14 or through proceedings (244.18).`,
            {
              facts,
              remedy:
                "The withdrawal decision under 8 CFR 244.14/244.18 or the designation's termination notice.",
            },
          ),
        );
      }
    }
    const applied = pendingApplications(events).get("I-821");
    if (applied && (!record || record.grant.on < applied.on)) {
      const primaFacie = (applied as Record<string, unknown>).primaFacie;
      const facts = [describeEvent(applied)];
      if (primaFacie === false) {
        findings.push(
          ruleFinding(
            stat01Ref,
            "WARN",
            `A TPS application (I-821, ${applied.on}) is pending; no prima facie eligibility was found, so no temporary treatment applies.`,
            { facts },
          ),
        );
      } else {
        const outcome = primaFacie === true ? "BLOCK" : failClosedOutcome(action.type);
        findings.push(
          ruleFinding(
            stat01Ref,
            outcome,
            `A TPS application (I-821, ${applied.on}) is pending${primaFacie === true ? " with prima facie eligibility" : "; prima facie eligibility is not recorded"}: temporary treatment benefits bar removal and status-based detention until a final decision.`,
            {
              facts,
              remedy:
                "A final decision on the I-821, or a finding that the applicant is not prima facie eligible.",
            },
          ),
        );
      }
    }
    return { findings, deadlines };
  },
};

const stat02Ref = {
  id: "STAT-02",
  citation: "8 CFR 236.21-236.25; Texas v. United States (5th Cir. Jan. 17, 2025)",
};
const stat02: Rule = {
  ...stat02Ref,
  title: "DACA and other deferred action",
  actions: "*",
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const records = (["daca", "deferred_action"] as const)
      .map((kind) => statusRecord(events, kind))
      .filter((r) => r !== undefined);
    const deadlines = records.flatMap((r) =>
      r.ended ? [] : validUntilDeadline("STAT-02", r.grant.validUntil, `${r.grant.kind} validity ends`),
    );
    if (!deferredActions.includes(action.type) || !records.length) return { deadlines };
    const findings = records.map((r) => {
      const g = r.grant;
      const name = g.kind === "daca" ? "DACA" : "Deferred action";
      const facts = [describeEvent(g), ...(r.ended ? [describeEvent(r.ended)] : [])];
      switch (validity(r, asOf)) {
        case "valid":
          return ruleFinding(
            stat02Ref,
            "BLOCK",
            `${name} granted ${g.on} is valid through ${g.validUntil}: forbearance from removal; no arrest, NTA or removal while it lasts.`,
            {
              facts,
              remedy: "A documented termination under 8 CFR 236.23 (then REVIEW), or the end of validity.",
            },
          );
        case "unknown":
          return ruleFinding(
            stat02Ref,
            failClosedOutcome(action.type),
            `${name} granted ${g.on} has no recorded end date or termination: treat it as in effect until its validity is confirmed.`,
            { facts, remedy: "The validity date of the grant, or a documented 8 CFR 236.23 termination." },
          );
        case "expired": {
          const renewal = pendingApplications(events).get("I-821D");
          return renewal
            ? ruleFinding(
                stat02Ref,
                "WARN",
                `${name} expired on ${g.validUntil}; a renewal request (I-821D, ${renewal.on}) is pending.`,
                { facts: [...facts, describeEvent(renewal)] },
              )
            : ruleFinding(
                stat02Ref,
                "ALLOW",
                `${name} granted ${g.on} expired on ${g.validUntil}; no renewal is pending.`,
                { facts },
              );
        }
        default:
          return ruleFinding(
            stat02Ref,
            "REVIEW",
            `${name} was terminated on ${r.ended?.on}${r.ended?.process ? ` (${r.ended.process})` : ""}: a supervisor must confirm the termination is effective and final before enforcement.`,
            {
              facts,
              remedy: "Supervisor confirmation that the 8 CFR 236.23 termination is effective and final.",
            },
          );
      }
    });
    return { findings, deadlines };
  },
};

const stat03Ref = {
  id: "STAT-03",
  citation: "INA 240, 238(b), 235(b)(1)(C), 101(a)(13)(C); 8 CFR 208.24, 207.9; CHIRLA v. Noem (D.D.C. 2025)",
};
const stat03: Rule = {
  ...stat03Ref,
  title: "Other statuses: LPR, asylee/refugee, parole, U/T, pending petitions",
  actions: removalActions,
  evaluate({ history, action, config, asOf }) {
    if (!isRemoval(action.type)) return null;
    const events = knownEvents(history, asOf);
    const findings: Finding[] = [];
    const fin = orderFinality(history, config, asOf);
    const order = fin.order;

    const lpr = lprSince(history, events);
    if (lpr) {
      const facts = [`LPR since ${lpr}`, ...fin.facts];
      if (order?.kind === "administrative_238b") {
        findings.push(
          ruleFinding(
            stat03Ref,
            "BLOCK",
            `The person is an LPR (since ${lpr}): a 238(b) administrative order cannot remove an LPR; INA 240 proceedings are required.`,
            { facts, remedy: "A final INA 240 removal order." },
          ),
        );
      } else if (order?.kind === "expedited_removal") {
        findings.push(
          ruleFinding(
            stat03Ref,
            "REVIEW",
            `The person is an LPR (since ${lpr}): expedited removal applies only after 235(b)(1)(C) verification shows the person is treated as an applicant for admission (101(a)(13)(C)).`,
            { facts, remedy: "The 235(b)(1)(C) verification record, or a final INA 240 order." },
          ),
        );
      } else if (fin.final) {
        findings.push(
          ruleFinding(
            stat03Ref,
            "ALLOW",
            `LPR status (since ${lpr}) ended when the removal order became final (${fin.finalOn}).`,
            { facts },
          ),
        );
      } else {
        findings.push(
          ruleFinding(
            stat03Ref,
            "BLOCK",
            `The person is an LPR (since ${lpr}) and no removal order is final: LPR status continues until an INA 240 order becomes final.`,
            { facts, remedy: "A final INA 240 removal order." },
          ),
        );
      }
    }

    for (const kind of ["asylee", "refugee"] as const) {
      const r = statusRecord(events, kind);
      if (r) findings.push(refugeeFinding(r.grant.on, kind, r.ended, events, describeEvent(r.grant)));
    }
    for (const g of eventsOf(events, "protection.granted").filter((p) => p.kind === "asylum")) {
      const ended = eventsOf(events, "protection.terminated").find(
        (t) => t.kind === "asylum" && t.country === g.country && t.on >= g.on,
      );
      findings.push(refugeeFinding(g.on, "asylee", ended, events, describeEvent(g), g));
    }

    const parole = statusRecord(events, "parole");
    if (parole) {
      const state = validity(parole, asOf);
      const facts = [describeEvent(parole.grant)];
      if (state === "valid" || state === "unknown") {
        findings.push(
          ruleFinding(
            stat03Ref,
            "REVIEW",
            `Parole granted ${parole.grant.on} is ${state === "valid" ? `valid through ${parole.grant.validUntil}` : "not recorded as ended"}: confirm parole was terminated before removal (expedited removal of port-of-entry parolees is stayed, CHIRLA v. Noem).`,
            { facts, remedy: "A record of parole termination (status.ended parole)." },
          ),
        );
      }
    }

    const ut = policyValue(config, "uTDeferredAction", "block", asOf);
    for (const kind of ["u", "t"] as const) {
      const r = statusRecord(events, kind);
      if (!r) continue;
      const state = validity(r, asOf);
      if (state === "valid" || state === "unknown") {
        const outcome =
          ut === "review" ? "REVIEW" : state === "valid" ? "BLOCK" : failClosedOutcome(action.type);
        findings.push(
          ruleFinding(
            stat03Ref,
            outcome,
            `${kind.toUpperCase()} status/deferred action granted ${r.grant.on}${r.grant.validUntil ? ` valid through ${r.grant.validUntil}` : ""}: forbearance from removal during validity [POLICY].`,
            {
              facts: [describeEvent(r.grant)],
              remedy: `The end or revocation of the ${kind.toUpperCase()} grant.`,
            },
          ),
        );
      }
    }

    const petitionPolicy = policyValue(config, "pendingBenefitPetition", "warn", asOf);
    for (const [form, app] of pendingApplications(events)) {
      if (!["I-130", "I-485", "I-918", "I-914", "I-360", "I-140", "I-751"].includes(form)) continue;
      const outcome = petitionPolicy === "review" ? "REVIEW" : "WARN";
      findings.push(
        ruleFinding(
          stat03Ref,
          outcome,
          `A benefit petition (${form}, ${app.on}) is pending: it is no legal bar to removal, but removal may forfeit it.`,
          { facts: [describeEvent(app)], remedy: "A decision on the petition, or supervisor approval." },
        ),
      );
    }
    return { findings };

    function refugeeFinding(
      grantedOn: string,
      kind: "asylee" | "refugee",
      ended: { on: string } | undefined,
      all: typeof events,
      fact: string,
      grantEvent?: object,
    ): Finding {
      const grantIndex = grantEvent
        ? all.indexOf(grantEvent as (typeof all)[number])
        : all.findIndex((e) => e.on === grantedOn && e.type === "status.granted");
      const laterOrder = order && all.indexOf(order) > grantIndex && fin.final;
      if (ended)
        return ruleFinding(
          stat03Ref,
          "ALLOW",
          `${kind} status granted ${grantedOn} was terminated on ${ended.on}.`,
          { facts: [fact] },
        );
      if (laterOrder)
        return ruleFinding(
          stat03Ref,
          "ALLOW",
          `${kind} status granted ${grantedOn} was followed by a final removal order (${order.on}).`,
          { facts: [fact, ...fin.facts] },
        );
      return ruleFinding(
        stat03Ref,
        "BLOCK",
        `The person holds ${kind} status (granted ${grantedOn}): it must be terminated (8 CFR ${kind === "asylee" ? "208.24" : "207.9"}) or a removal order entered in proceedings before removal.`,
        {
          facts: [fact],
          remedy: `A termination of ${kind} status, or a final removal order entered after the grant.`,
        },
      );
    }
  },
};

export const statRules: Rule[] = [stat01, stat02, stat03];
