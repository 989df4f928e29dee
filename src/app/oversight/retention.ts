/**
 * Retention (docs/oversight.md): rules per record type, a purge that deletes
 * what the rules say, records what it did in the audit log, and never touches
 * a case under a legal hold.
 *
 * "History is the truth", so case events are never purged piecemeal. A whole
 * case may go when it is closed (removed, terminated, relief granted) and its
 * last event is older than the rule's years: its events are deleted, its
 * projection blanked, its person's identifying data blanked once none of the
 * person's cases keeps history, and a tombstone keeps the number, the office,
 * the count of events and a SHA-256 of what was deleted. The audit log itself
 * is never purged.
 *
 * Documents: a document's PDF bytes and printed data (names, A-number,
 * address...) go N years after it was generated once its case is closed, and
 * with its case when the case's history is purged. The row stays, emptied,
 * with its hashes, and a purge record (`document_purges`) says when and why.
 */
import { z } from "zod";
import { canonicalJson, sha256 } from "../../domain/audit-hash.js";
import { addMonths } from "../../law/calendar/calendar.js";
import { activeHolds } from "../../store/repositories/oversight.js";
import {
  blankPersonIfAllPurged,
  caseEventBodies,
  deleteExpiredCredentials,
  deleteExpiredOidcLogins,
  expiredCredentials,
  purgeableCases,
  purgeableDocuments,
  purgeCaseHistory,
  purgeDocument,
  unpurgedDocumentsOfCase,
} from "../../store/repositories/retention.js";
import { getSetting, putSetting } from "../../store/repositories/settings.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";

export const retentionPolicy = z.object({
  /** Web sessions past their expiry. */
  sessions: z.object({ purge: z.boolean() }).default({ purge: true }),
  /** API tokens past their expiry (tokens without an expiry never expire). */
  tokens: z.object({ purge: z.boolean() }).default({ purge: true }),
  /** Abandoned single sign-on logins. */
  ssoLogins: z.object({ purge: z.boolean() }).default({ purge: true }),
  /** Closed cases: purge history this many years after the last event (null: keep for ever). */
  closedCases: z
    .object({
      years: z.number().int().min(1).max(100).nullable(),
      stages: z.array(z.string()).min(1),
    })
    .default({ years: null, stages: ["removed", "terminated", "relief_granted"] }),
  /**
   * Document PDFs and printed data: purged this many years after the document was generated, once its
   * case is in a closed stage (closedCases.stages); null keeps them for ever. A purged case's documents
   * always go with it.
   */
  documents: z.object({ years: z.number().int().min(1).max(100).nullable() }).default({ years: null }),
  /** The most cases purged in one run, so a wrong setting cannot erase everything at once. */
  maxCasesPerRun: z.number().int().min(1).max(100_000).default(1_000),
  /** The most documents purged in one run (by the documents rule). */
  maxDocumentsPerRun: z.number().int().min(1).max(1_000_000).default(5_000),
});
export type RetentionPolicy = z.infer<typeof retentionPolicy>;

export async function getRetentionPolicy(ctx: AppContext): Promise<RetentionPolicy> {
  return retentionPolicy.parse((await getSetting(ctx.database.db, "retention", "policy")) ?? {});
}

export async function setRetentionPolicy(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
): Promise<RetentionPolicy> {
  authorize(actor, "retention.manage");
  const policy = retentionPolicy.parse(raw);
  await writeWithAudit(
    ctx,
    actor,
    { action: "retention.policy", entity: "settings", entityId: "retention", detail: policy },
    (tx) => putSetting(tx, "retention", "policy", policy),
  );
  return policy;
}

export interface PurgeReport {
  dryRun: boolean;
  asOf: string;
  sessions: number;
  tokens: number;
  ssoLogins: number;
  cases: { number: string; lastEventOn: string | null; events: number; documents: number }[];
  /** Documents purged by the documents rule (those of purged cases are counted in `cases`). */
  documents: { id: string; caseNumber: string; form: string; generatedAt: string }[];
  /** Cases or documents skipped because a legal hold was placed during the run. */
  heldSkipped: number;
}

