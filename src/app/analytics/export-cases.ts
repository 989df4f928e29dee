/**
 * The case list as a file: the same use case as the list (listCases: its
 * access check, office scope, filters and columns), page by page.
 */
import type { z } from "zod";
import type { Actor } from "../access.js";
import type { AppContext } from "../context.js";
import { listCases, type listCasesInput } from "../list-cases.js";

const PAGE = 500;
const MAX_ROWS = 100_000;

/** With a limit, that one page (as the list shows it); without, every row the list would page through. */
export async function exportCases(ctx: AppContext, actor: Actor, query: z.input<typeof listCasesInput>) {
  if (query.limit !== undefined) return listCases(ctx, actor, query);
  const rows: Awaited<ReturnType<typeof listCases>> = [];
  for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
    const page = await listCases(ctx, actor, { ...query, limit: PAGE, offset });
    rows.push(...page);
    if (page.length < PAGE) break;
  }
  return rows;
}
