import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { seedDemo } from "../../app/seed-demo.js";
import { requireActor } from "../auth.js";

export const seedBody = z.object({
  persons: z.number().int().min(0).max(2_000_000).default(2000),
  seed: z.number().int().default(1),
});

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/admin/seed",
      { schema: { tags: ["operations"], summary: "Load the synthetic demo data (admin)", body: seedBody } },
      async (req) => seedDemo(ctx, requireActor(req), req.body),
    );
  };
