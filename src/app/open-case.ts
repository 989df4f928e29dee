import { randomUUID } from "node:crypto";
import { z } from "zod";
import { normalizeANumber } from "../domain/a-number.js";
import { caseNumber } from "../domain/case-number.js";
import { projectCase, type StoredEvent } from "../domain/case-state.js";
import { AppError } from "../domain/errors.js";
import { caseEventSchema } from "../domain/events.js";
import { searchNames } from "../domain/names.js";
import { insertCase, insertEvents } from "../store/repositories/cases.js";
import { findPersonByANumber, insertPerson } from "../store/repositories/persons.js";
import { getCourt, getOffice } from "../store/repositories/reference.js";
import { type Actor, authorize } from "./access.js";
import { type AppContext, today, writeWithAudit } from "./context.js";
import { caseInput, personInput } from "./schemas.js";

export const openCaseInput = z.object({
  person: personInput,
  case: caseInput,
  events: z.array(caseEventSchema).default([]),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;

export async function openCase(ctx: AppContext, actor: Actor | "system", raw: OpenCaseInput) {
  const input = openCaseInput.parse(raw);
  if (actor !== "system") authorize(actor, "case.create", { officeCode: input.case.officeCode });
  const p = input.person;
  const aNumber = p.aNumber ? normalizeANumber(p.aNumber, "person.aNumber") : null;
  for (let i = 1; i < input.events.length; i++) {
    if (input.events[i].on < input.events[i - 1].on) {
      throw new AppError("invalid_input", "events must be in date order", `events.${i}.on`);
    }
  }
  const personId = randomUUID();
  const caseId = randomUUID();
  const number = caseNumber(input.case.officeCode, today(ctx).slice(0, 4), caseId);
  const recordedBy = actor === "system" ? null : actor.id;
  const stored: StoredEvent[] = input.events.map((event, i) => ({ seq: i + 1, event }));
  const state = projectCase(stored);
  return writeWithAudit(
    ctx,
    actor,
    { action: "case.open", entity: "case", entityId: caseId, detail: { number, events: stored.length } },
    async (tx) => {
      if (!(await getOffice(tx, input.case.officeCode)))
        throw new AppError("invalid_input", `unknown office ${input.case.officeCode}`, "case.officeCode");
      if (input.case.courtCode && !(await getCourt(tx, input.case.courtCode))) {
        throw new AppError("invalid_input", `unknown court ${input.case.courtCode}`, "case.courtCode");
      }
      if (aNumber && (await findPersonByANumber(tx, aNumber))) {
        throw new AppError("conflict", `a person with A-number ${aNumber} already exists`, "person.aNumber");
      }
      const names = [{ given: p.givenName, family: p.familyName }, ...p.aliases];
      await insertPerson(tx, {
        id: personId,
        aNumber,
        givenName: p.givenName,
        familyName: p.familyName,
        aliases: p.aliases,
        searchNames: searchNames(names),
        birthDate: p.birthDate ?? null,
        sex: p.sex ?? null,
        birthCountry: p.birthCountry ?? null,
        citizenship: p.citizenship,
        languages: p.languages,
        counselId: p.counselId ?? null,
        facts: p.facts,
      });
      await insertCase(tx, {
        id: caseId,
        number,
        personId,
        kind: input.case.kind,
        courtCode: input.case.courtCode ?? null,
        officeCode: input.case.officeCode,
        stage: state.stage,
        state,
        facilityCode: state.facilityCode,
        lastEventOn: state.lastEventOn,
        eventCount: stored.length,
        version: stored.length,
      });
      await insertEvents(
        tx,
        stored.map((s) => ({
          caseId,
          seq: s.seq,
          type: s.event.type,
          on: s.event.on,
          at: s.event.at ?? null,
          body: s.event,
          recordedBy,
        })),
      );
      return { caseId, number, personId, version: stored.length, state };
    },
  );
}
