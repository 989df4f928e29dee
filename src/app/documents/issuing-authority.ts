/**
 * NTA-08 on the document path: only an authorised officer may issue (sign) an
 * NTA (8 CFR 239.1(a)), an I-200 (287.5(e)(2)) or an I-205 (241.2(a)).
 *
 * Two tables, both configuration:
 * - which issuing titles may sign each form: the law engine's
 *   `config.issuingRoles` (setting law/issuingRoles), defaults in
 *   src/law/facts/issuing-roles.ts;
 * - which issuing title an immos user holds: setting documents/issuers
 *   `{ users: { username: title }, roles: { role: title } }`, a user's own entry first, else
 *   the default for the role below.
 *
 * The defaults hold only what an immos role says for sure: a supervisor is a
 * supervisory detention and deportation officer (in the 239.1(a) and
 * 287.5(e)(2) lists, not in 241.2(a)); an officer is a deportation officer
 * (in none of them). So by default a supervisor signs NTAs and I-200s, nobody
 * signs an I-205 until an admin names the field office director (or another
 * 241.2(a) official) in documents/issuers, and an officer prepares but does
 * not sign. The verdict is the law engine's own rule (nta08), so its id,
 * citation and message are the ones the rest of immos shows.
 */
import type { FormId, LawViolation } from "../../documents/index.js";
import { nta08 } from "../../law/rules/nta/advisals.js";
import type { Finding, LawConfig } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import { getSetting } from "../../store/repositories/settings.js";
import type { Actor, Role } from "../access.js";

export interface IssuerTable {
  users?: Record<string, string>;
  roles?: Partial<Record<Role, string>>;
}

export const defaultIssuerTitles: Partial<Record<Role, string>> = {
  supervisor: "supervisory_detention_and_deportation_officer",
  officer: "deportation_officer",
};

/** The forms NTA-08 governs, with the law engine's action for issuing each. */
const signed: Partial<Record<FormId, string>> = {
  "I-862": "nta.issue",
  "I-200": "warrant.issue",
  "I-205": "warrant.issue",
};

export function issuerTitle(actor: Pick<Actor, "username" | "role">, table: IssuerTable | undefined): string {
  return (
    table?.users?.[actor.username] ??
    table?.roles?.[actor.role] ??
    defaultIssuerTitles[actor.role] ??
    // A role with no issuing title (analyst, admin...) is named as itself, which no table lists.
    actor.role
  );
}

/** NTA-08's finding on `actor` signing `form`, or undefined for a form the rule does not govern. */
export function issuingFinding(
  form: FormId,
  actor: Pick<Actor, "username" | "role">,
  on: string,
  tables: { issuers?: IssuerTable; issuingRoles?: LawConfig["issuingRoles"] },
): Finding | undefined {
  const type = signed[form];
  if (!type) return undefined;
  const result = nta08.evaluate({
    history: { person: {}, events: [] },
    action: { type, on, form, signerRole: issuerTitle(actor, tables.issuers) },
    config: tables.issuingRoles ? { issuingRoles: tables.issuingRoles } : {},
    asOf: on,
  });
  return result?.findings?.[0];
}

/** NTA-08's violation when the user may not sign the form (reads both tables), else undefined. */
export async function issuingViolation(
  tx: Tx,
  form: FormId,
  actor: Actor,
  on: string,
): Promise<LawViolation | undefined> {
  if (!signed[form]) return undefined;
  const [issuers, issuingRoles] = await Promise.all([
    getSetting<IssuerTable>(tx, "documents", "issuers"),
    getSetting<Record<string, string[]>>(tx, "law", "issuingRoles"),
  ]);
  const f = issuingFinding(form, actor, on, { issuers, issuingRoles });
  if (!f || f.outcome === "ALLOW") return undefined;
  const remedy = f.remedy ? ` Needed: ${f.remedy}.` : "";
  return { rule: f.rule, citation: f.citation, message: `${f.message}${remedy}` };
}
