/**
 * The HTTP server: the API under /api/v1 (Zod schemas, OpenAPI 3.1 at
 * /api/openapi.json, a browsable reference at /api/docs), /api/health, and
 * the built web app. Routes are thin: parse, call one use case, shape.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "../app/context.js";
import { registerAuth } from "./auth.js";
import { registerCsrf } from "./csrf.js";
import { errorHandler } from "./errors.js";
import { registerMetrics } from "./metrics.js";
import { extraRoutes } from "./routes/index.js";

export const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export interface ServerOptions {
  logger?: boolean | object;
  serveWeb?: boolean;
  operatorToken?: string;
}

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "immos API",
        version: "1",
        description: "Immigration case operations with a law engine that refuses unlawful actions.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "immos_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  registerAuth(app, ctx, opts.operatorToken);
  registerCsrf(app);
  registerMetrics(app, ctx);

  app.get(
    "/api/health",
    { schema: { tags: ["operations"], summary: "Liveness and the database's state" } },
    async (_req, reply) => {
      try {
        await ctx.database.db.execute("select 1");
        return { status: "ok", database: { kind: ctx.database.kind, status: "up" } };
      } catch (err) {
        return reply.status(503).send({
          status: "degraded",
          database: { kind: ctx.database.kind, status: "down", error: String(err) },
        });
      }
    },
  );
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(
    async (api) => {
      for (const plugin of extraRoutes(ctx)) await api.register(plugin);
    },
    { prefix: "/api/v1" },
  );
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api/") || opts.serveWeb === false || !existsSync(webRoot)) {
      return reply
        .status(404)
        .send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } });
    }
    return reply.type("text/html").sendFile("index.html", webRoot);
  });
  if (opts.serveWeb !== false && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  }
  return app;
}
