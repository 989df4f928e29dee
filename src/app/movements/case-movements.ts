/**
 * Where a person stands in removal logistics, for the case page: the order's
 * countries, travel documents (requested, issued and until when, refused,
 * expired) and every manifest the person is or was on, with its verdicts.
 */
import { type CaseState, effectiveEvents } from "../../domain/case-state.js";
import { entriesOfCase } from "../../store/repositories/movements.js";
import { type Actor, authorize, authorizeCase } from "../access.js";
import { type AppContext, today } from "../context.js";
import { caseNotFound, findCase, loadHistory } from "../load-case.js";
import { withholdGate, withholdStruckReason, wordsGate } from "../oversight/words.js";

export interface TravelDocumentLine {
  country: string;
  status: "requested" | "issued" | "refused" | "expired";
  on: string;
  validUntil?: string;
  content?: string[];
}

export async function caseMovements(ctx: AppContext, actor: Actor, caseRef: string) {
  const tx = ctx.database.db;
  authorize(actor, "case.read"); // the role before the lookup: no probing which cases exist
  const row = await findCase(tx, caseRef);
  await authorizeCase(tx, actor, "case.read", row, () => caseNotFound(caseRef));
  const [entries, stored] = await Promise.all([entriesOfCase(tx, row.id), loadHistory(tx, row.id)]);
  const byCountry = new Map<string, TravelDocumentLine>();
  const now = today(ctx);
  for (const { event: e } of effectiveEvents(stored)) {
    if (e.type === "travel_document.requested")
      byCountry.set(e.country, { country: e.country, status: "requested", on: e.on, content: e.content });
    if (e.type === "travel_document.issued")
      byCountry.set(e.country, {
        country: e.country,
        status: e.validUntil && e.validUntil < now ? "expired" : "issued",
        on: e.on,
        validUntil: e.validUntil,
      });
    if (e.type === "travel_document.refused")
      byCountry.set(e.country, { country: e.country, status: "refused", on: e.on });
  }
  const state = row.state as CaseState;
  // A struck reason on a confidential case: words withheld without a purpose (docs/oversight.md).
  const words = await wordsGate(ctx, actor, [row.id]);
  const shows = entries.length === 0 || words.shows(row.id); // nothing shown, nothing to log
  await words.logShown(ctx, "movements");
  return {
    caseId: row.id,
    caseNumber: row.number,
    stage: row.stage,
    order: state.order,
    travelDocuments: [...byCountry.values()],
    entries: entries.map(({ entry, movement }) => ({
      entryId: entry.id,
      role: entry.role,
      status: entry.status,
      addedOutcome: entry.addedOutcome,
      lastGate: shows ? entry.lastGate : withholdGate(entry.lastGate),
      lastOutcome: entry.lastOutcome,
      lastCheckedAt: entry.lastCheckedAt,
      struckReason: shows ? entry.struckReason : withholdStruckReason(entry.struckReason),
      movement: {
        id: movement.id,
        number: movement.number,
        kind: movement.kind,
        country: movement.country,
        departOn: movement.departOn,
        departAt: movement.departAt,
        tz: movement.tz,
        status: movement.status,
      },
    })),
  };
}
