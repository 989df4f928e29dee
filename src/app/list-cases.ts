import { z } from "zod";
import { normalizeANumber } from "../domain/a-number.js";
import { normalizeName } from "../domain/names.js";
import { searchCases } from "../store/repositories/cases.js";
import { type Actor, authorize, officeScope } from "./access.js";
import type { AppContext } from "./context.js";
import { pageInput } from "./schemas.js";

export const listCasesInput = pageInput.extend({
  q: z.string().trim().max(200).optional(),
  stage: z.string().optional(),
});

/** A query that looks like an A-number searches by A-number; anything else by name, fuzzily, in any script. */
export async function listCases(ctx: AppContext, actor: Actor, raw: z.input<typeof listCasesInput>) {
  authorize(actor, "case.read");
  const input = listCasesInput.parse(raw);
  const q = input.q ?? "";
  const looksLikeANumber = /^a?[\d\s-]{8,11}$/i.test(q);
  const rows = await searchCases(ctx.database.db, {
    offices: officeScope(actor),
    aNumber: looksLikeANumber ? normalizeANumber(q, "q") : undefined,
    query: !looksLikeANumber && q ? normalizeName(q) : undefined,
    stage: input.stage,
    limit: input.limit,
    offset: input.offset,
  });
  return rows.map(({ score: _score, ...r }) => r);
}
