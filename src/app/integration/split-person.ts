/**
 * Splitting undoes a merge exactly: both person rows get back the fields they had before it,
 * the cases and source records that moved go back (those still with the survivor), and the
 * redirect goes. Only the latest change to the survivor can be undone this way: when the
 * survivor changed after the merge (another merge into it), that one is split first.
 */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import {
  activeMergeOf,
  deleteRedirect,
  lockPerson,
  markSplit,
  moveCases,
  moveSourceRecords,
  type PersonRow,
  updateLinkReview,
  writePerson,
} from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";

export const splitInput = z.object({
  reason: z.string().trim().min(5, "state why (at least 5 characters)").max(500),
});

/** The fields a merge may change, as stored in the merge's snapshot. */
function restorable(before: PersonRow) {
  return {
    aNumber: before.aNumber,
    givenName: before.givenName,
    familyName: before.familyName,
    aliases: before.aliases,
    searchNames: before.searchNames,
    birthDate: before.birthDate,
    sex: before.sex,
    birthCountry: before.birthCountry,
    citizenship: before.citizenship,
    languages: before.languages,
    counselId: before.counselId,
    facts: before.facts,
  };
}

/** Splits `mergedId` (a person merged into another) back out. */
export async function splitPerson(
  ctx: AppContext,
  actor: Actor | "system",
  mergedId: string,
  raw: z.input<typeof splitInput>,
) {
  if (actor !== "system") authorize(actor, "data.import");
  const input = splitInput.parse(raw);
  const detail: Record<string, unknown> = { mergedId, reason: input.reason };
  return writeWithAudit(
    ctx,
    actor,
    { action: "person.split", entity: "person", entityId: mergedId, detail },
    async (tx) => {
      const merge = await activeMergeOf(tx, mergedId);
      if (!merge) throw new AppError("not_found", "this person is not merged into another", "personId");
      const [first, second] = [merge.survivorId, merge.mergedId].sort();
      const locked = new Map([
        [first, await lockPerson(tx, first)],
        [second, await lockPerson(tx, second)],
      ]);
      const survivor = locked.get(merge.survivorId) as PersonRow;
      if (survivor.version !== merge.survivorVersionAfter)
        throw new AppError(
          "conflict",
          `person ${survivor.id} changed after this merge (version ${survivor.version}, merge left ${merge.survivorVersionAfter}): split the later merge first`,
          "personId",
        );
      const before = merge.survivorBefore as PersonRow;
      // The survivor first: it may give back an A-number the merged person then takes again.
      await writePerson(tx, merge.survivorId, { ...restorable(before), version: survivor.version + 1 });
      const mergedNow = locked.get(merge.mergedId) as PersonRow;
      await writePerson(tx, merge.mergedId, {
        ...restorable(merge.mergedBefore as PersonRow),
        version: mergedNow.version + 1,
      });
      const cases = await moveCases(tx, merge.survivorId, merge.mergedId, merge.movedCases);
      const records = await moveSourceRecords(tx, merge.survivorId, merge.mergedId, merge.movedRecords);
      await deleteRedirect(tx, merge.mergedId);
      const now = ctx.now();
      await markSplit(tx, merge.id, actor === "system" ? null : actor.id, now);
      if (merge.reviewId)
        await updateLinkReview(tx, merge.reviewId, {
          status: "rejected",
          decisionReason: `merge undone: ${input.reason}`,
          decidedAt: now,
          decidedBy: actor === "system" ? null : actor.id,
        });
      Object.assign(detail, {
        mergeId: merge.id,
        survivorId: merge.survivorId,
        restoredCases: cases,
        restoredRecords: records.length,
      });
      return {
        mergeId: merge.id,
        survivorId: merge.survivorId,
        mergedId,
        restoredCases: cases,
        restoredRecords: records.length,
      };
    },
  );
}
