/**
 * Single sign-on: from the claims an OpenID provider vouched for to an immos
 * session. Roles and offices come from claims whose names are configurable;
 * the provider is the source of truth, so they are refreshed at each sign-in.
 * An identity (issuer + subject) is bound to one local user on first sign-in;
 * a provider cannot take over a local account that was not created for it.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.js";
import { insertIdentity, updateUserAccess, userIdOfIdentity } from "../../store/repositories/oversight.js";
import { getUser, getUserByName, insertCredential, insertUser } from "../../store/repositories/users.js";
import { type Role, roles } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { hashPassword, newSecret, secretHash } from "../credentials.js";
import { SESSION_HOURS } from "../sign-in.js";

export interface ClaimMapping {
  usernameClaim: string;
  nameClaim: string;
  roleClaim: string;
  officesClaim: string;
  /** Provider values (e.g. group names) to immos roles; a role's own name always maps to itself. */
  roleMap: Record<string, Role>;
}

export function claimMappingFromEnv(env: NodeJS.ProcessEnv = process.env): ClaimMapping {
  let roleMap: Record<string, Role> = {};
  if (env.IMMOS_OIDC_ROLE_MAP) {
    const parsed = JSON.parse(env.IMMOS_OIDC_ROLE_MAP) as Record<string, string>;
    roleMap = Object.fromEntries(
      Object.entries(parsed).filter(([, r]) => (roles as readonly string[]).includes(r)),
    ) as Record<string, Role>;
  }
  return {
    usernameClaim: env.IMMOS_OIDC_USERNAME_CLAIM ?? "preferred_username",
    nameClaim: env.IMMOS_OIDC_NAME_CLAIM ?? "name",
    roleClaim: env.IMMOS_OIDC_ROLE_CLAIM ?? "immos_role",
    officesClaim: env.IMMOS_OIDC_OFFICES_CLAIM ?? "immos_offices",
    roleMap,
  };
}

const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string")
    : typeof v === "string"
      ? v.split(/[\s,]+/).filter(Boolean)
      : [];

export interface MappedIdentity {
  username: string;
  displayName: string;
  role: Role;
  offices: string[];
}

/** Maps claims to a role and offices; refuses a sign-in that maps to no role. */
export function mapClaims(claims: Record<string, unknown>, m: ClaimMapping): MappedIdentity {
  const rawName = claims[m.usernameClaim] ?? claims.sub;
  const username = String(rawName ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, "-")
    .slice(0, 40);
  if (!/^[a-z][a-z0-9_.-]{1,39}$/.test(username)) {
    throw new AppError("forbidden", `the identity provider's ${m.usernameClaim} is not a usable user name`);
  }
  const candidates = list(claims[m.roleClaim]);
  const role = candidates
    .map((c) => m.roleMap[c] ?? ((roles as readonly string[]).includes(c) ? (c as Role) : undefined))
    .find((r): r is Role => !!r);
  if (!role) throw new AppError("forbidden", `no immos role in the ${m.roleClaim} claim`);
  const offices = list(claims[m.officesClaim]).map((o) => o.toUpperCase());
  const displayName = typeof claims[m.nameClaim] === "string" ? (claims[m.nameClaim] as string) : username;
  return { username, displayName: displayName.slice(0, 200), role, offices };
}

/** Finds or creates the user for (issuer, subject), refreshes role and offices, opens a session. */
export async function signInWithClaims(
  ctx: AppContext,
  issuer: string,
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
) {
  const subject = String(claims.sub ?? "");
  if (!subject) throw new AppError("unauthenticated", "the identity provider sent no subject");
  const who = mapClaims(claims, mapping);
  // Computed outside the transaction: argon2 is slow. A random password nobody knows: SSO users sign in only via SSO.
  const unusablePassword = await hashPassword(newSecret("sso"));
  const session = newSecret("ims");
  const expiresAt = new Date(ctx.now().getTime() + SESSION_HOURS * 3600_000);
  const user = await writeWithAudit(
    ctx,
    "system",
    {
      action: "session.open",
      entity: "user",
      entityId: who.username,
      detail: { via: "oidc", issuer, subject, role: who.role, offices: who.offices },
    },
    async (tx) => {
      const boundId = await userIdOfIdentity(tx, issuer, subject);
      let userId = boundId;
      if (!userId) {
        if (await getUserByName(tx, who.username)) {
          throw new AppError(
            "conflict",
            `user ${who.username} exists and is not linked to this identity provider`,
          );
        }
        userId = randomUUID();
        await insertUser(tx, { id: userId, passwordHash: unusablePassword, ...who });
        await insertIdentity(tx, { issuer, subject, userId, createdAt: ctx.now() });
      } else {
        await updateUserAccess(tx, userId, who.role, who.offices, who.displayName);
      }
      const row = await getUser(tx, userId);
      if (!row?.active) throw new AppError("unauthenticated", "this account is disabled");
      await insertCredential(tx, { hash: secretHash(session), userId, kind: "session", expiresAt });
      return row;
    },
  );
  return {
    session,
    expiresAt,
    user: { username: user.username, displayName: user.displayName, role: user.role, offices: user.offices },
  };
}
