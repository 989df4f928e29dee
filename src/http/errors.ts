/**
 * One JSON error shape for every failure: { error: { code, message, field?, details? } },
 * with the status taken from the code (src/domain/errors.ts).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { AppError, errorCodes } from "../domain/errors.js";

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

function path(parts: readonly PropertyKey[]): string {
  return parts.map(String).join(".");
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: errorCodes[err.code],
      body: { error: { code: err.code, message: err.message, field: err.field, details: err.details } },
    };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = path(issue.path);
    return {
      status: 400,
      body: {
        error: {
          code: "invalid_input",
          message: `${field || "body"}: ${issue.message}`,
          field: field || "body",
        },
      },
    };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const v = fe.validation[0];
    const where = fe.validationContext ?? "body";
    const field = [where === "body" ? "" : where, v.instancePath.replace(/^\//, "").replace(/\//g, ".")]
      .filter(Boolean)
      .join(".");
    return {
      status: 400,
      body: {
        error: { code: "invalid_input", message: `${field || where}: ${v.message}`, field: field || where },
      },
    };
  }
  if (fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (fe.statusCode === 400 && fe instanceof SyntaxError)) {
    return {
      status: 400,
      body: { error: { code: "invalid_input", message: `malformed JSON: ${fe.message}`, field: "body" } },
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.statusCode === 429 ? "rate_limited" : fe.statusCode === 404 ? "not_found" : "invalid_input";
    return {
      status: fe.statusCode,
      body: { error: { code, message: fe.message, field: code === "invalid_input" ? "body" : undefined } },
    };
  }
  return {
    status: 500,
    body: { error: { code: "internal", message: "internal error; it has been logged" } },
  };
}

/**
 * A not_found that names no field is about the resource the URL names: when the route has one path
 * parameter, that parameter is the field (so a client can tell "no such import" from a bad body).
 */
function pathField(req: FastifyRequest): string | undefined {
  const names = Object.keys((req.params as Record<string, unknown> | undefined) ?? {});
  return names.length === 1 ? names[0] : undefined;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorBody(err);
  if (body.error.code === "not_found" && !body.error.field) body.error.field = pathField(req);
  if (status >= 500) req.log.error({ err }, "request failed");
  return reply.status(status).send(body);
}
