import { formatANumber } from "../domain/a-number.js";
import { effectiveEvents } from "../domain/case-state.js";
import { getPerson } from "../store/repositories/persons.js";
import { getCounsel, getCourt, getFacility, getOffice } from "../store/repositories/reference.js";
import { type Actor, authorize } from "./access.js";
import type { AppContext } from "./context.js";
import { findCase, loadHistory } from "./load-case.js";

/** The case page's data: person, case, projection, and the full timeline (superseded events marked). */
export async function getCase(ctx: AppContext, actor: Actor, caseRef: string) {
  const tx = ctx.database.db;
  const row = await findCase(tx, caseRef);
  authorize(actor, "case.read", { officeCode: row.officeCode });
  const [person, history, office, court, facility] = await Promise.all([
    getPerson(tx, row.personId),
    loadHistory(tx, row.id),
    getOffice(tx, row.officeCode),
    row.courtCode ? getCourt(tx, row.courtCode) : undefined,
    row.facilityCode ? getFacility(tx, row.facilityCode) : undefined,
  ]);
  const counselRow = person?.counselId ? await getCounsel(tx, person.counselId) : undefined;
  const effective = new Set(effectiveEvents(history).map((h) => h.seq));
  return {
    case: {
      id: row.id,
      number: row.number,
      kind: row.kind,
      stage: row.stage,
      version: row.version,
      office: office
        ? { code: office.code, name: office.name }
        : { code: row.officeCode, name: row.officeCode },
      court: court ? { code: court.code, name: court.name, circuit: court.circuit } : null,
      facility: facility
        ? { code: facility.code, name: facility.name, city: facility.city, state: facility.state }
        : null,
      state: row.state,
      openedAt: row.openedAt.toISOString(),
    },
    person: person && {
      id: person.id,
      aNumber: person.aNumber,
      aNumberDisplay: person.aNumber ? formatANumber(person.aNumber) : null,
      givenName: person.givenName,
      familyName: person.familyName,
      aliases: person.aliases,
      birthDate: person.birthDate,
      sex: person.sex,
      birthCountry: person.birthCountry,
      citizenship: person.citizenship,
      languages: person.languages,
      facts: person.facts,
      counsel: counselRow
        ? {
            id: counselRow.id,
            name: counselRow.name,
            firm: counselRow.firm,
            city: counselRow.city,
            state: counselRow.state,
          }
        : null,
    },
    history: history.map((h) => ({
      ...h,
      superseded: !effective.has(h.seq) && h.event.type !== "event.superseded",
    })),
  };
}
