/** Zod schemas shared by the HTTP routes, the CLI and the use cases (one source for all three). */
import { z } from "zod";
import { country, language } from "../domain/events.js";
import { partialDate } from "../domain/person-facts.js";

export const nameVariant = z.object({
  given: z.string().trim().min(1).max(200),
  family: z.string().trim().min(1).max(200),
  script: z.string().max(20).optional(),
  // "protected": a name from a confidential filing (8 U.S.C. 1367); hidden and unsearchable without need to know.
  kind: z.enum(["primary", "alias", "transliteration", "native", "protected"]).optional(),
});

export const personInput = z.object({
  givenName: z.string().trim().min(1).max(200),
  familyName: z.string().trim().min(1).max(200),
  aliases: z.array(nameVariant).max(50).default([]),
  aNumber: z.string().optional(),
  birthDate: partialDate.optional(),
  sex: z.enum(["F", "M", "X"]).optional(),
  birthCountry: country.optional(),
  citizenship: z.array(country).default([]),
  languages: z.array(language).default([]),
  counselId: z.uuid().optional(),
  facts: z.record(z.string(), z.unknown()).default({}),
});
export type PersonInput = z.infer<typeof personInput>;

export const caseKinds = [
  "removal_240",
  "expedited_removal",
  "reinstatement",
  "administrative_238b",
  "withholding_only",
  "deportation_pre1997",
] as const;

export const caseInput = z.object({
  kind: z.enum(caseKinds),
  officeCode: z.string().min(1),
  courtCode: z.string().min(1).optional(),
});

export const pageInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
