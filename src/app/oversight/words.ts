/**
 * Withholding the words kept about confidential cases outside their history:
 * manifest entries (the verdict when added and at the latest gate, the struck
 * reason), gate alerts, deadlines and deadline tasks, review requests.
 *
 * Per case, the words are shown when the case holds nothing confidential, or
 * when the reader has a need to know, the case in reach and a stated purpose
 * (`confidentialAccess` in ../access.ts); that read is then logged as a
 * disclosure, once per case, before the answer leaves (`WordsGate.logShown`).
 * Everyone else gets the outcome and the dates, with the words replaced by
 * the neutral WITHHELD and no rule id or deadline kind that names a claim.
 */
import type { Finding, Verdict } from "../../law/types.js";
import { loadConfidentialityRows } from "../../store/repositories/confidentiality.js";
import { type Actor, confidentialAccess } from "../access.js";
import type { AppContext } from "../context.js";
import {
  caseIsConfidential,
  confidentialCaseKinds,
  confidentialEventTypes,
  isConfidentialAlias,
} from "./confidential.js";
import { type DisclosureTarget, logDisclosure } from "./disclosure.js";
import {
  RESTRICTED_KIND,
  WITHHELD,
  withholdDeadline,
  withholdFinding,
  withholdVerdict,
} from "./verdict-redaction.js";

/** Which cases' words a reader may see, and which of them were confidential (to be logged). */
export interface WordsGate {
  /** May the reader see this case's words? (A case not loaded is treated as confidential.) */
  shows(caseId: string): boolean;
  /** Logs a disclosure for every confidential case whose words were shown; call before answering. */
  logShown(ctx: AppContext, record: string, channel?: DisclosureTarget["channel"]): Promise<void>;
}

/** Decides, for many cases in two queries, whose words `actor` may see (purpose from `actor.purpose`). */
export async function wordsGate(
  ctx: AppContext,
  actor: Actor,
  caseIds: readonly string[],
): Promise<WordsGate> {
  const rows = await loadConfidentialityRows(ctx.database.db, caseIds, confidentialEventTypes);
  const shown = new Map<string, boolean>();
  const disclosed = new Map<string, string>();
  for (const r of rows) {
    const flags = (r.state as { flags?: unknown } | null)?.flags;
    const confidential =
      confidentialCaseKinds.has(r.kind) ||
      (Array.isArray(r.aliases) && r.aliases.some(isConfidentialAlias)) ||
      caseIsConfidential(
        r.events.map((e) => ({ seq: e.seq, event: e.body as { type: string } })),
        Array.isArray(flags) ? flags.filter((f): f is string => typeof f === "string") : [],
      );
    if (!confidential) {
      shown.set(r.caseId, true);
      continue;
    }
    const access = confidentialAccess(actor, { officeCode: r.officeCode, counselId: r.counselId });
    shown.set(r.caseId, access.kind === "granted");
    if (access.kind === "granted") disclosed.set(r.caseId, access.purpose);
  }
  const used = new Set<string>();
  return {
    shows(caseId) {
      const ok = shown.get(caseId) ?? false;
      if (ok && disclosed.has(caseId)) used.add(caseId);
      return ok;
    },
    async logShown(ctx2, record, channel = "api") {
      for (const caseId of used)
        await logDisclosure(ctx2, actor, disclosed.get(caseId) as string, {
          caseId,
          records: [record],
          channel,
        });
    },
  };
}

/** A gate named after the event that ran it ("event:protection.granted") names that event: withheld. */
export const withholdGate = (gate: unknown): unknown =>
  typeof gate === "string" && gate.startsWith("event:") ? "event:restricted" : gate;

/** A struck reason as kept on a manifest entry: { gate, by, message, findings }. */
export function withholdStruckReason(reason: unknown): unknown {
  if (!reason || typeof reason !== "object") return reason;
  const r = reason as { findings?: Finding[]; message?: string; gate?: unknown };
  return {
    ...r,
    ...("gate" in r ? { gate: withholdGate(r.gate) } : {}),
    message: WITHHELD,
    findings: Array.isArray(r.findings) ? r.findings.map(withholdFinding) : [],
  };
}

