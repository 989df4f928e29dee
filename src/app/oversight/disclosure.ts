/**
 * Disclosure logging (CONF-01 "log all disclosures"; Privacy Act accounting,
 * CONF-07): every time the confidential parts of a case are shown, an audit
 * entry `disclosure.read` records who, which case, which records, and the
 * stated purpose. The entry is written before the view is returned: if it
 * cannot be written, nothing is shown.
 */
import type { Actor } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { confidentialSeqs } from "./confidential.js";
import {
  accessForView,
  type CaseViewLike,
  type Confidentiality,
  redactWithAccess,
  viewHasConfidential,
} from "./redaction.js";

export const DISCLOSURE_ACTION = "disclosure.read";

export interface DisclosureTarget {
  caseId: string;
  caseNumber?: string;
  /** Which records were shown: event seqs, or a label such as "document:I-862". */
  records: (number | string)[];
  channel: "api" | "web" | "export" | "document";
}

export async function logDisclosure(
  ctx: AppContext,
  actor: Actor,
  purpose: string,
  target: DisclosureTarget,
) {
  await writeWithAudit(
    ctx,
    { ...actor, purpose },
    {
      action: DISCLOSURE_ACTION,
      entity: "case",
      entityId: target.caseId,
      purpose,
      detail: { caseNumber: target.caseNumber ?? null, records: target.records, channel: target.channel },
    },
    async () => undefined,
  );
}

/** Redacts the view for `actor`; when the confidential parts are shown, logs the disclosure first. */
export async function discloseCaseView<V extends CaseViewLike & { case: { id: string; number?: string } }>(
  ctx: AppContext,
  actor: Actor,
  view: V,
  purpose?: string,
  channel: DisclosureTarget["channel"] = "api",
): Promise<V & { confidentiality: Confidentiality }> {
  const access = accessForView(view, actor, purpose);
  if (access.kind === "granted" && viewHasConfidential(view)) {
    await logDisclosure(ctx, actor, access.purpose, {
      caseId: view.case.id,
      caseNumber: view.case.number,
      records: [...confidentialSeqs(view.history)].sort((a, b) => a - b),
      channel,
    });
  }
  return redactWithAccess(view, access);
}
