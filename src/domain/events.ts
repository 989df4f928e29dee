/**
 * The vocabulary of a case's history: every dated fact immos records.
 *
 * The names and fields follow docs/scenarios.md (copied from the shared
 * SCENARIOS.md, owned by the project from now on). A scenario file and a
 * stored case history are the same list of these events. Unknown types are an
 * error, never skipped; fields that a rule may read later are validated here
 * so that a bad value is refused at the door, naming the field.
 */
import { z } from "zod";

/** A real calendar date: 2025-02-29 and 0000-00-00 match the pattern but are refused. */
export function isRealDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time HH:MM (24-hour)");
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "expected a local date-time YYYY-MM-DDTHH:MM")
  .refine((v) => isRealDate(v.slice(0, 10)), "not a real calendar date");
/** A date, or a date with a time (the end of that day when only a date is given). */
export const dateOrDateTime = z.union([isoDate, localDateTime]);
export const country = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code");
export const language = z.string().regex(/^[a-z]{2,3}$/, "expected an ISO 639 language code");

const facilityKind = z.enum(["adult", "family_residential", "juvenile_licensed", "cbp_holding", "hold_room"]);
const encounterLocation = z.enum([
  "residence",
  "courthouse",
  "family_court",
  "school",
  "place_of_worship",
  "hospital",
  "shelter",
  "street",
  "traffic_stop",
  "jail",
  "port_of_entry",
  "other",
]);
const servedTo = z.enum(["person", "custodian", "counsel"]);
const serviceMethod = z.enum(["personal", "mail", "electronic"]);
const forum = z.enum(["IJ", "BIA", "circuit", "district", "DHS"]);
const protectionKind = z.enum(["withholding", "cat_withholding", "cat_deferral", "asylum"]);
const statusKind = z.enum(["tps", "daca", "lpr", "asylee", "parole", "deferred_action", "refugee", "u", "t"]);
export const orderKind = z.enum([
  "removal",
  "deportation",
  "exclusion",
  "voluntary_departure",
  "termination",
  "relief",
  "expedited_removal",
  "reinstatement",
  "administrative_238b",
  "stipulated_removal",
]);
const hearing = z.looseObject({ date: isoDate, time: clockTime, place: z.string().min(1) });

/** Fields every event may carry. */
const base = {
  on: isoDate,
  at: clockTime.optional(),
  tz: z.string().optional(),
  note: z.string().optional(),
};

function ev<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  // A type may make a base field required (uac.determined needs `at`): the type's own field wins.
  const common = Object.fromEntries(Object.entries(base).filter(([k]) => !(k in shape))) as Omit<
    typeof base,
    keyof S
  >;
  return z.looseObject({ ...common, type: z.literal(type), ...shape });
}

