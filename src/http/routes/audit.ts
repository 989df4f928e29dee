/**
 * Oversight routes: the audit log (search, verify, checkpoints), legal holds,
 * retention, and the counsel-user link. The server also signs a checkpoint of
 * the chain's head every IMMOS_AUDIT_CHECKPOINT_MINUTES (default 60; 0 = off).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../../app/access.js";
import type { AppContext } from "../../app/context.js";
import { auditSearchInput, searchAuditLog } from "../../app/oversight/audit-search.js";
import { verifyAudit } from "../../app/oversight/audit-verify.js";
import { checkpointsWithValidity, createCheckpoint } from "../../app/oversight/checkpoints.js";
import { linkCounselUser } from "../../app/oversight/counsel-users.js";
import { holdInput, listHolds, placeHold, releaseHold } from "../../app/oversight/legal-holds.js";
import { getRetentionPolicy, purge, setRetentionPolicy } from "../../app/oversight/retention.js";
import { requireActor } from "../auth.js";

const caseParams = z.object({ id: z.string().min(1).max(100) });
const exportedCheckpoint = z.object({
  headSeq: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  algorithm: z.string(),
  keyId: z.string().max(64),
  signature: z.string().max(200),
  publicKey: z.string().max(1_000),
});

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const minutes = Number(process.env.IMMOS_AUDIT_CHECKPOINT_MINUTES ?? 60);
    if (minutes > 0) {
      const timer = setInterval(() => {
        createCheckpoint(ctx, "system").catch((err) => ctx.log?.error({ err }, "audit checkpoint failed"));
      }, minutes * 60_000);
      timer.unref();
      app.addHook("onClose", async () => clearInterval(timer));
    }

    app.get(
      "/audit",
      {
        schema: {
          tags: ["oversight"],
          summary: "Search the audit log (auditor, admin): actor, action prefix, entity, date range",
          querystring: auditSearchInput,
        },
      },
      async (req) => ({ items: await searchAuditLog(ctx, requireActor(req), req.query) }),
    );

    app.get(
      "/audit/verify",
      {
        schema: {
          tags: ["oversight"],
          summary: "Recompute the hash chain and compare it with the signed checkpoints",
        },
      },
      async (req) => verifyAudit(ctx, requireActor(req)),
    );

    app.post(
      "/audit/verify",
      {
        schema: {
          tags: ["oversight"],
          summary:
            "Verify, also against checkpoints kept elsewhere (e.g. exported with `immos audit checkpoint --out`)",
          body: z.object({
            checkpoints: z.array(exportedCheckpoint).max(100_000).default([]),
            /** Ed25519 public keys (SPKI PEM) to trust instead of the server's own key. */
            publicKeys: z.array(z.string().max(1_000)).max(20).default([]),
          }),
        },
      },
      async (req) =>
        verifyAudit(ctx, requireActor(req), {
          extraCheckpoints: req.body.checkpoints,
          publicKeys: req.body.publicKeys,
        }),
    );

    app.get(
      "/audit/checkpoints",
      { schema: { tags: ["oversight"], summary: "Signed checkpoints of the chain's head" } },
      async (req) => {
        authorize(requireActor(req), "audit.read");
        return { items: await checkpointsWithValidity(ctx) };
      },
    );

    app.post(
      "/audit/checkpoints",
      { schema: { tags: ["oversight"], summary: "Sign a checkpoint of the chain's head now" } },
      async (req, reply) =>
        reply.status(201).send({ checkpoint: await createCheckpoint(ctx, requireActor(req)) }),
    );

    app.get(
      "/legal-holds",
      { schema: { tags: ["oversight"], summary: "Active legal holds" } },
      async (req) => ({ items: await listHolds(ctx, requireActor(req)) }),
    );

    app.post(
      "/cases/:id/legal-hold",
      {
        schema: {
          tags: ["oversight"],
          summary: "Place a legal hold (the case is never purged)",
          params: caseParams,
          body: holdInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await placeHold(ctx, requireActor(req), req.params.id, req.body)),
    );

    app.delete(
      "/cases/:id/legal-hold",
      { schema: { tags: ["oversight"], summary: "Release a case's legal holds", params: caseParams } },
      async (req) => releaseHold(ctx, requireActor(req), req.params.id),
    );

    app.get(
      "/retention/policy",
      { schema: { tags: ["oversight"], summary: "The retention rules" } },
      async (req) => {
        authorize(requireActor(req), "retention.manage");
        return getRetentionPolicy(ctx);
      },
    );

    app.put(
      "/retention/policy",
      {
        schema: {
          tags: ["oversight"],
          summary: "Set the retention rules (admin)",
          body: z.record(z.string(), z.unknown()),
        },
      },
      async (req) => setRetentionPolicy(ctx, requireActor(req), req.body),
    );

    app.post(
      "/retention/purge",
      {
        schema: {
          tags: ["oversight"],
          summary: "Purge what the retention rules say (never a case under a legal hold)",
          body: z.object({ dryRun: z.boolean().default(true) }),
        },
      },
      async (req) => purge(ctx, requireActor(req), { dryRun: req.body.dryRun }),
    );

    app.post(
      "/users/:username/counsel",
      {
        schema: {
          tags: ["users"],
          summary: "Link a counsel user to a counsel record (they then see that counsel's clients)",
          params: z.object({ username: z.string() }),
          body: z.object({ counselId: z.uuid() }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await linkCounselUser(ctx, requireActor(req), req.params.username, req.body.counselId)),
    );
  };
