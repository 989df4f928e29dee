import { formatANumber } from "../domain/a-number.js";
import { effectiveEvents } from "../domain/case-state.js";
import { getPerson } from "../store/repositories/persons.js";
import { getCounsel, getCourt, getFacility, getOffice } from "../store/repositories/reference.js";
import { type Actor, authorize, authorizeCase } from "./access.js";
import type { AppContext } from "./context.js";
import { caseNotFound, findCase, loadHistory } from "./load-case.js";
import { discloseCaseView } from "./oversight/disclosure.js";

/**
 * The case page's data: person, case, projection, and the full timeline (superseded events marked),
 * redacted for the reader (src/app/oversight/redaction.ts); showing confidential parts is logged.
 */
export async function getCase(ctx: AppContext, actor: Actor, caseRef: string, purpose?: string) {
  const tx = ctx.database.db;
  // The role is checked before the lookup, so a role without the permission cannot probe which cases exist.
  authorize(actor, "case.read");
  const row = await findCase(tx, caseRef);
  // Counsel who are not of record get the very answer a missing case gets.
  await authorizeCase(tx, actor, "case.read", row, () => caseNotFound(caseRef));
  const personRow = await getPerson(tx, row.personId);
  const [person, history, office, court, facility] = await Promise.all([
    Promise.resolve(personRow),
    loadHistory(tx, row.id),
    getOffice(tx, row.officeCode),
    row.courtCode ? getCourt(tx, row.courtCode) : undefined,
    row.facilityCode ? getFacility(tx, row.facilityCode) : undefined,
  ]);
  const counselRow = person?.counselId ? await getCounsel(tx, person.counselId) : undefined;
  const effective = new Set(effectiveEvents(history).map((h) => h.seq));
  const view = {
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
  return discloseCaseView(ctx, actor, view, purpose ?? actor.purpose);
}
