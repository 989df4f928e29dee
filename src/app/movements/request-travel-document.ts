/**
 * A travel-document request to a consulate. Its content passes CONF-01 first:
 * a foreign government receives identity data only, and never anything that
 * reveals or implies a protection claim (8 CFR 208.6) — least of all the
 * government the person fears. The request is redacted to its identity items
 * and the officer is shown what was removed and why; the redacted request then
 * goes through the law engine like every action (`travel_document.send`, via
 * takeAction) and is recorded as `travel_document.requested`. With a consulate
 * named, the TRAVEL-DOC-REQUEST packet (src/documents) is generated and stored.
 *
 * Issuance (with its expiry, `validUntil`) and refusal are case events
 * (`travel_document.issued`, `travel_document.refused`) recorded as any other.
 */
import { z } from "zod";
import { country, isoDate, language } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import { splitContent } from "../../law/facts/disclosure.js";
import type { Verdict } from "../../law/types.js";
import { type Actor, authorize } from "../access.js";
import { takeAction } from "../actions/take-action.js";
import { type AppContext, today } from "../context.js";
import { renderCaseDocument } from "../documents/render-case-document.js";
import { loadLawInputs } from "../law-inputs.js";
import { findCase } from "../load-case.js";

const address = z.object({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: country.optional(),
});

export const requestTravelDocumentInput = z.object({
  expectedVersion: z.number().int().min(0),
  country,
  on: isoDate.optional(),
  /** What the officer proposes to send (docs/scenarios.md content items: identity, asylum_claim, ...). */
  content: z.array(z.string().trim().min(1)).min(1).default(["identity"]),
  consulate: z.object({ name: z.string().min(1), address }).optional(),
  lang: language.optional(),
  acknowledge: z.boolean().optional(),
  reviewId: z.uuid().optional(),
});
export type RequestTravelDocumentInput = z.input<typeof requestTravelDocumentInput>;

export interface RemovedItem {
  item: string;
  reason: string;
}

/** Pure: the identity items that may go to a foreign government, and every other item with why it was removed. */
export function redactForConsulate(content: readonly string[]): { sent: string[]; removed: RemovedItem[] } {
  const split = splitContent(content.map((c) => c.toLowerCase()));
  const removed: RemovedItem[] = [
    ...split.claim.map((item) => ({
      item,
      reason: "reveals, or lets the recipient infer, a protection claim (CONF-01, 8 CFR 208.6)",
    })),
    ...split.freeText.map((item) => ({
      item,
      reason: "free text could reveal a protection claim to a foreign government (CONF-01, CONF-02)",
    })),
    ...split.other.map((item) => ({
      item,
      reason: "not identity data: a consulate receives the redacted template, identity data only (CONF-01)",
    })),
  ];
  return { sent: split.identity.length ? [...new Set(split.identity)] : ["identity"], removed };
}

export async function requestTravelDocument(
  ctx: AppContext,
  actor: Actor,
  caseRef: string,
  raw: RequestTravelDocumentInput,
) {
  const input = requestTravelDocumentInput.parse(raw);
  const on = input.on ?? today(ctx);
  const row = await findCase(ctx.database.db, caseRef);
  authorize(actor, "case.write", { officeCode: row.officeCode });
  // What CONF-01 says about the request as proposed, shown next to the redaction.
  const { history, config } = await loadLawInputs(ctx.database.db, row);
  const asProposed: Verdict = evaluate(
    history,
    { type: "travel_document.send", on, country: input.country, content: input.content },
    config,
    on,
  );
  const { sent, removed } = redactForConsulate(input.content);
  const outcome = await takeAction(ctx, actor, row.id, {
    expectedVersion: input.expectedVersion,
    action: { type: "travel_document.send", on, country: input.country, content: sent },
    acknowledge: input.acknowledge,
    reviewId: input.reviewId,
  });
  let packet: unknown = null;
  if (outcome.status === "done" && input.consulate) {
    try {
      packet = await renderCaseDocument(ctx, actor, row.id, {
        form: "TRAVEL-DOC-REQUEST",
        lang: input.lang,
        details: { travelDocument: { country: input.country, consulate: input.consulate } },
      });
    } catch (err) {
      // The request stands; the packet can be generated again once the missing facts are recorded.
      const e = err as { code?: string; message?: string; details?: unknown };
      packet = { error: { code: e.code ?? "internal", message: e.message, details: e.details } };
    }
  }
  return { ...outcome, country: input.country, sent, removed, asProposed, packet };
}