export const eventSchemas = [
  ev("entry", { manner: z.enum(["ewi", "admitted", "parole"]), class: z.string().optional() }),
  ev("encounter", {
    location: encounterLocation,
    source: z.enum(["officer", "tip", "abuser", "record_check"]).optional(),
  }),
  ev("arrest", {
    basis: z.enum(["i200", "i205", "warrantless"]),
    location: encounterLocation,
    reasonToBelieve: z.union([z.string(), z.boolean()]).optional(),
    likelyToEscapeFacts: z.string().optional(),
    homeEntry: z.boolean().optional(),
  }),
  ev("custody.booked", {
    facility: z.looseObject({ code: z.string().optional(), kind: facilityKind }),
    authority: z.enum(["236a", "236c", "235b", "241a", "287"]),
  }),
  ev("custody.determination", {
    form: z.string().optional(),
    decision: z.enum(["detain", "release", "bond"]),
    bond: z.number().optional(),
  }),
  ev("custody.released", { via: z.enum(["recognizance", "bond", "parole", "supervision"]) }),
  ev("custody.review", {
    kind: z.enum(["241.4", "241.13"]),
    decision: z.enum(["detain", "release"]).optional(),
    significantLikelihood: z.boolean().optional(),
  }),
  ev("uac.determined", { at: clockTime }),
  ev("uac.screened", { kind: z.string() }),
  ev("fear.claimed", { country: country.optional() }),
  ev("fear.screened", {
    kind: z.enum(["credible", "reasonable"]),
    result: z.enum(["positive", "negative"]),
    country: country.optional(),
  }),
  ev("fear.inquired", { country: country.optional(), expressed: z.boolean() }),
  ev("nta.served", {
    hearing: hearing.nullable(),
    servedTo,
    method: serviceMethod,
    personAge: z.number().optional(),
  }),
  ev("hearing.notice", {
    hearingDate: isoDate,
    servedAt: z.enum(["last_address", "other"]).optional(),
    method: z.string().optional(),
  }),
  ev("hearing.missed", {}),
  ev("order.issued", {
    by: z.enum(["IJ", "BIA", "DHS"]),
    kind: orderKind,
    delivery: z.enum(["oral", "mail", "electronic", "personal"]).optional(),
    countries: z.array(country).optional(),
    alternativeCountries: z.array(country).optional(),
    inAbsentia: z.boolean().optional(),
    vdDays: z.number().int().positive().optional(),
    vdStage: z.enum(["pre", "post"]).optional(),
    vdBond: z.number().optional(),
  }),
  ev("appeal.waived", { knowing: z.boolean().optional() }),
  ev("appeal.received", { forum: z.enum(["BIA", "circuit"]), toll: z.boolean().optional() }),
  ev("appeal.decided", {
    forum: z.enum(["BIA", "circuit"]),
    outcome: z.enum(["dismissed", "sustained", "remanded"]),
  }),
  ev("motion.received", {
    kind: z.enum(["reopen", "reconsider"]),
    forum: z.enum(["IJ", "BIA"]),
    ground: z
      .enum(["notice", "custody", "exceptional_circumstances", "changed_conditions", "new_evidence", "other"])
      .optional(),
    stayRequested: z.boolean().optional(),
  }),
  ev("motion.decided", { kind: z.enum(["reopen", "reconsider"]), outcome: z.enum(["granted", "denied"]) }),
  ev("pfr.filed", { circuit: z.string(), stayRequested: z.boolean().optional() }),
  ev("stay.granted", { by: forum, until: isoDate.optional(), pending: z.string().optional() }),
  ev("stay.ended", {}),
  ev("stay.applied", { form: z.string() }),
  ev("stay.communicated", { at: clockTime }),
  ev("protection.granted", { kind: protectionKind, country }),
  ev("protection.terminated", { kind: protectionKind, country, process: z.string() }),
  ev("protection.denied", { kind: protectionKind, country }),
  ev("citizenship.claimed", {
    basis: z.enum(["birth_us", "acquired", "derived", "naturalized"]),
    evidence: z.enum(["none", "probative"]),
  }),
  ev("citizenship.determined", { result: z.enum(["usc", "not_usc"]) }),
  ev("status.granted", { kind: statusKind, country: country.optional(), validUntil: isoDate.optional() }),
  ev("status.ended", { kind: statusKind, process: z.string().optional() }),
  ev("designation.litigation", { kind: z.string(), country }),
  ev("application.filed", { form: z.string(), pending: z.boolean() }),
  ev("confidentiality.flag", {
    kind: z.enum(["asylum_208_6", "vawa_t_u_1367"]),
    abuser: z.string().optional(),
  }),
  ev("vd.bond_posted", {}),
  ev("travel_document.requested", {
    country,
    content: z.array(z.string()).optional(),
  }),
  ev("travel_document.issued", { country, validUntil: isoDate.optional() }),
  ev("travel_document.refused", { country }),
  ev("medical.clearance", { fit: z.boolean() }),
  ev("removal_notice.served", {
    country,
    language: z.string(),
    servedTo: z.array(z.enum(["person", "counsel"])),
    method: z.string().optional(),
  }),
  ev("diplomatic_assurance.received", { country, scope: z.enum(["individual", "blanket"]) }),
  ev("departure.verified", { country, via: z.string().optional() }),
  ev("cooperation.refused", { warning: z.boolean(), country: country.optional() }),
  ev("exceptional_circumstances.documented", {
    rule: z.string(),
    reason: z.string(),
    supervisorApproved: z.boolean(),
  }),
  ev("hhs.notified", { at: clockTime }),
  ev("counsel.appeared", { form: z.enum(["EOIR-28", "G-28"]) }),
  ev("counsel.withdrawn", {}),
  // A transfer's notice to counsel of record (INA 292; docs/detention.md): due within 24 hours.
  ev("counsel.notified", {
    about: z.enum(["transfer"]),
    facility: z.string().optional(),
    method: z.enum(["electronic", "mail", "phone", "fax"]).optional(),
  }),
  ev("charge.filed", { category: z.string() }),
  ev("charge.dismissed", { category: z.string() }),
  ev("conviction", { category: z.string() }),
  ev("lpr.admitted", {}),
  ev("parent.naturalized", { parent: z.enum(["mother", "father"]), custody: z.boolean() }),
  ev("interpreter.recorded", { language: z.string() }),
  // NTA-07: the person moved (address.changed) and told EOIR on Form EOIR-33 (address.reported).
  ev("address.changed", {}),
  ev("address.reported", { form: z.enum(["EOIR-33", "EOIR-33/BIA", "NTA"]) }),
  // Operational events that immos itself records (not in the shared vocabulary).
  ev("case.opened", { kind: z.string().optional() }),
  ev("case.note", { text: z.string().min(1) }),
  // The final event of a case (immos): e.g. reason "removed" after a departure verification (I-296, EXE-06).
  ev("case.closed", { reason: z.string().min(1) }),
  ev("custody.transferred", {
    facility: z.looseObject({ code: z.string().optional(), kind: facilityKind }),
  }),
  ev("action.blocked", { action: z.string(), rules: z.array(z.string()) }),
  ev("review.requested", { action: z.string(), reviewId: z.string() }),
  ev("review.decided", {
    reviewId: z.string(),
    decision: z.enum(["approved", "denied"]),
    reason: z.string(),
  }),
  ev("event.superseded", { supersedes: z.number().int().positive(), reason: z.string().min(1) }),
  // Effects of actions taken through the law engine (src/app/actions/catalog.ts).
  ev("removal.scheduled", { country, date: isoDate.optional() }),
  ev("order.final", {}),
  ev("hearing.confirmed", { hearingDate: isoDate }),
  ev("in_absentia.requested", {}),
  ev("stop_time.recorded", { date: isoDate }),
  ev("warrant.issued", { form: z.enum(["I-200", "I-205", "I-860"]) }),
  ev("detainer.issued", {
    attachedWarrant: z.enum(["I-200", "I-205", "none"]),
    releaseAt: localDateTime.optional(),
    holdUntil: dateOrDateTime.optional(),
  }),
  ev("custody.continued", {}),
  ev("bond.jurisdiction_refused", {}),
  ev("vd.extended", { until: isoDate, by: z.string() }),
  ev("vd.granted", { stage: z.string().optional(), days: z.number().int().positive(), by: z.string() }),
  ev("vd.penalty_recorded", {}),
  ev("disclosure.made", { to: z.string(), content: z.array(z.string()) }),
] as const;

export const caseEventSchema = z.discriminatedUnion("type", eventSchemas);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type EventType = CaseEvent["type"];
export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;
export const eventTypes: readonly EventType[] = eventSchemas.map((s) => s.shape.type.value);

export function isEventType(type: string): type is EventType {
  return (eventTypes as readonly string[]).includes(type);
}
