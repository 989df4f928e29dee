/**
 * ARR-01 (the I-200 administrative arrest warrant) and ARR-06 (the I-205
 * warrant of removal). Warrant fields an action may carry: `signed` (bool),
 * `blank` or `preSigned` (bool), `signerRole` (the role codes of
 * src/law/facts/issuing-roles.ts, shared with NTA-08) and `probableCause`
 * (charging_document, pending_proceedings, final_order, biometric_match,
 * statements, none), as on the I-200's probable-cause checkboxes.
 */
import type { CaseEvent } from "../../../domain/events.js";
import { boolField, textField } from "../../facts/custody.js";
import { finding } from "../../facts/finding.js";
import { allowedRoles } from "../../facts/issuing-roles.js";
import { orderFinality } from "../../facts/orders.js";
import { knownEvents } from "../../facts/removal.js";
import { staysInForce } from "../../facts/stays.js";
import type { Action, Finding, LawConfig, Rule } from "../../types.js";

function isForm(action: Action, form: "I-200" | "I-205"): boolean {
  if (action.type === "warrant.issue")
    return (
      textField(action, "form")
        ?.toUpperCase()
        .replace(/^I(\d)/, "I-$1") === form
    );
  if (action.type === "arrest.make")
    return textField(action, "basis") === form.replace("-", "").toLowerCase();
  return false;
}

/** Defects on the face of the warrant: unsigned, blank or pre-signed, or signed by an unauthorised role. */
export function warrantDefects(action: Action, config: LawConfig, form: string): string[] {
  const w = {
    ...(typeof action.warrant === "object" && action.warrant
      ? (action.warrant as Record<string, unknown>)
      : {}),
    ...action,
  };
  const defects: string[] = [];
  if (boolField(w, "signed") === false) defects.push("it is unsigned");
  if (boolField(w, "blank", "preSigned") === true) defects.push("it was pre-signed and left blank");
  const role = textField(w, "signerRole", "issuerRole");
  const roles = allowedRoles(config, form);
  if (role && roles && !roles.includes(role))
    defects.push(`its signer (${role.replaceAll("_", " ")}) is not an officer listed to issue it`);
  return defects;
}

/** The I-200's probable-cause basis from the action, or one the record itself supplies. */
function probableCauseOf(action: Action, events: readonly CaseEvent[]): { basis?: string; none?: boolean } {
  const pc = textField(action, "probableCause");
  if (pc) return pc === "none" ? { none: true } : { basis: pc.replaceAll("_", " ") };
  const nta = events.find((e) => e.type === "nta.served");
  if (nta) return { basis: `charging document served ${nta.on}` };
  const order = events.find((e) => e.type === "order.issued");
  if (order) return { basis: `removal order of ${order.on}` };
  return {};
}

export const arr01: Rule = {
  id: "ARR-01",
  title: "Administrative arrest warrant (Form I-200)",
  citation: "8 CFR 236.1(b); 8 CFR 287.5(e)(2)-(3)",
  actions: ["warrant.issue", "arrest.make"],
  evaluate({ history, action, config, asOf }) {
    if (!isForm(action, "I-200")) return null;
    const defects = warrantDefects(action, config, "I-200");
    if (defects.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `the I-200 cannot be used: ${defects.join("; ")}.`,
            [],
            "an I-200 completed and signed by an authorised issuing officer",
          ),
        ],
      };
    }
    if (action.type === "arrest.make") {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            "the arrest rests on an I-200 administrative warrant; it does not authorise entry into a home (ARR-05).",
          ),
        ],
      };
    }
    const pc = probableCauseOf(action, knownEvents(history, asOf));
    let f: Finding;
    if (pc.none) {
      f = finding(
        this,
        "BLOCK",
        "the I-200 records no probable cause of removability.",
        [],
        "a probable-cause basis on the I-200",
      );
    } else if (!pc.basis) {
      f = finding(
        this,
        "REVIEW",
        "the I-200 does not record its probable-cause basis, and the record shows no charging document or order that supplies one.",
        [],
        "the probable-cause basis (charging document, biometric match, statements or other evidence)",
      );
    } else {
      f = finding(this, "ALLOW", `the I-200 rests on probable cause: ${pc.basis}.`);
    }
    return { findings: [f] };
  },
};

export const arr06: Rule = {
  id: "ARR-06",
  title: "Warrant of removal (Form I-205)",
  citation: "8 CFR 241.2(a); 8 CFR 287.5(e)(3)",
  actions: ["warrant.issue", "arrest.make"],
  evaluate({ history, action, config, asOf }) {
    if (!isForm(action, "I-205")) return null;
    const defects = warrantDefects(action, config, "I-205");
    const finality = orderFinality(history, config, asOf);
    const facts = finality.facts;
    if (defects.length) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `the I-205 cannot be used: ${defects.join("; ")}.`,
            facts,
            "an I-205 signed by an official listed in 8 CFR 241.2(a)",
          ),
        ],
      };
    }
    if (!finality.final || !finality.finalOn || finality.finalOn > asOf) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `an I-205 may rest only on a final administrative removal order: ${finality.reason}`,
            facts,
            "a final removal order (FIN-01, FIN-02)",
          ),
        ],
      };
    }
    if (action.type === "warrant.issue") {
      const stays = staysInForce(history, config, asOf);
      if (stays.length) {
        return {
          findings: [
            finding(
              this,
              "BLOCK",
              `the order is final, but removal is stayed: ${stays[0].message}`,
              facts,
              "the end of the stay",
            ),
          ],
        };
      }
    }
    return {
      findings: [finding(this, "ALLOW", `the I-205 rests on a final order: ${finality.reason}`, facts)],
    };
  },
};
