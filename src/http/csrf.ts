/**
 * Cross-site request forgery protection for the cookie session
 * (docs/oversight.md). A state-changing request (not GET/HEAD/OPTIONS) to the
 * API that is not authenticated by a bearer token passes if either
 * - it carries X-CSRF-Token equal to the `immos_csrf` cookie (double submit;
 *   the web app sends it, src/web/api.ts), or
 * - the browser's own provenance headers say it is same-origin: Sec-Fetch-Site
 *   is same-origin or none, or, without Sec-Fetch-Site, Origin equals this
 *   server's origin. A request with neither header does not come from a
 *   modern browser, so no forged page can have made it (the rule Go 1.25's
 *   CrossOriginProtection uses); it passes.
 * Everything else is refused with 403 before any use case runs.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.js";
import { toErrorBody } from "./errors.js";

export const CSRF_COOKIE = "immos_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why the request is refused, or null when it may go ahead. */
export function csrfRefusal(req: FastifyRequest): string | null {
  if (SAFE.has(req.method) || !req.url.startsWith("/api/")) return null;
  if (req.headers.authorization?.startsWith("Bearer ")) return null;
  const header = req.headers[CSRF_HEADER];
  const cookie = req.cookies?.[CSRF_COOKIE];
  if (typeof header === "string" && cookie && sameToken(header, cookie)) return null;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") {
    return site === "same-origin" || site === "none" ? null : `a ${site} request may not change anything`;
  }
  const origin = req.headers.origin;
  if (typeof origin === "string") {
    const own = `${req.protocol}://${req.headers.host}`;
    return origin === own ? null : `requests from ${origin} may not change anything here`;
  }
  return null;
}

export function registerCsrf(app: FastifyInstance) {
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const refusal = csrfRefusal(req);
    if (refusal) {
      const { status, body } = toErrorBody(
        new AppError("forbidden", `cross-site request refused: ${refusal}`),
      );
      return reply.status(status).send(body);
    }
    // Hand the web app its double-submit token (readable by the page's script, not by other sites), on reads
    // only, so that a sign-in answer carries just the session cookie (the app reads /me right after).
    if (SAFE.has(req.method) && req.url.startsWith("/api/") && !req.cookies?.[CSRF_COOKIE]) {
      reply.setCookie(CSRF_COOKIE, randomBytes(24).toString("base64url"), {
        path: "/",
        sameSite: "strict",
        httpOnly: false,
        secure: req.protocol === "https",
      });
    }
  });
}
