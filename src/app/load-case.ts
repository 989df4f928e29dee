import type { StoredEvent } from "../domain/case-state.js";
import { AppError } from "../domain/errors.js";
import type { CaseEvent } from "../domain/events.js";
import type { Tx } from "../store/db.js";
import { type CaseRow, getCase, getCaseByNumber, listEvents } from "../store/repositories/cases.js";
import { getFacility } from "../store/repositories/reference.js";
import { checkOnePlace } from "./detention/custody-guard.js";

/** The answer for a case that does not exist (also what counsel get for a case not their client's). */
export const caseNotFound = (idOrNumber: string) =>
  new AppError("not_found", `case ${idOrNumber} not found`, "caseId");

/** A case by id or by its number. */
export async function findCase(tx: Tx, idOrNumber: string): Promise<CaseRow> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
  const row = isUuid ? await getCase(tx, idOrNumber) : await getCaseByNumber(tx, idOrNumber);
  if (!row) throw caseNotFound(idOrNumber);
  return row;
}

export async function loadHistory(tx: Tx, caseId: string): Promise<StoredEvent[]> {
  const rows = await listEvents(tx, caseId);
  return rows.map((r) => ({
    seq: r.seq,
    event: r.body as CaseEvent,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  }));
}

/**
 * A facility named in an event must exist: a person is never booked into nowhere.
 * Given the case, also: a person is never in two places at once (./detention/custody-guard.ts).
 */
export async function checkFacility(tx: Tx, event: CaseEvent, field: string, row?: CaseRow): Promise<void> {
  if (event.type !== "custody.booked" && event.type !== "custody.transferred") return;
  const code = event.facility.code;
  if (code && !(await getFacility(tx, code))) {
    throw new AppError("invalid_input", `unknown facility ${code}`, `${field}.facility.code`);
  }
  if (row) await checkOnePlace(tx, row, event, field);
}
