import { orderFinality } from "../facts/orders.js";
import { type ProtectionKind, protectionClaims, protections } from "../facts/protection.js";
import {
  describeEvent,
  destinationOf,
  eventsOf,
  failClosedOutcome,
  knownEvents,
  onwardCountriesOf,
  removalActions,
  ruleFinding,
} from "../facts/removal.js";
import { boardingStampOf, grantedStays, staysInForce } from "../facts/stays.js";
import type { Finding, Rule, RuleContext, RuleResult } from "../types.js";
import { missingDestination, prot04, type Ref } from "./prot/third-country.js";

/**
 * PROT-01 and PROT-02 share one test: a grant of the listed kinds bars removal
 * to its country (or an arranged onward destination) unless it was ended
 * through one of the lawful processes, which still needs REVIEW.
 */
function countryBar(
  ref: Ref,
  kinds: readonly ProtectionKind[],
  lawfulEnds: readonly string[],
  label: string,
  ctx: RuleContext,
): RuleResult | null {
  const events = knownEvents(ctx.history, ctx.asOf);
  const grants = protections(events, kinds);
  if (!grants.length) return null;
  const dest = destinationOf(ctx.action);
  if (!dest) return missingDestination(ref, ctx);
  const route = [dest, ...onwardCountriesOf(ctx.action)];
  const findings: Finding[] = [];
  for (const { grant, terminated } of grants) {
    const facts = [describeEvent(grant), ...(terminated ? [describeEvent(terminated)] : [])];
    const what = `${label} (${grant.kind.replace(/_/g, " ")}) granted ${grant.on} as to ${grant.country}`;
    if (!route.includes(grant.country)) {
      findings.push(
        ruleFinding(ref, "ALLOW", `${what} does not bar removal to ${route.join(" → ")}.`, { facts }),
      );
    } else if (terminated && lawfulEnds.includes(terminated.process)) {
      findings.push(
        ruleFinding(
          ref,
          "REVIEW",
          `${what} was terminated on ${terminated.on} (${terminated.process}): HQ/OPLA must verify the termination order before removal to ${grant.country}.`,
          { facts, remedy: "HQ/OPLA verification of the termination order in the file." },
        ),
      );
    } else {
      const how = terminated
        ? ` The termination recorded on ${terminated.on} (${terminated.process}) is not a lawful route.`
        : "";
      findings.push(
        ruleFinding(
          ref,
          "BLOCK",
          `${what}: removal to ${grant.country}${grant.country === dest ? "" : " (an arranged onward destination)"} is barred.${how}`,
          {
            facts,
            remedy: `Termination of the grant through ${lawfulEnds.join(" or ")}, or a different destination.`,
          },
        ),
      );
    }
  }
  return { findings };
}

const prot01Ref = {
  id: "PROT-01",
  citation: "INA 241(b)(3); 8 CFR 208.16, 1208.16, 208.24, 1208.24; Noem v. Abrego Garcia (2025)",
};
const prot01: Rule = {
  ...prot01Ref,
  title: "Statutory withholding of removal binds to a country",
  actions: removalActions,
  evaluate: (ctx) =>
    countryBar(
      prot01Ref,
      ["withholding"],
      ["ij_motion", "asylum_officer", "208.24", "1208.24"],
      "Withholding of removal",
      ctx,
    ),
};

const prot02Ref = {
  id: "PROT-02",
  citation: "8 CFR 208.16-208.18, 1208.16-1208.18; FARRA §2242 (Pub. L. 105-277)",
};
const prot02: Rule = {
  ...prot02Ref,
  title: "CAT withholding and deferral",
  actions: removalActions,
  evaluate: (ctx) =>
    countryBar(
      prot02Ref,
      ["cat_withholding", "cat_deferral"],
      ["ij_motion", "assurances", "1208.17(d)", "208.18(c)"],
      "CAT protection",
      ctx,
    ),
};

