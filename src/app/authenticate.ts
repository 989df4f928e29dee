import { counselIdsOfUser } from "../store/repositories/oversight.js";
import { deleteCredential, userByCredential } from "../store/repositories/users.js";
import type { Actor, Role } from "./access.js";
import type { AppContext } from "./context.js";
import { secretHash } from "./credentials.js";

/** The actor behind a bearer token or session secret, or undefined. */
export async function authenticate(ctx: AppContext, secret: string | undefined): Promise<Actor | undefined> {
  if (!secret) return undefined;
  const user = await userByCredential(ctx.database.db, secretHash(secret), ctx.now());
  if (!user) return undefined;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    offices: user.offices,
    // Counsel reach cases by representation (src/app/access.ts): which counsel records this user acts as.
    ...(user.role === "counsel" ? { counselIds: await counselIdsOfUser(ctx.database.db, user.id) } : {}),
  };
}

export async function signOut(ctx: AppContext, secret: string): Promise<void> {
  await deleteCredential(ctx.database.db, secretHash(secret));
}
