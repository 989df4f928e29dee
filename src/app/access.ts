/**
 * The one access check. Every route and every CLI command calls `authorize`
 * before it reads or writes; `officeScope` tells a query which offices the
 * user may list. Roles x offices (area of responsibility) x permissions,
 * plus two refinements decided here and nowhere else (docs/oversight.md):
 * - counsel reach a case only as counsel of record (`resource.counselId`),
 *   and a case they do not represent answers not_found, not forbidden;
 * - confidential parts of a case (8 CFR 208.6, 8 U.S.C. 1367) are shown only
 *   to a need-to-know role that states a purpose (`confidentialAccess`).
 */
import { AppError } from "../domain/errors.js";
import type { Tx } from "../store/db.js";
import { counselOfPerson } from "../store/repositories/oversight.js";

export const roles = [
  "officer",
  "supervisor",
  "counsel",
  "detention_manager",
  "analyst",
  "auditor",
  "admin",
] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | "case.read"
  | "case.create"
  | "case.write"
  | "review.decide"
  | "reference.read"
  | "law.evaluate"
  | "analytics.read"
  | "audit.read"
  | "user.manage"
  | "data.seed"
  /** Eligible to open the confidential parts of a case in reach, with a stated purpose (need to know). */
  | "case.confidential"
  | "retention.manage"
  | "legal_hold.manage"
  /** Import source files, decide link reviews, merge and split persons (docs/import.md). */
  | "data.import";

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  offices: string[];
  purpose?: string;
  /** For counsel users: the counsel records (counsel.id) they act as (table user_counsel). */
  counselIds?: string[];
}

/** What a permission is checked against: the case's office and, for counsel, its counsel of record. */
export interface AccessResource {
  officeCode?: string;
  counselId?: string | null;
}

const grants: Record<Role, readonly Permission[]> = {
  officer: ["case.read", "case.create", "case.write", "reference.read", "law.evaluate", "case.confidential"],
  supervisor: [
    "case.read",
    "case.create",
    "case.write",
    "review.decide",
    "reference.read",
    "law.evaluate",
    "case.confidential",
    "legal_hold.manage",
    "data.import",
  ],
  counsel: ["case.read", "reference.read", "case.confidential"],
  detention_manager: ["case.read", "reference.read", "law.evaluate"],
  analyst: ["analytics.read", "reference.read", "law.evaluate"],
  auditor: ["audit.read", "case.read", "reference.read", "legal_hold.manage"],
  admin: [
    "case.read",
    "case.create",
    "case.write",
    "review.decide",
    "reference.read",
    "law.evaluate",
    "analytics.read",
    "audit.read",
    "user.manage",
    "data.seed",
    "retention.manage",
    "legal_hold.manage",
    "data.import",
    // Not "case.confidential": running the system is not a need to know (docs/oversight.md).
  ],
};

/** Roles whose reach is national rather than their offices. */
const national: readonly Role[] = ["admin", "auditor"];

export function can(actor: Actor, permission: Permission): boolean {
  return grants[actor.role].includes(permission);
}

/** Offices whose cases the actor may see; null means every office. */
export function officeScope(actor: Actor): string[] | null {
  return national.includes(actor.role) ? null : actor.offices;
}

/** Is the resource within the actor's reach (office, or representation for counsel)? */
export function inReach(actor: Actor, resource: AccessResource): boolean {
  if (actor.role === "counsel")
    return !!resource.counselId && !!actor.counselIds?.includes(resource.counselId);
  const scope = officeScope(actor);
  return !resource.officeCode || !scope || scope.includes(resource.officeCode);
}

export function authorize(
  actor: Actor | undefined,
  permission: Permission,
  resource?: AccessResource,
): Actor {
  if (!actor) throw new AppError("unauthenticated", "sign in first");
  if (!can(actor, permission)) {
    throw new AppError("forbidden", `the ${actor.role} role may not ${permission.replace(".", " ")}`);
  }
  if (actor.role === "counsel" && resource && (resource.officeCode || "counselId" in resource)) {
    // Counsel are outside the agency: a case they do not represent does not exist for them.
    if (!inReach(actor, resource)) throw new AppError("not_found", "case not found");
    return actor;
  }
  const scope = officeScope(actor);
  if (resource?.officeCode && scope && !scope.includes(resource.officeCode)) {
    throw new AppError(
      "forbidden",
      `office ${resource.officeCode} is outside your offices (${scope.join(", ")})`,
    );
  }
  return actor;
}

/** What `authorizeCase` needs of a case row: its office and its person (whose counsel of record counts). */
export interface CaseAccessRow {
  officeCode: string;
  personId: string;
}

/**
 * `authorize` for one case, with its counsel of record looked up: every use
 * case that reads or writes a case (or its documents, movements, verdicts)
 * calls this, so counsel reach exactly their clients' cases and nothing else.
 * `missing` is the error the caller gives for a case or record that does not
 * exist; counsel who are not of record get that very error (no probing).
 */
export async function authorizeCase(
  tx: Tx,
  actor: Actor | undefined,
  permission: Permission,
  row: CaseAccessRow,
  missing: () => AppError,
): Promise<Actor> {
  // The role is checked before anything is looked up.
  const who = authorize(actor, permission);
  if (who.role !== "counsel") return authorize(who, permission, { officeCode: row.officeCode });
  const counselId = (await counselOfPerson(tx, row.personId)) ?? null;
  if (!inReach(who, { officeCode: row.officeCode, counselId })) throw missing();
  return who;
}

export type ConfidentialAccess =
  /** May see the confidential parts now; the read is logged as a disclosure with this purpose. */
  | { kind: "granted"; purpose: string }
  /** Has a need to know but has not stated a purpose: parts redacted, the client asks for one. */
  | { kind: "purpose_required" }
  /** No need to know: parts redacted, and nothing tells the reader that anything was. */
  | { kind: "denied" };

/** Purposes are free text, trimmed; at least 5 characters so "x" is not a purpose. */
export function statedPurpose(purpose: string | undefined): string | undefined {
  const p = purpose?.trim().slice(0, 200);
  return p && p.length >= 5 ? p : undefined;
}

/** Need to know for the confidential parts of one case (CONF-01, CONF-04). */
export function confidentialAccess(
  actor: Actor,
  resource: AccessResource,
  purpose = actor.purpose,
): ConfidentialAccess {
  if (!can(actor, "case.confidential") || !inReach(actor, resource)) return { kind: "denied" };
  const p = statedPurpose(purpose);
  return p ? { kind: "granted", purpose: p } : { kind: "purpose_required" };
}

/** The actor a local CLI, or a holder of the server's operator token (lock file, mode 0600), acts as. */
export const operatorActor: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "operator",
  displayName: "Local operator",
  role: "admin",
  offices: [],
};
