import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize } from "../../app/access.js";
import type { AppContext } from "../../app/context.js";
import { listCourts, listFacilities, listOffices } from "../../store/repositories/reference.js";
import { requireActor } from "../auth.js";

export const referenceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.database.db;
    app.get(
      "/offices",
      { schema: { tags: ["reference"], summary: "Offices (areas of responsibility)" } },
      async (req) => {
        authorize(requireActor(req), "reference.read");
        return { items: await listOffices(db) };
      },
    );
    app.get("/courts", { schema: { tags: ["reference"], summary: "Immigration courts" } }, async (req) => {
      authorize(requireActor(req), "reference.read");
      return { items: await listCourts(db) };
    });
    app.get(
      "/facilities",
      { schema: { tags: ["reference"], summary: "Detention facilities" } },
      async (req) => {
        authorize(requireActor(req), "reference.read");
        return { items: await listFacilities(db) };
      },
    );
  };