/** Runs the purge (or, with dryRun, reports what it would do). One audit entry per run, and one per purged case. */
export async function purge(
  ctx: AppContext,
  actor: Actor | "system",
  opts: { dryRun: boolean },
): Promise<PurgeReport> {
  if (actor !== "system") authorize(actor, "retention.manage");
  const policy = await getRetentionPolicy(ctx);
  const now = ctx.now();
  const asOf = today(ctx);
  const db = ctx.database.db;
  const report: PurgeReport = {
    dryRun: opts.dryRun,
    asOf,
    sessions: 0,
    tokens: 0,
    ssoLogins: 0,
    cases: [],
    documents: [],
    heldSkipped: 0,
  };

  const credentialsOf = async (kind: "session" | "token") =>
    opts.dryRun ? expiredCredentials(db, kind, now) : 0;
  if (policy.sessions.purge) report.sessions = await credentialsOf("session");
  if (policy.tokens.purge) report.tokens = await credentialsOf("token");
  if (policy.ssoLogins.purge && opts.dryRun) report.ssoLogins = await deleteExpiredOidcLogins(db, now, true);

  const cutoff = policy.closedCases.years ? addMonths(asOf, -12 * policy.closedCases.years) : null;
  const candidates = cutoff
    ? await purgeableCases(db, policy.closedCases.stages, cutoff, policy.maxCasesPerRun)
    : [];

  const docCutoff = policy.documents.years ? addMonths(asOf, -12 * policy.documents.years) : null;
  const documents = docCutoff
    ? await purgeableDocuments(
        db,
        policy.closedCases.stages,
        new Date(`${docCutoff}T00:00:00Z`),
        policy.maxDocumentsPerRun,
      )
    : [];
  const documentLine = (d: (typeof documents)[number]) => ({
    id: d.id,
    caseNumber: d.caseNumber,
    form: d.form,
    generatedAt: d.generatedAt.toISOString(),
  });

  if (opts.dryRun) {
    for (const c of candidates) {
      const events = await caseEventBodies(db, c.id);
      const docs = await unpurgedDocumentsOfCase(db, c.id);
      report.cases.push({
        number: c.number,
        lastEventOn: c.lastEventOn,
        events: events.length,
        documents: docs.length,
      });
    }
    const goingWithCases = new Set(candidates.map((c) => c.id));
    report.documents = documents.filter((d) => !goingWithCases.has(d.caseId)).map(documentLine);
    return report;
  }

  await writeWithAudit(
    ctx,
    actor,
    { action: "retention.purge", entity: "retention", detail: { asOf, policy } },
    async (tx) => {
      if (policy.sessions.purge) report.sessions = await deleteExpiredCredentials(tx, "session", now);
      if (policy.tokens.purge) report.tokens = await deleteExpiredCredentials(tx, "token", now);
      if (policy.ssoLogins.purge) report.ssoLogins = await deleteExpiredOidcLogins(tx, now, false);
    },
  );
  const purgedBy = actor === "system" ? "system" : actor.username;
  for (const c of candidates) {
    // One transaction per case, with its own audit entry; the hold is checked again inside it.
    const rule = `closedCases:${policy.closedCases.years}y`;
    const detail: Record<string, unknown> = { number: c.number, rule: "closedCases" };
    const done = await unlessSkipped(() =>
      writeWithAudit(
        ctx,
        actor,
        { action: "retention.purge_case", entity: "case", entityId: c.id, detail },
        async (tx) => {
          const events = await caseEventBodies(tx, c.id);
          const ok = await purgeCaseHistory(tx, c, {
            rule,
            events: events.length,
            historyHash: sha256(canonicalJson(events)),
            purgedBy,
            purgedAt: now,
          });
          if (!ok) throw new Skipped();
          await blankPersonIfAllPurged(tx, c.personId);
          // The case's documents print the person's identity: they go with the history.
          const docs = await unpurgedDocumentsOfCase(tx, c.id);
          for (const id of docs) await purgeDocument(tx, id, { rule, purgedBy, purgedAt: now });
          detail.documents = docs;
          return { events: events.length, documents: docs.length };
        },
      ),
    );
    if (done === null) report.heldSkipped++;
    else report.cases.push({ number: c.number, lastEventOn: c.lastEventOn, ...done });
  }
  for (const d of documents) {
    // One transaction and one audit entry per document; the hold is checked again inside it.
    const ok = await unlessSkipped(() =>
      writeWithAudit(
        ctx,
        actor,
        {
          action: "retention.purge_document",
          entity: "document",
          entityId: d.id,
          detail: { caseId: d.caseId, caseNumber: d.caseNumber, form: d.form, rule: "documents" },
        },
        async (tx) => {
          const rule = `documents:${policy.documents.years}y`;
          if (!(await purgeDocument(tx, d.id, { rule, purgedBy, purgedAt: now }))) throw new Skipped();
          return true;
        },
      ),
    );
    // Skipped: a hold was placed meanwhile, or its case was purged above (and took it along).
    if (ok) report.documents.push(documentLine(d));
    else if ((await activeHolds(db, d.caseId)).length) report.heldSkipped++;
  }
  return report;
}

/** Thrown inside a purge's transaction to roll it back, audit entry included, when there is nothing to do. */
class Skipped extends Error {}

async function unlessSkipped<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Skipped) return null;
    throw err;
  }
}
