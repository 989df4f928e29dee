import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  caseDeadlines,
  catalog,
  evaluateAction,
  evaluateActionInput,
} from "../../app/actions/evaluate-action.js";
import { takeAction, takeActionInput } from "../../app/actions/take-action.js";
import type { AppContext } from "../../app/context.js";
import { decideReview, decideReviewInput, listPendingReviews } from "../../app/reviews.js";
import { isoDate } from "../../domain/events.js";
import { requireActor } from "../auth.js";
import { caseParams } from "./cases.schema.js";

export const actionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/actions",
      { schema: { tags: ["law"], summary: "The action types, with their fields as JSON Schema" } },
      async (req) => {
        requireActor(req);
        return { items: catalog() };
      },
    );

    app.post(
      "/cases/:id/actions/evaluate",
      {
        schema: {
          tags: ["law"],
          summary: "The verdict an action would get (nothing is written)",
          params: caseParams,
          body: evaluateActionInput,
        },
      },
      async (req) => evaluateAction(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/cases/:id/actions",
      {
        schema: {
          tags: ["law"],
          summary: "Take an action through the law engine",
          params: caseParams,
          body: takeActionInput,
        },
      },
      async (req, reply) => {
        const r = await takeAction(ctx, requireActor(req), req.params.id, req.body);
        if (r.status === "blocked") {
          return reply.status(422).send({
            error: {
              code: "blocked_by_law",
              // A delegated action's own gate (the manifest's) also refuses on REVIEW: name those findings too.
              message: `blocked: ${r.verdict.findings
                .filter((f) => f.outcome === r.verdict.outcome)
                .map((f) => `${f.rule}: ${f.message}`)
                .join(" ")}`,
              details: r,
            },
          });
        }
        return reply.status(r.status === "done" ? 201 : 202).send(r);
      },
    );

    app.get(
      "/cases/:id/deadlines",
      {
        schema: {
          tags: ["law"],
          summary: "Deadlines computed from the case's history",
          params: caseParams,
          querystring: z.object({ asOf: isoDate.optional() }),
        },
      },
      async (req) => ({
        items: await caseDeadlines(ctx, requireActor(req), req.params.id, req.query.asOf),
      }),
    );

    app.get(
      "/reviews",
      {
        schema: {
          tags: ["law"],
          summary: "The review queue of your offices",
          querystring: z.object({
            status: z.enum(["pending", "approved", "denied", "used"]).default("pending"),
          }),
        },
      },
      async (req) => ({
        items: await listPendingReviews(ctx, requireActor(req), req.query.status),
      }),
    );

    app.post(
      "/reviews/:reviewId/decision",
      {
        schema: {
          tags: ["law"],
          summary: "Approve or deny a review with a written reason",
          params: z.object({ reviewId: z.uuid() }),
          body: decideReviewInput,
        },
      },
      async (req) => decideReview(ctx, requireActor(req), req.params.reviewId, req.body),
    );
  };
