/**
 * A real immos for a test: a fresh database with the reference data and demo
 * users, the HTTP server (in-process, via inject), and signed-in helpers.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { issueToken } from "../../src/app/issue-token.js";
import { seedDemo } from "../../src/app/seed-demo.js";
import { buildServer } from "../../src/http/server.js";
import { type Backend, freshDatabase } from "./databases.js";

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  token(username: string): Promise<string>;
  /** An injected request as a user; returns status and parsed JSON. */
  as(
    username: string,
  ): (method: string, url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startTestApp(
  kind: Backend,
  opts: { persons?: number; today?: string } = {},
): Promise<TestApp> {
  const database = await freshDatabase(kind);
  const fixed = opts.today ? new Date(`${opts.today}T15:00:00Z`) : undefined;
  const ctx: AppContext = { database, now: () => fixed ?? new Date() };
  await seedDemo(ctx, "system", { persons: opts.persons ?? 0, seed: 1 });
  const app = await buildServer(ctx, { serveWeb: false });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    let t = tokens.get(username);
    if (!t) {
      t = await issueToken(ctx, "system", username, "test");
      tokens.set(username, t);
    }
    return t;
  };
  return {
    ctx,
    app,
    token,
    as: (username) => async (method, url, body) => {
      const t = await token(username);
      const res = await app.inject({
        method: method as "GET",
        url,
        headers: { authorization: `Bearer ${t}` },
        ...(body === undefined
          ? {}
          : typeof body === "string"
            ? { payload: body, headers: { authorization: `Bearer ${t}`, "content-type": "application/json" } }
            : { payload: body as object }),
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
