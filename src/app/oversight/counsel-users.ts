/** Links a counsel user to the counsel record(s) they act as, so they see their clients' cases and no others. */
import { AppError } from "../../domain/errors.js";
import { linkUserCounsel } from "../../store/repositories/oversight.js";
import { getCounsel } from "../../store/repositories/reference.js";
import { getUserByName } from "../../store/repositories/users.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";

export async function linkCounselUser(
  ctx: AppContext,
  actor: Actor | "system",
  username: string,
  counselId: string,
) {
  if (actor !== "system") authorize(actor, "user.manage");
  const db = ctx.database.db;
  const user = await getUserByName(db, username);
  if (!user) throw new AppError("not_found", `user ${username} not found`, "username");
  if (user.role !== "counsel")
    throw new AppError("invalid_input", `${username} is not a counsel user`, "username");
  if (!(await getCounsel(db, counselId)))
    throw new AppError("not_found", `counsel ${counselId} not found`, "counselId");
  await writeWithAudit(
    ctx,
    actor,
    { action: "user.counsel_link", entity: "user", entityId: username, detail: { counselId } },
    (tx) => linkUserCounsel(tx, user.id, counselId),
  );
  return { username, counselId };
}
