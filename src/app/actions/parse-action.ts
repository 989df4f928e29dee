import { ZodError } from "zod";
import { AppError } from "../../domain/errors.js";
import type { Action } from "../../law/types.js";
import { actionSpec, actionTypes } from "./catalog.js";

/** Validates an action against its type's schema; errors name the field as `action.<field>`. */
export function parseAction(raw: unknown) {
  const type = (raw as { type?: unknown })?.type;
  const spec = typeof type === "string" ? actionSpec(type) : undefined;
  if (!spec) {
    throw new AppError(
      "invalid_input",
      `unknown action type ${JSON.stringify(type)}; one of ${actionTypes.join(", ")}`,
      "action.type",
    );
  }
  try {
    return { spec, action: spec.schema.parse(raw) as Action };
  } catch (e) {
    if (e instanceof ZodError) {
      const issue = e.issues[0];
      const field = ["action", ...issue.path.map(String)].join(".");
      throw new AppError("invalid_input", `${field}: ${issue.message}`, field);
    }
    throw e;
  }
}
