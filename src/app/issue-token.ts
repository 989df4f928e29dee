import { AppError } from "../domain/errors.js";
import { getUserByName, insertCredential } from "../store/repositories/users.js";
import { type Actor, authorize } from "./access.js";
import { type AppContext, writeWithAudit } from "./context.js";
import { newSecret, secretHash } from "./credentials.js";

/** A bearer token for the API and CLI. Printed once; only its hash is kept. */
export async function issueToken(ctx: AppContext, actor: Actor | "system", username: string, label = "cli") {
  if (actor !== "system" && actor.username !== username) authorize(actor, "user.manage");
  const token = newSecret("imt");
  await writeWithAudit(
    ctx,
    actor,
    { action: "token.issue", entity: "user", entityId: username, detail: { label } },
    async (tx) => {
      const user = await getUserByName(tx, username);
      if (!user) throw new AppError("not_found", `no user named ${username}`, "username");
      await insertCredential(tx, { hash: secretHash(token), userId: user.id, kind: "token", label });
    },
  );
  return token;
}
