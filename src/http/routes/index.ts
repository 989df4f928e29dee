/** Every /api/v1 route plugin. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context.js";
import { oidcRoutes } from "../oidc.js";
import { actionRoutes } from "./actions.js";
import { adminRoutes } from "./admin.js";
import { analyticsRoutes } from "./analytics.js";
import { auditRoutes } from "./audit.js";
import { authRoutes } from "./auth.js";
import { caseRoutes } from "./cases.js";
import { detentionRoutes } from "./detention.js";
import { documentRoutes } from "./documents.js";
import { integrationRoutes } from "./integration.js";
import { movementRoutes } from "./movements.js";
import { queueRoutes } from "./queues.js";
import { referenceRoutes } from "./reference.js";
import { scenarioRoutes } from "./scenarios.js";

export function extraRoutes(ctx: AppContext): FastifyPluginAsyncZod[] {
  return [
    authRoutes(ctx),
    oidcRoutes(ctx),
    auditRoutes(ctx),
    analyticsRoutes(ctx),
    caseRoutes(ctx),
    referenceRoutes(ctx),
    adminRoutes(ctx),
    scenarioRoutes(ctx),
    actionRoutes(ctx),
    queueRoutes(ctx),
    documentRoutes(ctx),
    movementRoutes(ctx),
    detentionRoutes(ctx),
    integrationRoutes(ctx),
  ];
}