const prot03Ref = { id: "PROT-03", citation: "INA 241(b)(3); 8 CFR 208.30, 208.31, 1208.16; 8 CFR 1003.6" };
const prot03: Rule = {
  ...prot03Ref,
  title: "Pending protection processes",
  actions: removalActions,
  evaluate(ctx) {
    const { history, action, config, asOf } = ctx;
    const events = knownEvents(history, asOf);
    const claims = protectionClaims(history, events);
    // A motion to reopen on changed country conditions is itself a protection process (PROT-03, last item).
    const pendingMotion = eventsOf(events, "motion.received")
      .filter((m) => m.kind === "reopen" && m.ground === "changed_conditions")
      .at(-1);
    const motionDecided =
      pendingMotion &&
      eventsOf(events, "motion.decided").some((d) => d.kind === "reopen" && d.on >= pendingMotion.on);
    const boardingCompleted = boardingStampOf(action);
    const stayed =
      pendingMotion && !motionDecided ? staysInForce(history, config, asOf, { boardingCompleted }) : [];
    if (!claims.any && !stayed.length) return null;
    const dest = destinationOf(action);
    if (!dest) return missingDestination(prot03Ref, ctx);
    const findings: Finding[] = [];
    for (const c of claims.open) {
      const concerns = c.country
        ? c.country === dest
        : c.presumed?.length
          ? c.presumed.includes(dest)
          : undefined;
      if (concerns === false) {
        findings.push(
          ruleFinding(
            prot03Ref,
            "ALLOW",
            `The open claim (${c.what}) concerns ${c.country ?? c.presumed?.join("/")}, not ${dest}.`,
            { facts: c.facts },
          ),
        );
        continue;
      }
      const outcome = concerns ? "BLOCK" : failClosedOutcome(action.type);
      findings.push(
        ruleFinding(
          prot03Ref,
          outcome,
          `A protection claim is unresolved (${c.what})${concerns ? ` for ${dest}` : "; the record does not show which country it concerns"}: no removal there until it is decided.`,
          {
            facts: c.facts,
            remedy:
              "The decision on the claim (negative screening with review concluded, or an IJ decision on protection).",
          },
        ),
      );
    }
    if (pendingMotion && stayed.length) {
      findings.push(
        ruleFinding(
          prot03Ref,
          "BLOCK",
          `A motion to reopen (${pendingMotion.on}${pendingMotion.ground ? `, ${pendingMotion.ground.replace(/_/g, " ")}` : ""}) is pending with a stay in force (${stayed.map((s) => s.source).join("; ")}).`,
          {
            facts: [describeEvent(pendingMotion)],
            remedy: "The decision on the motion, or the end of the stay.",
          },
        ),
      );
    }
    const fin = orderFinality(history, config, asOf);
    if (claims.any && fin.order && !fin.final) {
      findings.push(
        ruleFinding(
          prot03Ref,
          "BLOCK",
          `Protection claims are on record and the underlying order is not final: ${fin.reason}`,
          { facts: fin.facts, remedy: "A final order." },
        ),
      );
    }
    if (!findings.length) {
      findings.push(
        ruleFinding(
          prot03Ref,
          "ALLOW",
          `No protection claim is pending for ${dest}: ${claims.resolved.join("; ") || "claims decided"}.`,
          {},
        ),
      );
    }
    return { findings };
  },
};

const prot05Ref = {
  id: "PROT-05",
  citation: "Noem v. Abrego Garcia (S. Ct. Apr. 10, 2025); ICE facilitation-of-return policy [POLICY]",
};
const prot05: Rule = {
  ...prot05Ref,
  title: "Remediation of wrongful removal",
  actions: "*",
  evaluate({ history, config, asOf }) {
    const events = knownEvents(history, asOf);
    const findings: Finding[] = [];
    for (const d of eventsOf(events, "departure.verified")) {
      const conflicts: string[] = [];
      const before = { ...history, events: history.events.filter((e) => e.on <= d.on && e !== d) };
      for (const { grant, terminated } of protections(before.events, [
        "withholding",
        "cat_withholding",
        "cat_deferral",
      ])) {
        if (grant.country === d.country && !terminated)
          conflicts.push(`${grant.kind.replace(/_/g, " ")} as to ${d.country} (granted ${grant.on})`);
      }
      for (const s of grantedStays(before, config, d.on)) {
        if (s.status === "in_force")
          conflicts.push(`a stay granted ${s.grant.event.on} by ${s.grant.event.by} was in force`);
      }
      const usc = eventsOf(before.events, "citizenship.determined").at(-1);
      if (usc?.result === "usc") conflicts.push(`OPLA had determined U.S. citizenship (${usc.on})`);
      if (!conflicts.length) continue;
      findings.push(
        ruleFinding(
          prot05Ref,
          "REVIEW",
          `The departure/removal to ${d.country} verified on ${d.on} conflicted with ${conflicts.join("; ")}: open a remediation case at the highest level, notify OPLA and counsel, preserve all records, and facilitate return.`,
          { facts: [describeEvent(d)], remedy: "A remediation decision by HQ and OPLA." },
        ),
      );
    }
    return findings.length ? { findings } : null;
  },
};

export const protRules: Rule[] = [prot01, prot02, prot03, prot04, prot05];
