/**
 * What the oversight layer needs to decide, for many cases at once, whether
 * they hold confidential information and who may see it (src/app/oversight/
 * case-confidentiality.ts): office, counsel of record, kind, flags, aliases,
 * and the events of the types that can be confidential. Two queries, however
 * many cases (a 300-person manifest, a 500-task queue).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db.js";
import { caseEvents, cases, persons } from "../schema.js";

export interface ConfidentialityRow {
  caseId: string;
  officeCode: string;
  kind: string;
  state: unknown;
  counselId: string | null;
  aliases: unknown;
  events: { seq: number; body: unknown }[];
}

export async function loadConfidentialityRows(
  tx: Tx,
  caseIds: readonly string[],
  eventTypes: readonly string[],
): Promise<ConfidentialityRow[]> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return [];
  // One after the other: a transaction is one connection (node-postgres does not queue on it).
  const rows = await tx
    .select({
      caseId: cases.id,
      officeCode: cases.officeCode,
      kind: cases.kind,
      state: cases.state,
      counselId: persons.counselId,
      aliases: persons.aliases,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(inArray(cases.id, ids));
  const events = eventTypes.length
    ? await tx
        .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, body: caseEvents.body })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, ids), inArray(caseEvents.type, [...eventTypes])))
    : [];
  const byCase = new Map<string, { seq: number; body: unknown }[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push({ seq: e.seq, body: e.body });
    byCase.set(e.caseId, list);
  }
  return rows.map((r) => ({ ...r, events: byCase.get(r.caseId) ?? [] }));
}
