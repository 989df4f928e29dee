/**
 * Records a person's placement facts: security level, medical need, the kind
 * of facility they need, and where their family is (a place, for the family
 * anchor). These are classification facts an officer records, not tracking.
 */
import { z } from "zod";
import { mergePersonFacts } from "../../store/repositories/detention.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { findCase } from "../load-case.js";
import { detentionFactsSchema, familyAnchorSchema } from "./placement-facts.js";

export const setFactsInput = z.object({
  detention: detentionFactsSchema.optional(),
  /** null removes the family anchor. */
  family: familyAnchorSchema.nullable().optional(),
});
export type SetFactsInput = z.input<typeof setFactsInput>;

export async function setPlacementFacts(ctx: AppContext, actor: Actor, caseRef: string, raw: SetFactsInput) {
  const input = setFactsInput.parse(raw);
  return writeWithAudit(
    ctx,
    actor,
    {
      action: "person.placement_facts",
      entity: "case",
      entityId: caseRef,
      detail: { keys: Object.keys(input) },
    },
    async (tx) => {
      const row = await findCase(tx, caseRef);
      authorize(actor, "case.write", { officeCode: row.officeCode });
      const patch: Record<string, unknown> = {};
      if (input.detention) patch.detention = input.detention;
      if (input.family !== undefined) patch.family = input.family;
      await mergePersonFacts(tx, row.personId, patch);
      return { caseId: row.id, personId: row.personId };
    },
  );
}
