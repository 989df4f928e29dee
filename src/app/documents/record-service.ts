/**
 * Records the service of a document: to whom (person, custodian, counsel),
 * how, when, in which language and by whom, one row per recipient.
 *
 * Serving an NTA is also a fact of the case: it goes through the law engine
 * as the `nta.serve` action (so DP-03 blocks a service that omits counsel of
 * record, and NTA-04 checks who was served), and, when allowed, appends one
 * `nta.served` event to the history with the usual optimistic version check.
 * The event names the principal recipient (custodian, else the person, else
 * counsel) and `copyToCounsel` when counsel was served as well, the shape
 * the law engine reads. BLOCK refuses (nothing is written); REVIEW must go
 * through the actions workflow; WARN needs `acknowledge`.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { projectCase } from "../../domain/case-state.js";
import { AppError, notFound } from "../../domain/errors.js";
import { type CaseEvent, clockTime, isoDate, language } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { Action, Verdict } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import { type CaseRow, getCase, insertEvents, updateProjection } from "../../store/repositories/cases.js";
import {
  type DocumentMetadata,
  getDocumentMetadata,
  insertServices,
  listServices,
} from "../../store/repositories/documents.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";
import { loadLawInputs } from "../law-inputs.js";
import { serviceView } from "./list-documents.js";

export const recipientKinds = ["person", "custodian", "counsel"] as const;
export const serviceMethods = ["personal", "mail", "electronic"] as const;

export const recordServiceInput = z.object({
  on: isoDate,
  at: clockTime.optional(),
  /** Language the document was served in (explained or read); defaults to the document's. */
  lang: language.optional(),
  recipients: z
    .array(
      z.object({
        to: z.enum(recipientKinds),
        method: z.enum(serviceMethods),
        name: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(3),
  /** The case version the server read; required when serving an NTA (it appends to the history). */
  expectedVersion: z.number().int().min(0).optional(),
  acknowledge: z.boolean().optional(),
});
export type RecordServiceInput = z.input<typeof recordServiceInput>;
type Input = z.infer<typeof recordServiceInput>;

const notAllowed = (v: Verdict) => v.findings.filter((f) => f.outcome !== "ALLOW");

function principal(recipients: Input["recipients"]) {
  return (
    recipients.find((r) => r.to === "custodian") ?? recipients.find((r) => r.to === "person") ?? recipients[0]
  );
}

/** The law engine's verdict on serving this NTA, and the event that records it. */
async function serveNta(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  row: CaseRow,
  doc: DocumentMetadata,
  input: Input,
) {
  if (input.expectedVersion === undefined) {
    throw new AppError(
      "invalid_input",
      "serving an NTA appends to the case history: give expectedVersion",
      "expectedVersion",
    );
  }
  if (row.version !== input.expectedVersion) {
    throw new AppError(
      "conflict",
      `case ${row.number} changed since you read it (version ${row.version}, you had ${input.expectedVersion}); reload and try again`,
      "expectedVersion",
    );
  }
  const { stored, history, config } = await loadLawInputs(tx, row);
  const last = history.events[history.events.length - 1];
  if (last && input.on < last.on) {
    throw new AppError(
      "invalid_input",
      `out of order: ${input.on} is before the last event (${last.on})`,
      "on",
    );
  }
  const hearing = (doc.data as { hearing?: { date: string; time: string; place: string } }).hearing ?? null;
  const main = principal(input.recipients);
  const to = input.recipients.map((r) => r.to);
  // The language of service is the oral-notice language NTA-06 reads.
  const lang = input.lang ?? doc.lang;
  const action: Action = {
    type: "nta.serve",
    on: input.on,
    at: input.at,
    hearing,
    servedTo: to,
    method: main.method,
    language: lang,
  };
  const verdict = evaluate(history, action, config, input.on);
  const concerns = notAllowed(verdict);
  const summary = concerns.map((f) => `${f.rule} ${f.outcome}: ${f.message}`).join(" ");
  if (verdict.outcome === "BLOCK") {
    const rules = concerns.filter((f) => f.outcome === "BLOCK").map((f) => f.rule);
    throw new AppError("blocked_by_law", `service refused by ${rules.join(", ")}. ${summary}`, "recipients", {
      rules,
      verdict,
    });
  }
  if (verdict.outcome === "REVIEW") {
    throw new AppError(
      "review_required",
      `serving this NTA needs a supervisor's review; take the nta.serve action on the case. ${summary}`,
      undefined,
      { verdict },
    );
  }
  if (verdict.outcome === "WARN" && !input.acknowledge) {
    throw new AppError(
      "acknowledgement_required",
      `acknowledge the warnings to go ahead: ${summary}`,
      "acknowledge",
      { verdict },
    );
  }
  const event = {
    type: "nta.served",
    on: input.on,
    ...(input.at ? { at: input.at } : {}),
    hearing,
    servedTo: main.to,
    method: main.method,
    language: lang,
    ...(main.to !== "counsel" && to.includes("counsel") ? { copyToCounsel: true } : {}),
    documentId: doc.id,
  } as CaseEvent;
  const seq = stored.length + 1;
  const state = projectCase([...stored, { seq, event }]);
  if (!(await updateProjection(tx, row.id, input.expectedVersion, state, ctx.now()))) {
    throw new AppError(
      "conflict",
      `case ${row.number} changed since you read it; reload and try again`,
      "expectedVersion",
    );
  }
  await insertEvents(tx, [
    {
      caseId: row.id,
      seq,
      type: event.type,
      on: event.on,
      at: input.at ?? null,
      body: event,
      recordedBy: actor.id,
    },
  ]);
  return { seq, version: input.expectedVersion + 1, verdict };
}

export async function recordService(
  ctx: AppContext,
  actor: Actor,
  documentId: string,
  raw: RecordServiceInput,
) {
  const input = recordServiceInput.parse(raw);
  if (input.on > today(ctx)) throw new AppError("invalid_input", `${input.on} is in the future`, "on");
  const kinds = input.recipients.map((r) => r.to);
  if (new Set(kinds).size !== kinds.length)
    throw new AppError("invalid_input", "a recipient is listed twice", "recipients");
  return writeWithAudit(
    ctx,
    actor,
    {
      action: "document.served",
      entity: "document",
      entityId: documentId,
      detail: { on: input.on, to: kinds },
    },
    async (tx) => {
      const doc = await getDocumentMetadata(tx, documentId);
      if (!doc) throw notFound(`document ${documentId}`);
      const row = await getCase(tx, doc.caseId);
      if (!row) throw notFound("case");
      authorize(actor, "case.write", { officeCode: row.officeCode });
      const issuedOn = (doc.data as { issuedOn?: string }).issuedOn;
      if (issuedOn && input.on < issuedOn) {
        throw new AppError(
          "invalid_input",
          `the document was issued on ${issuedOn}; it cannot be served before`,
          "on",
        );
      }
      const nta = doc.form === "I-862" ? await serveNta(tx, ctx, actor, row, doc, input) : undefined;
      const setId = randomUUID();
      await insertServices(
        tx,
        input.recipients.map((r) => ({
          id: randomUUID(),
          setId,
          documentId: doc.id,
          caseId: row.id,
          servedTo: r.to,
          recipientName: r.name ?? null,
          method: r.method,
          servedOn: input.on,
          servedAt: input.at ?? null,
          lang: input.lang ?? doc.lang,
          servedBy: actor.id,
          servedByName: actor.username,
          eventSeq: nta?.seq ?? null,
          recordedAt: ctx.now(),
        })),
      );
      const services = (await listServices(tx, [doc.id])).filter((s) => s.setId === setId).map(serviceView);
      return {
        documentId: doc.id,
        setId,
        services,
        eventSeq: nta?.seq ?? null,
        version: nta?.version ?? row.version,
        verdict: nta?.verdict ?? null,
      };
    },
  );
}
