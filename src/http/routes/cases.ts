import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { getCase } from "../../app/get-case.js";
import { listCases } from "../../app/list-cases.js";
import { openCase } from "../../app/open-case.js";
import { recordEvent } from "../../app/record-event.js";
import { requireActor } from "../auth.js";
import { caseParams, caseSummary, eventBody, listQuery, openBody, writeResult } from "./cases.schema.js";

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/cases",
      {
        schema: {
          tags: ["cases"],
          summary: "List and search cases",
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(caseSummary) }) },
        },
      },
      async (req) => ({
        items: await listCases(ctx, requireActor(req), req.query),
      }),
    );

    app.post(
      "/cases",
      {
        schema: {
          tags: ["cases"],
          summary: "Open a case for a person",
          body: openBody,
          response: { 201: writeResult },
        },
      },
      async (req, reply) => {
        const r = await openCase(ctx, requireActor(req), req.body);
        return reply.status(201).send({
          caseId: r.caseId,
          number: r.number,
          version: r.version,
          state: r.state as unknown as Record<string, unknown>,
        });
      },
    );

    app.get(
      "/cases/:id",
      { schema: { tags: ["cases"], summary: "A case: person, state and timeline", params: caseParams } },
      async (req) => getCase(ctx, requireActor(req), req.params.id),
    );

    app.get(
      "/cases/:id/history",
      { schema: { tags: ["cases"], summary: "A case's history of dated events", params: caseParams } },
      async (req) => {
        const c = await getCase(ctx, requireActor(req), req.params.id);
        return { caseId: c.case.id, number: c.case.number, version: c.case.version, events: c.history };
      },
    );

    app.post(
      "/cases/:id/events",
      {
        schema: {
          tags: ["cases"],
          summary: "Append a dated event (optimistic version check)",
          params: caseParams,
          body: eventBody,
          response: { 201: writeResult },
        },
      },
      async (req, reply) => {
        const r = await recordEvent(ctx, requireActor(req), req.params.id, req.body);
        return reply.status(201).send({
          caseId: r.caseId,
          number: r.number,
          seq: r.seq,
          version: r.version,
          state: r.state as unknown as Record<string, unknown>,
        });
      },
    );
  };
