import { z } from "zod";
import { normalizeANumber } from "../domain/a-number.js";
import { type NameVariant, normalizeName, searchNames } from "../domain/names.js";
import { searchCases } from "../store/repositories/cases.js";
import { namesMatch, personNames } from "../store/repositories/oversight.js";
import { type Actor, authorize, officeScope } from "./access.js";
import type { AppContext } from "./context.js";
import { isConfidentialAlias } from "./oversight/confidential.js";
import { redactSummary } from "./oversight/redaction.js";
import { pageInput } from "./schemas.js";

export const listCasesInput = pageInput.extend({
  q: z.string().trim().max(200).optional(),
  stage: z.string().optional(),
});

/**
 * A query that looks like an A-number searches by A-number; anything else by name, fuzzily, in any script.
 * Counsel see only their clients' cases. A name that matches only through a protected alias
 * (a name from a confidential filing) finds nothing, for every reader: see docs/oversight.md.
 */
export async function listCases(ctx: AppContext, actor: Actor, raw: z.input<typeof listCasesInput>) {
  authorize(actor, "case.read");
  const input = listCasesInput.parse(raw);
  const q = input.q ?? "";
  const looksLikeANumber = /^a?[\d\s-]{8,11}$/i.test(q);
  const query = !looksLikeANumber && q ? normalizeName(q) : undefined;
  const counsel = actor.role === "counsel";
  const search = {
    offices: counsel ? null : officeScope(actor),
    counselIds: counsel ? (actor.counselIds ?? []) : undefined,
    aNumber: looksLikeANumber ? normalizeANumber(q, "q") : undefined,
    query,
    stage: input.stage,
    limit: input.limit,
    offset: input.offset,
  };
  const visible = query
    ? await pageOfVisible(ctx, search, query)
    : await searchCases(ctx.database.db, search);
  return visible.map(({ score: _score, ...r }) => redactSummary(r, actor));
}

/**
 * A page of a name search counted over the rows the reader may see: rows reached only through a
 * protected alias are dropped before offset and limit apply, so an empty or short page never tells
 * that a hidden row matched (reading from the first row: a page deep in a name search costs more).
 */
async function pageOfVisible(ctx: AppContext, search: Parameters<typeof searchCases>[1], query: string) {
  const want = search.offset + search.limit;
  const batch = Math.max(want, 50);
  const visible: Awaited<ReturnType<typeof searchCases>> = [];
  for (let from = 0; ; from += batch) {
    const rows = await searchCases(ctx.database.db, { ...search, limit: batch, offset: from });
    visible.push(...(await withoutProtectedOnlyMatches(ctx, rows, query)));
    if (rows.length < batch || visible.length >= want) break;
  }
  return visible.slice(search.offset, want);
}

/** Drops rows that the name query reached only through a protected alias. */
async function withoutProtectedOnlyMatches<R extends { personId: string }>(
  ctx: AppContext,
  rows: R[],
  query: string,
): Promise<R[]> {
  const db = ctx.database.db;
  const people = await personNames(
    db,
    rows.map((r) => r.personId),
  );
  const guarded = new Map(
    people
      .filter((p) => Array.isArray(p.aliases) && p.aliases.some(isConfidentialAlias))
      .map((p) => {
        const open = (p.aliases as NameVariant[]).filter((a) => !isConfidentialAlias(a));
        return [p.id, searchNames([{ given: p.givenName, family: p.familyName }, ...open])] as const;
      }),
  );
  if (!guarded.size) return rows;
  const keep: R[] = [];
  for (const r of rows) {
    const names = guarded.get(r.personId);
    if (names === undefined || (await namesMatch(db, query, names))) keep.push(r);
  }
  return keep;
}
