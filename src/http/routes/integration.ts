/** Imports, link reviews, person merges and splits, and persons by id (following redirects). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { decideLinkReview, decisionInput } from "../../app/integration/decide-link-review.js";
import {
  batchInput,
  finishLoading,
  importBatch,
  startImport,
  startImportInput,
} from "../../app/integration/import-file.js";
import { linkImport } from "../../app/integration/link-source-record.js";
import { getImportView, importsQuery, listImports } from "../../app/integration/list-imports.js";
import {
  getLinkReviewView,
  linkReviewQuery,
  listLinkReviews,
} from "../../app/integration/list-link-reviews.js";
import { mergeInput, mergePersons } from "../../app/integration/merge-persons.js";
import { getPersonView } from "../../app/integration/resolve-person-id.js";
import { importContent } from "../../app/integration/resume-import.js";
import { splitInput, splitPerson } from "../../app/integration/split-person.js";
import { requireActor } from "../auth.js";

const idParams = z.object({ id: z.uuid() });
const tags = ["integration"];

const uploadBody = z.object({
  source: z.string().min(1).max(64),
  fileName: z.string().min(1).max(300),
  format: z.enum(["csv", "jsonl"]),
  mapping: z.unknown(),
  content: z.string().min(1),
  thresholds: z
    .object({
      upper: z.number().optional(),
      lower: z.number().optional(),
      /** Pending link reviews this import may add; weaker pairs are kept as deferred. */
      reviewCap: z.number().int().min(0).optional(),
    })
    .optional(),
});

export const integrationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/imports",
      { schema: { tags, summary: "Imports, newest first, with their progress", querystring: importsQuery } },
      async (req) => listImports(ctx, requireActor(req), req.query),
    );
    app.get(
      "/imports/:id",
      { schema: { tags, summary: "An import's progress and its quarantined rows", params: idParams } },
      async (req) => getImportView(ctx, requireActor(req), req.params.id),
    );
    app.post(
      "/imports",
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags,
          summary: "Upload a file (CSV or JSON Lines) and import it in the background; poll GET /imports/:id",
          body: uploadBody,
        },
      },
      async (req, reply) => reply.status(202).send(await importContent(ctx, requireActor(req), req.body)),
    );
    app.post(
      "/imports/start",
      {
        schema: {
          tags,
          summary: "Start an import (or find the one for the same source and file, to resume it)",
          body: startImportInput,
        },
      },
      async (req) => startImport(ctx, requireActor(req), req.body),
    );
    app.post(
      "/imports/:id/rows",
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags,
          summary: "Record a batch of rows starting at offset (one transaction with the import's progress)",
          params: idParams,
          body: batchInput,
        },
      },
      async (req) => importBatch(ctx, requireActor(req), req.params.id, req.body),
    );
    app.post(
      "/imports/:id/finish",
      {
        schema: {
          tags,
          summary: "All rows sent: check the count and move on to linking",
          params: idParams,
          body: z.object({ totalRows: z.number().int().min(0) }),
        },
      },
      async (req) => finishLoading(ctx, requireActor(req), req.params.id, req.body.totalRows),
    );
    app.post(
      "/imports/:id/link",
      { schema: { tags, summary: "Link the import's records to persons", params: idParams } },
      async (req) => linkImport(ctx, requireActor(req), req.params.id),
    );

    app.get(
      "/link-reviews",
      {
        schema: {
          tags,
          summary: "Uncertain pairs of persons, strongest first",
          querystring: linkReviewQuery,
        },
      },
      async (req) => listLinkReviews(ctx, requireActor(req), req.query),
    );
    app.get(
      "/link-reviews/:id",
      {
        schema: {
          tags,
          summary: "One link review: both records and each field's contribution",
          params: idParams,
        },
      },
      async (req) => getLinkReviewView(ctx, requireActor(req), req.params.id),
    );
    app.post(
      "/link-reviews/:id/decision",
      {
        schema: {
          tags,
          summary: "Accept (merge the persons) or reject a link",
          params: idParams,
          body: decisionInput,
        },
      },
      async (req) => decideLinkReview(ctx, requireActor(req), req.params.id, req.body),
    );

    app.get(
      "/persons/:id",
      { schema: { tags, summary: "A person, following merge redirects (says so)", params: idParams } },
      async (req) => getPersonView(ctx, requireActor(req), req.params.id),
    );
    app.post(
      "/persons/merge",
      {
        schema: {
          tags,
          summary: "Merge a person into another (the survivor keeps its id)",
          body: mergeInput,
        },
      },
      async (req) => mergePersons(ctx, requireActor(req), req.body),
    );
    app.post(
      "/persons/:id/split",
      {
        schema: {
          tags,
          summary: "Undo the merge of this person into another",
          params: idParams,
          body: splitInput,
        },
      },
      async (req) => splitPerson(ctx, requireActor(req), req.params.id, req.body),
    );
  };
