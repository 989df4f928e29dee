import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { getUserByName, insertCredential } from "../store/repositories/users.js";
import { type AppContext, writeWithAudit } from "./context.js";
import { newSecret, secretHash, verifyPassword } from "./credentials.js";

export const signInInput = z.object({ username: z.string().min(1), password: z.string().min(1) });
export const SESSION_HOURS = 12;

/** Password sign-in for the web: returns a session secret for an http-only cookie. */
export async function signIn(ctx: AppContext, input: z.infer<typeof signInInput>) {
  const user = await getUserByName(ctx.database.db, input.username);
  const ok = user?.active && (await verifyPassword(user.passwordHash, input.password));
  if (!user || !ok) throw new AppError("unauthenticated", "wrong user name or password");
  const session = newSecret("ims");
  const expiresAt = new Date(ctx.now().getTime() + SESSION_HOURS * 3600_000);
  await writeWithAudit(
    ctx,
    "system",
    { action: "session.open", entity: "user", entityId: user.username },
    (tx) => insertCredential(tx, { hash: secretHash(session), userId: user.id, kind: "session", expiresAt }),
  );
  return {
    session,
    expiresAt,
    user: { username: user.username, displayName: user.displayName, role: user.role, offices: user.offices },
  };
}
