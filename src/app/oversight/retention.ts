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
 */
import { z } from "zod";
import { canonicalJson, sha256 } from "../../domain/audit-hash.js";
import { addMonths } from "../../law/calendar/calendar.js";
import {
  blankPersonIfAllPurged,
  caseEventBodies,
  deleteExpiredCredentials,
  deleteExpiredOidcLogins,
  expiredCredentials,
  purgeableCases,
  purgeCaseHistory,
} from "../../store/repositories/oversight.js";
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
  /** The most cases purged in one run, so a wrong setting cannot erase everything at once. */
  maxCasesPerRun: z.number().int().min(1).max(100_000).default(1_000),
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
  cases: { number: string; lastEventOn: string | null; events: number }[];
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

  if (opts.dryRun) {
    for (const c of candidates) {
      const events = await caseEventBodies(db, c.id);
      report.cases.push({ number: c.number, lastEventOn: c.lastEventOn, events: events.length });
    }
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
  for (const c of candidates) {
    // One transaction per case, with its own audit entry; the hold is checked again inside it.
    const done = await writeWithAudit(
      ctx,
      actor,
      {
        action: "retention.purge_case",
        entity: "case",
        entityId: c.id,
        detail: { number: c.number, rule: "closedCases" },
      },
      async (tx) => {
        const events = await caseEventBodies(tx, c.id);
        const ok = await purgeCaseHistory(tx, c, {
          rule: `closedCases:${policy.closedCases.years}y`,
          events: events.length,
          historyHash: sha256(canonicalJson(events)),
          purgedBy: actor === "system" ? "system" : actor.username,
          purgedAt: now,
        });
        if (ok) await blankPersonIfAllPurged(tx, c.personId);
        return ok ? events.length : null;
      },
    );
    if (done === null) report.heldSkipped++;
    else report.cases.push({ number: c.number, lastEventOn: c.lastEventOn, events: done });
  }
  return report;
}
