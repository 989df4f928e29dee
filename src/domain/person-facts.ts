/**
 * What the law engine knows about the person, in the shape of a scenario's
 * `person` object. Absent `children`, `unaccompaniedChild`,
 * `competencyConcerns` and `pregnantWeeks` mean none recorded; every other
 * absent fact is unknown (docs/scenarios.md, "Conventions").
 */
import { z } from "zod";
import { country, isoDate, isRealDate, language } from "./events.js";

/** A birth date may be partial: a year, a year and month, or a whole date. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(
    (v) => isRealDate(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v),
    "not a real calendar date",
  );

export const childSchema = z.looseObject({
  birthDate: partialDate.optional(),
  usCitizen: z.boolean().optional(),
  inUS: z.boolean().optional(),
  careArranged: z.boolean().optional(),
});

export const personFactsSchema = z.looseObject({
  birthDate: partialDate.optional(),
  birthCountry: country.optional(),
  citizenship: z.array(country).optional(),
  languages: z.array(language).optional(),
  sex: z.enum(["F", "M", "X"]).optional(),
  aNumber: z.string().optional(),
  unaccompaniedChild: z.boolean().optional(),
  pregnantWeeks: z.number().nonnegative().optional(),
  competencyConcerns: z.boolean().optional(),
  represented: z.boolean().optional(),
  children: z.array(childSchema).optional(),
  usPresenceSince: isoDate.optional(),
  entry: z
    .looseObject({
      on: isoDate.optional(),
      manner: z.enum(["ewi", "admitted", "parole"]),
      class: z.string().optional(),
    })
    .optional(),
});
export type PersonFacts = z.infer<typeof personFactsSchema>;