/** A manifest entry (or a row built from one) with its verdicts and struck reason withheld. */
export function withholdEntry<E extends Record<string, unknown>>(entry: E): E {
  const out: Record<string, unknown> = { ...entry };
  for (const key of ["addedVerdict", "lastVerdict"])
    if (out[key] && typeof out[key] === "object") out[key] = withholdVerdict(out[key] as Verdict);
  if ("struckReason" in out) out.struckReason = withholdStruckReason(out.struckReason);
  if ("lastGate" in out) out.lastGate = withholdGate(out.lastGate);
  return out as E;
}

/** A gate alert (message and findings) withheld. */
export function withholdAlert<A extends { message: string; findings: unknown; gate?: unknown }>(alert: A): A {
  return {
    ...alert,
    ...("gate" in alert ? { gate: withholdGate(alert.gate) } : {}),
    message: WITHHELD,
    findings: Array.isArray(alert.findings) ? (alert.findings as Finding[]).map(withholdFinding) : [],
  };
}

/** A gate's result (lock, boarding): the struck people's reasons and messages withheld. */
export function withholdStruck<S extends { reasons: Finding[]; message: string }>(s: S): S {
  return { ...s, reasons: s.reasons.map(withholdFinding), message: WITHHELD };
}

/**
 * A deadline task as the sweep writes it: key "deadline:<kind>:<due>", title "<kind> (<rule>)".
 * Review tasks ("Review: <action type>") name an action, never a claim, and pass unchanged.
 */
export function withholdTask<T extends { kind: string; key: string; title: string; due: string | null }>(
  task: T,
): T {
  if (task.kind !== "deadline") return task;
  const m = /^(.*) \(([^()]*)\)$/.exec(task.title);
  // The key is deadline:<kind>:<due> with the task's own due (which may hold a ":" of its own: 15:10).
  const suffix = `:${task.due ?? ""}`;
  const keyKind =
    task.due && task.key.startsWith("deadline:") && task.key.endsWith(suffix)
      ? task.key.slice("deadline:".length, -suffix.length)
      : undefined;
  if (!m) return { ...task, title: WITHHELD, key: "deadline:restricted" };
  const d = withholdDeadline({ kind: m[1], due: task.due ?? "", rule: m[2] });
  const key =
    keyKind !== undefined
      ? `deadline:${keyKind === m[1] ? d.kind : RESTRICTED_KIND}${suffix}`
      : "deadline:restricted";
  return { ...task, title: `${d.kind} (${d.rule})`, key };
}

/** A review request: the verdict's words, the free-text reasons and the action's details withheld. */
export function withholdReview<
  R extends {
    action: unknown;
    verdict: unknown;
    requestReason: string | null;
    decisionReason: string | null;
  },
>(review: R): R {
  const action = review.action as { type?: unknown; on?: unknown } | null;
  return {
    ...review,
    action: action && typeof action === "object" ? { type: action.type, on: action.on } : action,
    verdict:
      review.verdict && typeof review.verdict === "object"
        ? withholdVerdict(review.verdict as Verdict)
        : review.verdict,
    requestReason: review.requestReason === null ? null : WITHHELD,
    decisionReason: review.decisionReason === null ? null : WITHHELD,
  };
}

/**
 * Each item as `actor` may see it: `withhold` applied to the items of confidential cases whose
 * words the reader may not see; the disclosures of the others logged under `record`.
 */
export async function withholdWhereConfidential<T>(
  ctx: AppContext,
  actor: Actor,
  items: readonly T[],
  caseIdOf: (item: T) => string,
  withhold: (item: T) => T,
  record: string,
): Promise<T[]> {
  if (!items.length) return [];
  const words = await wordsGate(ctx, actor, items.map(caseIdOf));
  const out = items.map((i) => (words.shows(caseIdOf(i)) ? i : withhold(i)));
  await words.logShown(ctx, record);
  return out;
}
