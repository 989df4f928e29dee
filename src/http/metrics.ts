/**
 * Operations: GET /metrics in the Prometheus text format (prom-client), with
 * the duration of every HTTP request by route pattern, method and status,
 * the process's own metrics, and the number of cases at each stage, counted
 * when scraped. Each server gets its own registry (tests build several).
 * The endpoint shows only aggregate counts, never a record; set
 * IMMOS_METRICS_TOKEN to require `Authorization: Bearer <token>` for it.
 *
 * Every response also carries the request id (x-request-id), the same id
 * each JSON log line of the request has as `reqId`.
 */
import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppContext } from "../app/context.js";
import { stages } from "../domain/case-state.js";
import { cases } from "../store/schema.js";

export function registerMetrics(
  app: FastifyInstance,
  ctx: AppContext,
  token = process.env.IMMOS_METRICS_TOKEN,
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "immos_" });
  const duration = new Histogram({
    name: "immos_http_request_duration_seconds",
    help: "Duration of HTTP requests by route pattern, method and status code",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "immos_cases",
    help: "Cases by stage (from the stored projection), counted at scrape time",
    labelNames: ["stage"] as const,
    registers: [registry],
    async collect() {
      const rows = await ctx.database.db
        .select({ stage: cases.stage, n: count() })
        .from(cases)
        .groupBy(cases.stage);
      const byStage = new Map(rows.map((r) => [r.stage, Number(r.n)]));
      this.reset();
      for (const s of new Set([...stages, ...byStage.keys()])) this.set({ stage: s }, byStage.get(s) ?? 0);
    },
  });

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.addHook("onResponse", async (req, reply) => {
    // The route pattern, not the URL: /api/v1/cases/:id is one series, not one per case.
    const route = req.routeOptions.url ?? "unmatched";
    duration.observe(
      { route, method: req.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    if (token && req.headers.authorization !== `Bearer ${token}`)
      return reply
        .status(401)
        .send({ error: { code: "unauthenticated", message: "metrics token required" } });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
