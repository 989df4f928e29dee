import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { signOut } from "../../app/authenticate.js";
import type { AppContext } from "../../app/context.js";
import { createUser, createUserInput } from "../../app/create-user.js";
import { issueToken } from "../../app/issue-token.js";
import { signIn, signInInput } from "../../app/sign-in.js";
import { requireActor, SESSION_COOKIE } from "../auth.js";

const me = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  offices: z.array(z.string()),
});

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/auth/sign-in",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with a password; sets the session cookie",
          body: signInInput,
          response: { 200: z.object({ user: me }) },
        },
        config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
      },
      async (req, reply) => {
        const r = await signIn(ctx, req.body);
        reply.setCookie(SESSION_COOKIE, r.session, {
          path: "/",
          httpOnly: true,
          sameSite: "strict",
          secure: req.protocol === "https",
          expires: r.expiresAt,
        });
        return { user: r.user };
      },
    );

    app.post(
      "/auth/sign-out",
      { schema: { tags: ["auth"], summary: "End the session" } },
      async (req, reply) => {
        if (req.credential) await signOut(ctx, req.credential);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return { ok: true };
      },
    );

    app.get(
      "/me",
      { schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: me } } },
      async (req) => {
        const a = requireActor(req);
        return { username: a.username, displayName: a.displayName, role: a.role, offices: a.offices };
      },
    );

    app.post(
      "/users",
      { schema: { tags: ["users"], summary: "Create a user (admin)", body: createUserInput } },
      async (req, reply) => reply.status(201).send(await createUser(ctx, requireActor(req), req.body)),
    );

    app.post(
      "/users/:username/tokens",
      {
        schema: {
          tags: ["users"],
          summary: "Issue a bearer token",
          params: z.object({ username: z.string() }),
          response: { 201: z.object({ token: z.string() }) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send({ token: await issueToken(ctx, requireActor(req), req.params.username, "api") }),
    );
  };
