/**
 * The input of every immos document: who, which case, what happened (the
 * case history as CaseEvents), who signs, and on which day. Form-specific
 * facts that the event vocabulary does not carry (charges, conditions,
 * reasons...) come in `details`, one optional block per form.
 */
import { z } from "zod";
import { caseEventSchema, clockTime, country, isoDate, language } from "../domain/events.js";
import { partialDate } from "../domain/person-facts.js";

export const addressSchema = z.object({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: country.optional(),
});
export type Address = z.infer<typeof addressSchema>;

const place = z.object({ name: z.string().min(1), address: addressSchema });

export const personSchema = z.object({
  names: z.object({ given: z.string(), family: z.string(), middle: z.string().optional() }),
  aliases: z.array(z.string()).optional(),
  aNumber: z.string().optional(),
  birthDate: partialDate.optional(),
  birthCountry: country.optional(),
  citizenship: z.array(country).optional(),
  languages: z.array(language).optional(),
  sex: z.enum(["F", "M", "X"]).optional(),
  address: addressSchema.optional(),
  phone: z.string().optional(),
});

const hearingSchema = z.object({ date: z.string(), time: z.string(), place: z.string() });
const warrantSchema = z.object({
  form: z.string(),
  number: z.string().optional(),
  signedBy: z.string().optional(),
  signedOn: isoDate.optional(),
});

/** Facts a form needs that are not events; each block is read by one form only. */
export const detailsSchema = z.object({
  nta: z
    .object({
      classification: z.enum(["arriving", "present_without_admission", "admitted_removable"]).optional(),
      allegations: z.array(z.string()).optional(),
      charges: z.array(z.object({ section: z.string().min(1), description: z.string().min(1) })).optional(),
      /** The EOIR scheduling record; when absent, the latest nta.served event's hearing is used. */
      hearing: hearingSchema.partial().optional(),
      entryPlace: z.string().optional(),
    })
    .optional(),
  i200: z
    .object({
      basis: z.array(z.enum(["charging_document", "proceedings_pending", "biometric_match", "statements"])),
    })
    .partial()
    .optional(),
  i205: z.object({ portOfEntry: z.string(), inaProvisions: z.string() }).partial().optional(),
  i213: z
    .object({ narrative: z.string(), disposition: z.string(), occupation: z.string() })
    .partial()
    .optional(),
  i247a: z
    .object({
      agency: place,
      basis: z.enum(["final_order", "proceedings_pending", "biometric_match", "statements"]),
      warrant: warrantSchema,
      operativeOnConviction: z.boolean(),
    })
    .partial()
    .optional(),
  i826: z
    .object({ choice: z.enum(["hearing", "fear", "return"]) })
    .partial()
    .optional(),
  i296: z
    .object({ barYears: z.union([z.literal(5), z.literal(10), z.literal(20), z.literal("permanent")]) })
    .partial()
    .optional(),
  release: z
    .object({
      reportTo: place,
      schedule: z.string(),
      reportFirstOn: isoDate,
      conditions: z.array(z.string()),
      bond: z.number(),
    })
    .partial()
    .optional(),
  eoir33: z
    .object({
      newAddress: addressSchema,
      mailingAddress: addressSchema,
      phone: z.string(),
      email: z.string(),
      effectiveOn: isoDate,
      serviceMethod: z.enum(["mail", "personal", "electronic"]),
    })
    .partial()
    .optional(),
  i246: z
    .object({
      stayUntil: isoDate,
      reasons: z.string(),
      passport: z.object({ number: z.string(), country, expiresOn: isoDate }),
      family: z.array(z.string()),
    })
    .partial()
    .optional(),
  travelDocument: z.object({ country, consulate: place, remarks: z.string() }).partial().optional(),
});
export type DocumentDetails = z.infer<typeof detailsSchema>;

export const documentContextSchema = z.object({
  person: personSchema,
  case: z.object({
    id: z.string().min(1),
    kind: z.string().optional(),
    court: place.optional(),
    office: place.optional(),
  }),
  events: z.array(caseEventSchema),
  counsel: z.object({ name: z.string(), address: addressSchema, eoirId: z.string().optional() }).optional(),
  facility: z.object({ code: z.string(), name: z.string(), address: addressSchema }).optional(),
  officer: z.object({ name: z.string(), title: z.string() }),
  issuedOn: isoDate,
  details: detailsSchema.optional(),
});

export type DocumentContext = z.infer<typeof documentContextSchema>;
export type DocumentPerson = DocumentContext["person"];
export { clockTime };
