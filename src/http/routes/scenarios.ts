import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize } from "../../app/access.js";
import type { AppContext } from "../../app/context.js";
import { toJson } from "../../app/run-scenarios.js";
import { evaluateScenario } from "../../law/evaluate-scenario.js";
import { scenarioSchema } from "../../law/scenario.js";
import { requireActor } from "../auth.js";

export const scenarioRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/scenarios/evaluate",
      {
        schema: {
          tags: ["law"],
          summary: "Evaluate a scenario (docs/scenarios.md) and compare with its expect",
          body: scenarioSchema,
        },
      },
      async (req) => {
        authorize(requireActor(req), "law.evaluate");
        return toJson(evaluateScenario(req.body, "request"));
      },
    );
  };
