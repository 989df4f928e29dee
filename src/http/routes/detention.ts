/** Detention: population board, placement proposals, counsel notices (docs/detention.md). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { acceptInput, acceptRecommendation } from "../../app/detention/accept.js";
import { boardQuery, facilityPeople, populationBoard } from "../../app/detention/board.js";
import {
  counselNoticeSweep,
  noticeSweepInput,
  notifyCounsel,
  notifyInput,
} from "../../app/detention/counsel-notice.js";
import { recentProposals, showProposal } from "../../app/detention/proposals.js";
import { proposeInput, proposePlacement } from "../../app/detention/propose.js";
import { setFactsInput, setPlacementFacts } from "../../app/detention/set-facts.js";
import { requireActor } from "../auth.js";
import { caseParams } from "./cases.schema.js";

const tags = ["detention"];
const proposalParams = z.object({ id: z.uuid() });

export const detentionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/detention/board",
      {
        schema: {
          tags,
          summary: "Each facility's occupancy against capacity by sex and level, now and per day",
          querystring: boardQuery,
        },
      },
      async (req) => populationBoard(ctx, requireActor(req), req.query),
    );

    app.get(
      "/detention/facilities/:code/people",
      {
        schema: {
          tags,
          summary: "The people held at a facility for your offices (others are only counted)",
          params: z.object({ code: z.string().min(1) }),
        },
      },
      async (req) => facilityPeople(ctx, requireActor(req), req.params.code),
    );

    app.post(
      "/detention/proposals",
      {
        schema: {
          tags,
          summary:
            "Propose placements (new arrivals, a rebalancing, or listed cases); solved in a worker thread",
          body: proposeInput,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const { id } = await proposePlacement(ctx, actor, req.body);
        return reply.status(201).send(await showProposal(ctx, actor, id));
      },
    );

    app.get(
      "/detention/proposals",
      { schema: { tags, summary: "Recent proposals of your offices" } },
      async (req) => ({ items: await recentProposals(ctx, requireActor(req)) }),
    );

    app.get(
      "/detention/proposals/:id",
      {
        schema: {
          tags,
          summary: "A proposal with each recommendation and its reason",
          params: proposalParams,
        },
      },
      async (req) => showProposal(ctx, requireActor(req), req.params.id),
    );

    app.post(
      "/detention/proposals/:id/cases/:case/accept",
      {
        schema: {
          tags,
          summary: "Accept a recommendation: the transfer action, through the law engine",
          params: z.object({ id: z.uuid(), case: z.string().min(1) }),
          body: acceptInput,
        },
      },
      async (req, reply) => {
        const r = await acceptRecommendation(
          ctx,
          requireActor(req),
          req.params.id,
          req.params.case,
          req.body,
        );
        if (r.outcome.status === "blocked") {
          return reply.status(422).send({
            error: {
              code: "blocked_by_law",
              message: `blocked: ${r.outcome.verdict.findings
                .filter((f) => f.outcome === "BLOCK")
                .map((f) => f.message)
                .join(" ")}`,
              details: r,
            },
          });
        }
        return reply.status(r.outcome.status === "done" ? 201 : 202).send(r);
      },
    );

    app.put(
      "/detention/cases/:id/placement-facts",
      {
        schema: {
          tags,
          summary: "Record the person's security level, medical need, facility kind and family place",
          params: caseParams,
          body: setFactsInput,
        },
      },
      async (req) => setPlacementFacts(ctx, requireActor(req), req.params.id, req.body),
    );

    app.post(
      "/detention/cases/:id/counsel-notice",
      {
        schema: {
          tags,
          summary: "Send counsel of record the notice of the latest (or a given) transfer",
          params: caseParams,
          body: notifyInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await notifyCounsel(ctx, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      "/detention/counsel-notices/sweep",
      {
        schema: {
          tags,
          summary: "Recent transfers and their counsel notices; a task for each overdue one",
          body: noticeSweepInput,
        },
      },
      async (req) => counselNoticeSweep(ctx, requireActor(req), req.body),
    );
  };
