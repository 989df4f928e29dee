/**
 * What is confidential in a case (docs/law/RULES.md CONF-01, CONF-04, CONF-06):
 * the existence and content of a protection claim (asylum, withholding, CAT,
 * credible or reasonable fear: 8 CFR 208.6), of a VAWA/T/U petition or status
 * (8 U.S.C. 1367), and of TPS/DACA requests. The last are included partly
 * for their own sake and partly so that a "restricted" marker does not by
 * itself tell a reader that the hidden record is a protection claim.
 */
import type { CaseEvent } from "../../domain/events.js";

/** Forms whose filing is itself confidential. */
export const confidentialForms: ReadonlySet<string> = new Set([
  "I-589", // asylum and withholding
  "I-918", // U
  "I-914", // T
  "I-360", // VAWA self-petition
  "I-821", // TPS
  "I-821D", // DACA
]);

const confidentialStatuses: ReadonlySet<string> = new Set(["asylee", "refugee", "u", "t", "tps", "daca"]);
const protectionRules = /^(PROT|CONF)-/;

/**
 * The only event types that can be confidential (isConfidentialEvent answers false for any other):
 * a query may load just these to decide whether a case is confidential.
 */
export const confidentialEventTypes: readonly string[] = [
  "confidentiality.flag",
  "fear.claimed",
  "fear.screened",
  "fear.inquired",
  "protection.granted",
  "protection.denied",
  "protection.terminated",
  "application.filed",
  "status.granted",
  "status.ended",
  "action.blocked",
];
const candidateTypes: ReadonlySet<string> = new Set(confidentialEventTypes);

/** Does this event reveal, or let a reader infer, a confidential claim? */
export function isConfidentialEvent(e: CaseEvent | { type: string; [k: string]: unknown }): boolean {
  const ev = e as Record<string, unknown> & { type: string };
  if (!candidateTypes.has(ev.type)) return false;
  switch (ev.type) {
    case "confidentiality.flag":
    case "fear.claimed":
    case "fear.screened":
    case "protection.granted":
    case "protection.denied":
    case "protection.terminated":
      return true;
    case "fear.inquired":
      // Asking is routine; an answer that fear was expressed is a claim.
      return ev.expressed === true;
    case "application.filed":
      return typeof ev.form === "string" && confidentialForms.has(ev.form.toUpperCase());
    case "status.granted":
    case "status.ended":
      return typeof ev.kind === "string" && confidentialStatuses.has(ev.kind);
    case "action.blocked":
      // "Blocked by PROT-01" tells the reader a protection claim exists.
      return (
        Array.isArray(ev.rules) && ev.rules.some((r) => typeof r === "string" && protectionRules.test(r))
      );
    default:
      return false;
  }
}

/** Projection flags that name a confidential claim (`confidential:*`, `protection:*`). */
export function isConfidentialFlag(flag: string): boolean {
  return flag.startsWith("confidential:") || flag.startsWith("protection:");
}

export interface HistoryLike {
  seq: number;
  event: { type: string; [k: string]: unknown };
}

/**
 * The seqs to hide: confidential events, and corrections that point at one
 * (an `event.superseded` whose reason may describe the claim).
 */
export function confidentialSeqs(history: readonly HistoryLike[]): Set<number> {
  const hidden = new Set<number>();
  for (const h of history) if (isConfidentialEvent(h.event)) hidden.add(h.seq);
  for (const h of history) {
    const target = h.event.type === "event.superseded" ? Number(h.event.supersedes) : Number.NaN;
    if (hidden.has(target)) hidden.add(h.seq);
  }
  return hidden;
}

/** A case is confidential when any of its events is, or its projection carries a confidential flag. */
export function caseIsConfidential(history: readonly HistoryLike[], flags: readonly string[] = []): boolean {
  return flags.some(isConfidentialFlag) || history.some((h) => isConfidentialEvent(h.event));
}

/** Alias kinds that come from a confidential filing (e.g. a name used in a 1367 petition). */
export function isConfidentialAlias(alias: { kind?: string } | unknown): boolean {
  return typeof alias === "object" && alias !== null && (alias as { kind?: string }).kind === "protected";
}

/** Case kinds that exist only because of a protection claim (withholding-only follows a positive fear screening). */
export const confidentialCaseKinds: ReadonlySet<string> = new Set(["withholding_only"]);
