/**
 * Analytics, exports, the data dictionary and integrity checks. Drill-downs
 * and exports answer JSON or, with ?format=csv, a CSV file whose rows pass
 * through the case list's own response schema (same columns, same redaction).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { forecastInput, getForecast } from "../../app/analytics/capacity-forecast.js";
import { type CsvValue, toCsv } from "../../app/analytics/csv.js";
import { analyticsFilter, getDashboard } from "../../app/analytics/dashboard.js";
import { dictionaryMarkdown, getDataDictionary } from "../../app/analytics/data-dictionary.js";
import { drilldownInput, getDrilldown } from "../../app/analytics/drilldown.js";
import { exportCases } from "../../app/analytics/export-cases.js";
import { checkInput, runChecks } from "../../app/checks/integrity.js";
import type { AppContext } from "../../app/context.js";
import { listCasesInput } from "../../app/list-cases.js";
import { requireActor } from "../auth.js";
import { caseSummary } from "./cases.schema.js";

const format = z.object({ format: z.enum(["json", "csv"]).default("json") });
const caseColumns = Object.keys(caseSummary.shape);
/** The list's filters; paging is optional here (without a limit, every row). */
const exportQuery = listCasesInput
  .omit({ limit: true, offset: true })
  .extend({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .extend({ format: z.enum(["csv", "json"]).default("csv") });

function csvReply(reply: import("fastify").FastifyReply, name: string, body: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}"`)
    .header("cache-control", "no-store")
    .send(body);
}

export const analyticsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/analytics/dashboard",
      {
        schema: {
          tags: ["analytics"],
          summary: "Dashboard figures for your offices",
          querystring: analyticsFilter,
        },
      },
      async (req) => getDashboard(ctx, requireActor(req), req.query),
    );

    app.get(
      "/analytics/drilldown",
      {
        schema: {
          tags: ["analytics"],
          summary: "The records behind one dashboard figure (needs case.read); ?format=csv for a file",
          querystring: drilldownInput.extend(format.shape),
        },
      },
      async (req, reply) => {
        const { format: fmt, ...query } = req.query;
        const d = await getDrilldown(ctx, requireActor(req), query);
        const items = d.items.map(({ detail, ...row }) => ({ ...caseSummary.parse(row), ...detail }));
        if (fmt === "csv") {
          const name = `drilldown-${d.key.replace(/[^A-Za-z0-9_-]+/g, "_")}.csv`;
          return csvReply(
            reply,
            name,
            toCsv([...caseColumns, ...d.detailColumns], items as Record<string, CsvValue>[]),
          );
        }
        return { ...d, items };
      },
    );

    app.get(
      "/analytics/forecast",
      {
        schema: {
          tags: ["analytics"],
          summary: "A facility's daily population 30 and 90 days ahead, with intervals and backtest",
          querystring: forecastInput,
        },
      },
      async (req) => getForecast(ctx, requireActor(req), req.query),
    );

    app.get(
      "/exports/cases",
      {
        schema: {
          tags: ["cases"],
          summary: "The case list (same filters and access as GET /cases) as CSV; without limit, every page",
          querystring: exportQuery,
        },
      },
      async (req, reply) => {
        const { format: fmt, ...query } = req.query;
        const rows = (await exportCases(ctx, requireActor(req), query)).map((r) => caseSummary.parse(r));
        if (fmt === "json") return { items: rows };
        return csvReply(reply, "cases.csv", toCsv(caseColumns, rows as Record<string, CsvValue>[]));
      },
    );

    app.get(
      "/data-dictionary",
      {
        schema: {
          tags: ["reference"],
          summary: "Every stored and exported field, generated from the schema; ?format=md for Markdown",
          querystring: z.object({ format: z.enum(["json", "md"]).default("json") }),
        },
      },
      async (req, reply) => {
        const d = await getDataDictionary(requireActor(req));
        if (req.query.format === "md")
          return reply.type("text/markdown; charset=utf-8").send(dictionaryMarkdown(d));
        return d;
      },
    );

    app.get(
      "/checks",
      {
        schema: {
          tags: ["operations"],
          summary:
            "Integrity checks: stuck cases, projections vs history, unattended deadlines, two facilities",
          querystring: checkInput,
        },
      },
      async (req) => runChecks(ctx, requireActor(req), req.query),
    );
  };
