/** Resolves the actor of a request from a bearer token or the session cookie. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Actor, operatorActor } from "../app/access.js";
import { authenticate } from "../app/authenticate.js";
import type { AppContext } from "../app/context.js";
import { AppError } from "../domain/errors.js";

export const SESSION_COOKIE = "immos_session";

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
    credential?: string;
  }
}

export function credentialOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE];
}

/**
 * `operatorToken`: a secret held in memory by this process and written only to
 * the 0600 lock file, so a CLI on the same machine acts as the local operator.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext, operatorToken?: string) {
  app.decorateRequest("actor", undefined);
  app.decorateRequest("credential", undefined);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const secret = credentialOf(req);
    req.credential = secret;
    req.actor =
      operatorToken && secret === operatorToken ? { ...operatorActor } : await authenticate(ctx, secret);
    // Purpose of access (docs/oversight.md): the X-Purpose header, or ?purpose= for links and downloads.
    const queryPurpose = (req.query as { purpose?: unknown } | undefined)?.purpose;
    const purpose = req.headers["x-purpose"] ?? (typeof queryPurpose === "string" ? queryPurpose : undefined);
    if (req.actor && typeof purpose === "string" && purpose.trim())
      req.actor.purpose = purpose.trim().slice(0, 200);
  });
}

/** For routes that need a signed-in user; the access check proper happens in the use case. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor)
    throw new AppError("unauthenticated", "sign in first (session cookie or Authorization: Bearer <token>)");
  return req.actor;
}
