/**
 * Rows for bulk loading a generated demo case: used by the seed (multi-row
 * INSERT) and by the agency-scale COPY benchmark, so both write the same data.
 */
import { randomUUID } from "node:crypto";
import { normalizeANumber } from "../domain/a-number.js";
import { caseNumber } from "../domain/case-number.js";
import { projectCase } from "../domain/case-state.js";
import { searchNames } from "../domain/names.js";
import type { SeedCase } from "../seed/index.js";
import type { BulkBatch } from "../store/repositories/bulk.js";
import { personInput } from "./schemas.js";

/** The rows of one generated case (person, case with its projection, events), as the seed and the COPY load write them. Returns the person's counsel id. */
export function rowsFor(c: SeedCase, year: string, into: BulkBatch): string | undefined {
  const p = personInput.parse(c.person);
  const personId = randomUUID();
  const caseId = randomUUID();
  const stored = c.events.map((event, i) => ({ seq: i + 1, event }));
  const state = projectCase(stored);
  into.persons.push({
    id: personId,
    aNumber: p.aNumber ? normalizeANumber(p.aNumber) : null,
    givenName: p.givenName,
    familyName: p.familyName,
    aliases: p.aliases,
    searchNames: searchNames([{ given: p.givenName, family: p.familyName }, ...p.aliases]),
    birthDate: p.birthDate ?? null,
    sex: p.sex ?? null,
    birthCountry: p.birthCountry ?? null,
    citizenship: p.citizenship,
    languages: p.languages,
    counselId: p.counselId ?? null,
    facts: p.facts,
  });
  into.cases.push({
    id: caseId,
    number: caseNumber(c.case.officeCode, year, caseId),
    personId,
    kind: c.case.kind,
    courtCode: c.case.courtCode ?? null,
    officeCode: c.case.officeCode,
    stage: state.stage,
    state,
    facilityCode: state.facilityCode,
    lastEventOn: state.lastEventOn,
    eventCount: stored.length,
    version: stored.length,
  });
  for (const s of stored) {
    into.events.push({
      caseId,
      seq: s.seq,
      type: s.event.type,
      on: s.event.on,
      at: s.event.at ?? null,
      body: s.event,
    });
  }
  return p.counselId;
}
