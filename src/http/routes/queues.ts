import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { sweepDeadlines, sweepInput } from "../../app/deadlines/sweep.js";
import {
  assignInput,
  assignTask,
  completeTask,
  holdInput,
  holdTask,
  myQueue,
  officeQueue,
  queueQuery,
} from "../../app/queues/queues.js";
import { requireActor } from "../auth.js";

const taskParams = z.object({ id: z.uuid() });

export const queueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/deadlines/sweep",
      {
        schema: {
          tags: ["queues"],
          summary:
            "Compute every case's deadlines, list due and overdue ones, bring the work queues up to date",
          body: sweepInput,
        },
      },
      async (req) => sweepDeadlines(ctx, requireActor(req), req.body),
    );

    app.get(
      "/queues/mine",
      { schema: { tags: ["queues"], summary: "Open tasks assigned to you", querystring: queueQuery } },
      async (req) => myQueue(ctx, requireActor(req), req.query),
    );

    app.get(
      "/queues/:office",
      {
        schema: {
          tags: ["queues"],
          summary:
            "An office's open tasks, earliest due first, then oldest; held tasks hidden until the hold ends",
          params: z.object({ office: z.string().min(1) }),
          querystring: queueQuery,
        },
      },
      async (req) => officeQueue(ctx, requireActor(req), req.params.office, req.query),
    );

    app.post(
      "/tasks/:id/assign",
      {
        schema: {
          tags: ["queues"],
          summary: 'Assign a task ({ "userId": "<uuid>" | "me" })',
          params: taskParams,
          body: assignInput,
        },
      },
      async (req) => assignTask(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/tasks/:id/hold",
      {
        schema: {
          tags: ["queues"],
          summary: "Hold a task until a time; it returns to the queue by itself then",
          params: taskParams,
          body: holdInput,
        },
      },
      async (req) => holdTask(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/tasks/:id/done",
      { schema: { tags: ["queues"], summary: "Mark a task done", params: taskParams } },
      async (req) => completeTask(ctx, requireActor(req), req.params.id),
    );
  };
