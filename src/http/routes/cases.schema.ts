import { z } from "zod";
import { listCasesInput } from "../../app/list-cases.js";
import { openCaseInput } from "../../app/open-case.js";
import { recordEventInput } from "../../app/record-event.js";

export const caseParams = z.object({ id: z.string().min(1).describe("case id (UUID) or case number") });
export const listQuery = listCasesInput;
export const openBody = openCaseInput;
export const eventBody = recordEventInput;

export const caseSummary = z.object({
  id: z.string(),
  number: z.string(),
  stage: z.string(),
  kind: z.string(),
  officeCode: z.string(),
  courtCode: z.string().nullable(),
  facilityCode: z.string().nullable(),
  lastEventOn: z.string().nullable(),
  version: z.number(),
  personId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  aNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  citizenship: z.array(z.string()),
});

export const writeResult = z.object({
  caseId: z.string(),
  number: z.string(),
  version: z.number(),
  seq: z.number().optional(),
  state: z.record(z.string(), z.unknown()),
});
