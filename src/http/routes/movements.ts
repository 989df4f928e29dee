/** Removal logistics: movements, manifests, the final gate, departure verification, travel documents. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { addToManifest, addToManifestInput } from "../../app/movements/add-to-manifest.js";
import { boardMovement, boardMovementInput } from "../../app/movements/board-movement.js";
import { caseMovements } from "../../app/movements/case-movements.js";
import { createMovement, createMovementInput } from "../../app/movements/create-movement.js";
import { lockManifest } from "../../app/movements/lock-manifest.js";
import { recordDeparture, recordDepartureInput } from "../../app/movements/record-departure.js";
import {
  requestTravelDocument,
  requestTravelDocumentInput,
} from "../../app/movements/request-travel-document.js";
import { strikeFromManifest, strikeInput } from "../../app/movements/strike.js";
import {
  acknowledgeMovementAlert,
  getMovementView,
  listMovementsInput,
  listMovementsView,
  movementCandidates,
  myAlerts,
} from "../../app/movements/view-movements.js";
import { requireActor } from "../auth.js";
import { caseParams } from "./cases.schema.js";

const movementParams = z.object({ id: z.string().min(1).describe("movement id (UUID) or number") });
const tags = ["movements"];

export const movementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/movements",
      { schema: { tags, summary: "Movements of your offices", querystring: listMovementsInput } },
      async (req) => ({ items: await listMovementsView(ctx, requireActor(req), req.query) }),
    );

    app.post(
      "/movements",
      { schema: { tags, summary: "Create a flight or ground movement", body: createMovementInput } },
      async (req, reply) => reply.status(201).send(await createMovement(ctx, requireActor(req), req.body)),
    );

    app.get(
      "/movements/alerts",
      { schema: { tags, summary: "Your open gate alerts (movements you are in charge of)" } },
      async (req) => ({ items: await myAlerts(ctx, requireActor(req)) }),
    );

    app.post(
      "/movements/alerts/:alertId/acknowledge",
      { schema: { tags, summary: "Acknowledge a gate alert", params: z.object({ alertId: z.uuid() }) } },
      async (req) => acknowledgeMovementAlert(ctx, requireActor(req), req.params.alertId),
    );

    app.get(
      "/movements/:id",
      {
        schema: {
          tags,
          summary: "A movement, its manifest with each verdict, and alerts",
          params: movementParams,
        },
      },
      async (req) => getMovementView(ctx, requireActor(req), req.params.id),
    );

    app.get(
      "/movements/:id/candidates",
      {
        schema: {
          tags,
          summary: "People with an order to the movement's country who are not on it",
          params: movementParams,
        },
      },
      async (req) => ({ items: await movementCandidates(ctx, requireActor(req), req.params.id) }),
    );

    app.post(
      "/movements/:id/manifest",
      {
        schema: {
          tags,
          summary: "Add a person (manifest.add through the law engine)",
          params: movementParams,
          body: addToManifestInput,
        },
      },
      async (req, reply) => {
        const r = await addToManifest(ctx, requireActor(req), req.params.id, req.body);
        if (r.status === "blocked")
          return reply.status(422).send({
            error: {
              code: "blocked_by_law",
              message: `not added: ${r.reasons}`,
              field: "caseId",
              details: r,
            },
          });
        return reply.status(201).send(r);
      },
    );

    app.post(
      "/movements/:id/lock",
      {
        schema: {
          tags,
          summary: "Lock the manifest; the final gate re-checks everyone",
          params: movementParams,
        },
      },
      async (req) => lockManifest(ctx, requireActor(req), req.params.id),
    );

    app.post(
      "/movements/:id/board",
      {
        schema: {
          tags,
          summary: "Boarding completed; the final gate (flight.depart) re-checks everyone",
          params: movementParams,
          body: boardMovementInput,
        },
      },
      async (req) => boardMovement(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/movements/:id/strike",
      {
        schema: {
          tags,
          summary: "Strike a person by hand, with a reason",
          params: movementParams,
          body: strikeInput,
        },
      },
      async (req) => strikeFromManifest(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/movements/:id/departures",
      {
        schema: {
          tags,
          summary: "Departure verification (I-296): records the removal and closes the case",
          params: movementParams,
          body: recordDepartureInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await recordDeparture(ctx, requireActor(req), req.params.id, req.body)),
    );

    app.get(
      "/cases/:id/movements",
      {
        schema: {
          tags,
          summary: "Where the person stands: travel documents and manifests",
          params: caseParams,
        },
      },
      async (req) => caseMovements(ctx, requireActor(req), req.params.id),
    );

    app.post(
      "/cases/:id/travel-documents/requests",
      {
        schema: {
          tags,
          summary: "Request a travel document from a consulate (redacted to identity data, CONF-01)",
          params: caseParams,
          body: requestTravelDocumentInput,
        },
      },
      async (req, reply) => {
        const r = await requestTravelDocument(ctx, requireActor(req), req.params.id, req.body);
        if (r.status === "blocked")
          return reply.status(422).send({
            error: {
              code: "blocked_by_law",
              message: `blocked: ${r.verdict.findings
                .filter((f) => f.outcome === "BLOCK")
                .map((f) => `${f.rule}: ${f.message}`)
                .join(" ")}`,
              details: r,
            },
          });
        return reply.status(r.status === "done" ? 201 : 202).send(r);
      },
    );
  };
