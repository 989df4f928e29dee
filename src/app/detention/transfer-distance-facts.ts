/**
 * DP-03's distance facts for ANY transfer action, not only for an accepted
 * placement: when the law inputs are loaded for a `transfer`, the distance from
 * counsel of record to the destination and whether it leaves the pending case's
 * court area are computed from the record (transfer-facts.ts) and written onto
 * the action the law engine evaluates (and the audit records).
 *
 * Declared values can only make the verdict stricter, never milder: an officer
 * may mark a move out of area for reasons the record does not show, but cannot
 * declare away a distance the record gives (`x === true || computed`).
 */
import type { CaseState } from "../../domain/case-state.js";
import type { Action, LawConfig } from "../../law/types.js";
import type { Tx } from "../../store/db.js";
import type { CaseRow } from "../../store/repositories/cases.js";
import type { PersonRow } from "../../store/repositories/persons.js";
import { getCounsel, getCourt, getFacility } from "../../store/repositories/reference.js";
import { type TransferFacts, transferFacts } from "./transfer-facts.js";

/** Computes the facts and merges them into `action` in place; returns them (null when not a transfer we can place). */
export async function addTransferDistanceFacts(
  tx: Tx,
  row: CaseRow,
  person: PersonRow | undefined,
  config: LawConfig,
  action: Action,
): Promise<TransferFacts | null> {
  if (action.type !== "transfer") return null;
  const code = (action.toFacility as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string" || code === "") return null;
  const [to, counsel, court] = await Promise.all([
    getFacility(tx, code),
    person?.counselId ? getCounsel(tx, person.counselId) : undefined,
    row.courtCode ? getCourt(tx, row.courtCode) : undefined,
  ]);
  if (!to) return null; // an unknown facility is refused by the custody checks, not here
  const state = row.state as CaseState;
  const facts = transferFacts({
    to,
    counsel: counsel ? { lat: counsel.lat, lon: counsel.lon, city: counsel.city } : null,
    court: court ? { code: court.code, city: court.city } : null,
    stage: row.stage,
    nextHearing: state.nextHearing?.date ?? null,
    config,
    asOf: action.on,
  });
  action.outOfArea = action.outOfArea === true || facts.outOfArea;
  action.impedesCounselAccess = action.impedesCounselAccess === true || facts.impedesCounselAccess;
  if (facts.counselKm !== undefined) action.counselKm = facts.counselKm;
  else delete action.counselKm;
  return facts;
}
