/**
 * The one access check. Every route and every CLI command calls `authorize`
 * before it reads or writes; `officeScope` tells a query which offices the
 * user may list. The fuller model (purpose of access, confidential fields,
 * redaction) grows here, in one place.
 */
import { AppError } from "../domain/errors.js";

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
  | "data.seed";

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  offices: string[];
  purpose?: string;
}

const grants: Record<Role, readonly Permission[]> = {
  officer: ["case.read", "case.create", "case.write", "reference.read", "law.evaluate"],
  supervisor: ["case.read", "case.create", "case.write", "review.decide", "reference.read", "law.evaluate"],
  counsel: ["case.read", "reference.read"],
  detention_manager: ["case.read", "reference.read", "law.evaluate"],
  analyst: ["analytics.read", "reference.read", "law.evaluate"],
  auditor: ["audit.read", "case.read", "reference.read"],
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

export function authorize(
  actor: Actor | undefined,
  permission: Permission,
  resource?: { officeCode?: string },
): Actor {
  if (!actor) throw new AppError("unauthenticated", "sign in first");
  if (!can(actor, permission)) {
    throw new AppError("forbidden", `the ${actor.role} role may not ${permission.replace(".", " ")}`);
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

/** The actor a local CLI, or a holder of the server's operator token (lock file, mode 0600), acts as. */
export const operatorActor: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "operator",
  displayName: "Local operator",
  role: "admin",
  offices: [],
};
