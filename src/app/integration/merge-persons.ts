/**
 * Merging two persons who are one: the survivor keeps its id; the other's id redirects to it
 * (person_redirects), its cases and source records move to the survivor, its names become the
 * survivor's aliases. Everything a split needs to undo it exactly is recorded (person_merges:
 * both rows before, the moved cases and records). The merged person's row is kept as it was
 * (apart from an A-number that moves), so a split restores it.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { type NameVariant, searchNames } from "../../domain/names.js";
import type { Tx } from "../../store/db.js";
import {
  casesOfPerson,
  insertMerge,
  insertRedirect,
  lockPerson,
  moveCases,
  moveSourceRecords,
  type PersonRow,
  updateLinkReview,
  writePerson,
} from "../../store/repositories/integration.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { resolvePersonId } from "./resolve-person-id.js";

export const mergeInput = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  reason: z.string().trim().min(5, "state why (at least 5 characters)").max(500),
});

function mergedNames(survivor: PersonRow, merged: PersonRow): NameVariant[] {
  const out = [...(survivor.aliases as NameVariant[])];
  const seen = new Set(
    [{ given: survivor.givenName, family: survivor.familyName }, ...out].map((n) =>
      `${n.given}|${n.family}`.toLowerCase(),
    ),
  );
  for (const n of [
    { given: merged.givenName, family: merged.familyName, kind: "alias" as const },
    ...(merged.aliases as NameVariant[]),
  ]) {
    const key = `${n.given}|${n.family}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/** Every case the merge moves must be within the actor's reach. */
async function checkReach(tx: Tx, actor: Actor | "system", personId: string) {
  if (actor === "system") return;
  for (const c of await casesOfPerson(tx, personId))
    authorize(actor, "case.write", { officeCode: c.officeCode });
}

export async function mergePersons(
  ctx: AppContext,
  actor: Actor | "system",
  raw: z.input<typeof mergeInput>,
  opts: { reviewId?: string } = {},
) {
  if (actor !== "system") authorize(actor, "data.import");
  const input = mergeInput.parse(raw);
  const mergeId = randomUUID();
  const detail: Record<string, unknown> = { mergeId, mergedId: input.mergedId, reason: input.reason };
  return writeWithAudit(
    ctx,
    actor,
    { action: "person.merge", entity: "person", entityId: input.survivorId, detail },
    async (tx) => {
      const survivorId = (await resolvePersonId(tx, input.survivorId)).id;
      const mergedId = (await resolvePersonId(tx, input.mergedId)).id;
      if (survivorId === mergedId) throw new AppError("conflict", "these are already one person", "mergedId");
      // Lock in id order: two merges of the same pair cannot deadlock.
      const [first, second] = [survivorId, mergedId].sort();
      const locked = new Map([
        [first, await lockPerson(tx, first)],
        [second, await lockPerson(tx, second)],
      ]);
      const survivor = locked.get(survivorId);
      const merged = locked.get(mergedId);
      if (!survivor) throw new AppError("not_found", "person not found", "survivorId");
      if (!merged) throw new AppError("not_found", "person not found", "mergedId");
      await checkReach(tx, actor, mergedId);
      await checkReach(tx, actor, survivorId);

      const movesANumber = !survivor.aNumber && !!merged.aNumber;
      if (movesANumber) await writePerson(tx, mergedId, { aNumber: null });
      if (survivor.aNumber && merged.aNumber && survivor.aNumber !== merged.aNumber)
        detail.conflictingANumbers = [survivor.aNumber, merged.aNumber];
      const aliases = mergedNames(survivor, merged);
      const version = survivor.version + 1;
      await writePerson(tx, survivorId, {
        aNumber: survivor.aNumber ?? merged.aNumber,
        aliases,
        searchNames: searchNames([{ given: survivor.givenName, family: survivor.familyName }, ...aliases]),
        birthDate: survivor.birthDate ?? merged.birthDate,
        sex: survivor.sex ?? merged.sex,
        birthCountry: survivor.birthCountry ?? merged.birthCountry,
        citizenship: [...new Set([...survivor.citizenship, ...merged.citizenship])],
        languages: [...new Set([...survivor.languages, ...merged.languages])],
        counselId: survivor.counselId ?? merged.counselId,
        facts: { ...(merged.facts as object), ...(survivor.facts as object) },
        version,
      });
      const movedCases = await moveCases(tx, mergedId, survivorId);
      const movedRecords = await moveSourceRecords(tx, mergedId, survivorId);
      const now = ctx.now();
      await insertMerge(tx, {
        id: mergeId,
        survivorId,
        mergedId,
        survivorBefore: survivor,
        mergedBefore: merged,
        survivorVersionAfter: version,
        movedCases,
        movedRecords,
        reviewId: opts.reviewId ?? null,
        reason: input.reason,
        mergedBy: actor === "system" ? null : actor.id,
        mergedAt: now,
      });
      await insertRedirect(tx, { fromId: mergedId, toId: survivorId, mergeId, createdAt: now });
      if (opts.reviewId)
        await updateLinkReview(tx, opts.reviewId, {
          status: "accepted",
          decidedBy: actor === "system" ? null : actor.id,
          decidedAt: now,
          decisionReason: input.reason,
          mergeId,
        });
      Object.assign(detail, {
        survivorId,
        mergedId,
        movedCases,
        movedRecords: movedRecords.length,
        movesANumber,
      });
      return { mergeId, survivorId, mergedId, movedCases, movedRecords: movedRecords.length };
    },
  );
}
