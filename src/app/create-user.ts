import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { getUserByName, insertUser } from "../store/repositories/users.js";
import { type Actor, authorize, roles } from "./access.js";
import { type AppContext, writeWithAudit } from "./context.js";
import { hashPassword } from "./credentials.js";

export const createUserInput = z.object({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{1,39}$/, "lower-case letters, digits, . _ -; 2 to 40 characters"),
  displayName: z.string().min(1).max(200),
  password: z.string().min(8, "at least 8 characters"),
  role: z.enum(roles),
  offices: z.array(z.string().min(1)).default([]),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export async function createUser(ctx: AppContext, actor: Actor | "system", input: CreateUserInput) {
  if (actor !== "system") authorize(actor, "user.manage");
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return writeWithAudit(
    ctx,
    actor,
    {
      action: "user.create",
      entity: "user",
      entityId: id,
      detail: { username: input.username, role: input.role, offices: input.offices },
    },
    async (tx) => {
      if (await getUserByName(tx, input.username)) {
        throw new AppError("conflict", `user ${input.username} already exists`, "username");
      }
      await insertUser(tx, {
        id,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        offices: input.offices,
      });
      return { id, username: input.username, role: input.role, offices: input.offices };
    },
  );
}
