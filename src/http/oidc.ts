/**
 * OpenID Connect sign-in beside the local one (docs/oversight.md):
 * GET /api/v1/auth/oidc/login redirects to the provider (authorization code
 * with PKCE, state and nonce kept server-side for 10 minutes, usable once);
 * GET /api/v1/auth/oidc/callback checks the answer and sets the session
 * cookie. Configured by IMMOS_OIDC_ISSUER, IMMOS_OIDC_CLIENT_ID,
 * IMMOS_OIDC_CLIENT_SECRET, IMMOS_OIDC_REDIRECT_URI (claim names:
 * src/app/oversight/sso.ts). Plain http is allowed only for a provider on
 * localhost / 127.0.0.1 (tests, development).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as oidc from "openid-client";
import { z } from "zod";
import type { AppContext } from "../app/context.js";
import { type ClaimMapping, claimMappingFromEnv, signInWithClaims } from "../app/oversight/sso.js";
import { AppError } from "../domain/errors.js";
import { insertOidcLogin, takeOidcLogin } from "../store/repositories/oversight.js";
import { SESSION_COOKIE } from "./auth.js";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  mapping: ClaimMapping;
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.IMMOS_OIDC_ISSUER;
  const clientId = env.IMMOS_OIDC_CLIENT_ID;
  const redirectUri = env.IMMOS_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return undefined;
  return {
    issuer,
    clientId,
    clientSecret: env.IMMOS_OIDC_CLIENT_SECRET ?? "",
    redirectUri,
    mapping: claimMappingFromEnv(env),
  };
}

const LOGIN_MINUTES = 10;
const localHost = (u: URL) =>
  u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);

export const oidcRoutes =
  (
    ctx: AppContext,
    settings: () => OidcSettings | undefined = () => oidcSettingsFromEnv(),
  ): FastifyPluginAsyncZod =>
  async (app) => {
    let cached: { key: string; config: Promise<oidc.Configuration> } | undefined;
    const configuration = (s: OidcSettings) => {
      const key = `${s.issuer}|${s.clientId}`;
      if (cached?.key !== key) {
        const url = new URL(s.issuer);
        const config = oidc
          .discovery(url, s.clientId, s.clientSecret || undefined, undefined, {
            execute: localHost(url) ? [oidc.allowInsecureRequests] : [],
          })
          .catch((err) => {
            cached = undefined; // try again on the next sign-in
            throw new AppError(
              "unavailable",
              `the identity provider did not answer: ${String(err.message ?? err)}`,
            );
          });
        cached = { key, config };
      }
      return cached.config;
    };
    const required = () => {
      const s = settings();
      if (!s) throw new AppError("not_found", "single sign-on is not configured");
      return s;
    };

    app.get(
      "/auth/oidc/status",
      {
        schema: {
          tags: ["auth"],
          summary: "Whether single sign-on is configured (the sign-in page shows its button)",
          response: { 200: z.object({ enabled: z.boolean() }) },
        },
      },
      async () => ({ enabled: !!settings() }),
    );

    app.get(
      "/auth/oidc/login",
      {
        schema: { tags: ["auth"], summary: "Start single sign-on: redirects to the identity provider" },
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (_req, reply) => {
        const s = required();
        const config = await configuration(s);
        const codeVerifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        await insertOidcLogin(ctx.database.db, {
          state,
          nonce,
          codeVerifier,
          returnTo: "/",
          expiresAt: new Date(ctx.now().getTime() + LOGIN_MINUTES * 60_000),
        });
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: s.redirectUri,
          scope: "openid profile",
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: "S256",
          state,
          nonce,
        });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      "/auth/oidc/callback",
      {
        schema: {
          tags: ["auth"],
          summary: "The identity provider's answer: checks it and sets the session cookie",
          querystring: z.looseObject({ state: z.string().max(200).optional() }),
        },
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (req, reply) => {
        const s = required();
        const config = await configuration(s);
        const pending = req.query.state ? await takeOidcLogin(ctx.database.db, req.query.state) : undefined;
        if (!pending || pending.expiresAt < ctx.now()) {
          throw new AppError("unauthenticated", "this sign-in has expired or was already used; start again");
        }
        // The provider redirected to the configured URI; check the answer against it, with our query string.
        const current = new URL(s.redirectUri);
        current.search = new URL(req.url, "http://callback.invalid").search;
        let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
        try {
          tokens = await oidc.authorizationCodeGrant(config, current, {
            pkceCodeVerifier: pending.codeVerifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          });
        } catch (err) {
          throw new AppError("unauthenticated", `single sign-on failed: ${(err as Error).message}`);
        }
        const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
        let claims = idClaims;
        if (idClaims[s.mapping.roleClaim] === undefined && tokens.access_token) {
          // Many providers put custom claims only in userinfo.
          const info = await oidc.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
          claims = { ...info, ...idClaims };
        }
        const r = await signInWithClaims(ctx, config.serverMetadata().issuer, claims, s.mapping);
        reply.setCookie(SESSION_COOKIE, r.session, {
          path: "/",
          httpOnly: true,
          sameSite: "strict", // set on the redirect; the app's own same-site requests then carry it
          secure: current.protocol === "https:",
          expires: r.expiresAt,
        });
        return reply.redirect(pending.returnTo ?? "/", 302);
      },
    );
  };
