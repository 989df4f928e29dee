/**
 * Every action an officer can take on a case (docs/scenarios.md "Action
 * types"): its fields (Zod, shared by API, CLI and web), who may take it, and
 * the event(s) it records once the law engine lets it happen, or the use case
 * it hands over to when one exists already (delegated.ts).
 */
import { z } from "zod";
import {
  type CaseEvent,
  clockTime,
  country,
  dateOrDateTime,
  isoDate,
  localDateTime,
} from "../../domain/events.js";
import type { Verdict } from "../../law/types.js";
import type { Permission } from "../access.js";
import { type PerformContext, type Performed, performFlightDepart, performManifestAdd } from "./delegated.js";

const base = { on: isoDate, at: clockTime.optional(), tz: z.string().optional() };
const hearing = z.object({ date: isoDate, time: clockTime, place: z.string().min(1) });
const locations = z.enum([
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
const facilityKind = z.enum(["adult", "family_residential", "juvenile_licensed", "cbp_holding", "hold_room"]);

export interface ActionSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  type: string;
  label: string;
  permission: Permission;
  schema: S;
  /** The events recorded when the action goes ahead (the verdict lets a note quote its findings). */
  effect(a: z.infer<S>, verdict?: Verdict): CaseEvent[];
  /**
   * Instead of recording `effect`: the existing use case that carries the action out, in the same
   * transaction, once the law lets it go ahead (delegated.ts).
   */
  perform?(a: z.infer<S>, p: PerformContext): Promise<Performed>;
  /** Irreversible actions (RULES.md §0.1): removal, disclosure, entering a home. */
  irreversible?: boolean;
}

function spec<S extends z.ZodTypeAny>(s: ActionSpec<S>): ActionSpec<S> {
  return s;
}

const obj = <T extends z.ZodRawShape>(type: string, shape: T) =>
  z.object({ ...base, type: z.literal(type), ...shape });

export const actionSpecs = [
  spec({
    type: "removal.schedule",
    label: "Schedule removal",
    permission: "case.write",
    schema: obj("removal.schedule", { country, date: isoDate.optional() }),
    effect: (a) => [{ type: "removal.scheduled", on: a.on, country: a.country, date: a.date }],
  }),
  spec({
    type: "removal.execute",
    label: "Execute removal",
    permission: "case.write",
    irreversible: true,
    schema: obj("removal.execute", { country, date: isoDate.optional() }),
    effect: (a) => [{ type: "departure.verified", on: a.on, at: a.at, country: a.country, via: "removal" }],
  }),
  spec({
    type: "manifest.add",
    label: "Add to a movement's manifest",
    permission: "case.write",
    irreversible: true,
    schema: obj("manifest.add", {
      country,
      date: isoDate.optional(),
      // Which manifest; optional so that a scenario's action (country and date only) can be evaluated.
      movement: z.string().min(1).optional().describe("the movement's number or id"),
      role: z.enum(["primary", "alternate"]).optional(),
    }),
    effect: () => [],
    perform: performManifestAdd,
  }),
  spec({
    type: "flight.depart",
    label: "Record the removal flight's departure",
    permission: "case.write",
    irreversible: true,
    schema: obj("flight.depart", {
      country,
      boardingCompletedAt: z
        .union([localDateTime, clockTime])
        .describe("when boarding was completed: YYYY-MM-DDTHH:MM, or HH:MM on the action's date"),
      movement: z.string().min(1).optional().describe("the movement's number or id"),
    }),
    effect: () => [],
    perform: performFlightDepart,
  }),
  spec({
    type: "case.close",
    label: "Close the case",
    permission: "case.write",
    schema: obj("case.close", {
      reason: z
        .enum(["removed", "departed_voluntarily", "terminated", "relief_granted", "status_granted", "other"])
        .optional(),
    }),
    effect: (a, verdict) => [
      {
        type: "case.closed",
        on: a.on,
        reason: a.reason ?? "other",
        // EXE-06's finding names the re-entry bar the written notice must state.
        note: verdict?.findings.map((f) => `${f.rule}: ${f.message}`).join(" ") || undefined,
      },
    ],
  }),
  spec({
    type: "consular.notify",
    label: "Notify the consulate",
    permission: "case.write",
    irreversible: true,
    schema: obj("consular.notify", { country, content: z.array(z.string()).min(1) }),
    effect: (a) => [
      {
        type: "disclosure.made",
        on: a.on,
        to: "foreign_government",
        content: a.content,
        note: `consular notification to ${a.country}`,
      },
    ],
  }),
  spec({
    type: "order.mark_final",
    label: "Mark the order final",
    permission: "case.write",
    schema: obj("order.mark_final", {}),
    effect: (a) => [{ type: "order.final", on: a.on }],
  }),
  spec({
    type: "nta.serve",
    label: "Serve a Notice to Appear",
    permission: "case.write",
    schema: obj("nta.serve", {
      hearing: hearing.nullable(),
      servedTo: z.enum(["person", "custodian", "counsel"]),
      method: z.enum(["personal", "mail", "electronic"]),
      schedulingUnavailable: z.boolean().optional(),
    }),
    effect: (a) => [
      { type: "nta.served", on: a.on, at: a.at, hearing: a.hearing, servedTo: a.servedTo, method: a.method },
    ],
  }),
  spec({
    type: "hearing.confirm",
    label: "Confirm the hearing",
    permission: "case.write",
    schema: obj("hearing.confirm", { hearingDate: isoDate }),
    effect: (a) => [{ type: "hearing.confirmed", on: a.on, hearingDate: a.hearingDate }],
  }),
  spec({
    type: "in_absentia.request",
    label: "Request an in absentia order",
    permission: "case.write",
    schema: obj("in_absentia.request", {}),
    effect: (a) => [{ type: "in_absentia.requested", on: a.on }],
  }),
  spec({
    type: "stop_time.record",
    label: "Record the stop-time date",
    permission: "case.write",
    schema: obj("stop_time.record", { date: isoDate }),
    effect: (a) => [{ type: "stop_time.recorded", on: a.on, date: a.date }],
  }),
  spec({
    type: "arrest.make",
    label: "Arrest",
    permission: "case.write",
    schema: obj("arrest.make", {
      basis: z.enum(["i200", "i205", "warrantless"]),
      location: locations,
      reasonToBelieve: z.union([z.string(), z.boolean()]).optional(),
      likelyToEscapeFacts: z.string().optional(),
      homeEntry: z.boolean().optional(),
    }),
    effect: (a) => [
      {
        type: "arrest",
        on: a.on,
        at: a.at,
        basis: a.basis,
        location: a.location,
        reasonToBelieve: a.reasonToBelieve,
        likelyToEscapeFacts: a.likelyToEscapeFacts,
        homeEntry: a.homeEntry,
      },
    ],
  }),
  spec({
    type: "warrant.issue",
    label: "Issue a warrant",
    permission: "case.write",
    schema: obj("warrant.issue", {
      form: z.enum(["I-200", "I-205", "I-860"]),
      inadmissibilityGround: z.string().optional(),
      supervisorApproved: z.boolean().optional(),
      swornStatement: z.boolean().optional(),
    }),
    effect: (a) => [{ type: "warrant.issued", on: a.on, form: a.form }],
  }),
  spec({
    type: "detainer.issue",
    label: "Issue a detainer (I-247A)",
    permission: "case.write",
    schema: obj("detainer.issue", {
      attachedWarrant: z.enum(["I-200", "I-205", "none"]),
      releaseAt: localDateTime,
      holdUntil: dateOrDateTime.optional(),
      probableCause: z.enum(["final_order", "pending_proceedings", "biometric_match", "statements", "none"]),
      citizenshipChecked: z.boolean(),
    }),
    effect: (a) => [
      {
        type: "detainer.issued",
        on: a.on,
        attachedWarrant: a.attachedWarrant,
        releaseAt: a.releaseAt,
        holdUntil: a.holdUntil,
      },
    ],
  }),
  spec({
    type: "detention.continue",
    label: "Continue detention",
    permission: "case.write",
    schema: obj("detention.continue", {}),
    effect: (a) => [{ type: "custody.continued", on: a.on }],
  }),
  spec({
    type: "transfer",
    label: "Transfer to another facility",
    permission: "case.write",
    schema: obj("transfer", {
      toFacility: z.object({ code: z.string().optional(), kind: facilityKind }),
      // Facts DP-03 weighs; src/app/detention/transfer-facts.ts computes them from counsel, court and facility.
      outOfArea: z.boolean().optional(),
      impedesCounselAccess: z.boolean().optional(),
      counselKm: z.number().nonnegative().optional(),
    }),
    effect: (a) => [{ type: "custody.transferred", on: a.on, at: a.at, facility: a.toFacility }],
  }),
  spec({
    type: "bond.refuse_jurisdiction",
    label: "Refuse bond jurisdiction",
    permission: "case.write",
    schema: obj("bond.refuse_jurisdiction", {}),
    effect: (a) => [{ type: "bond.jurisdiction_refused", on: a.on }],
  }),
  spec({
    type: "vd.extend",
    label: "Extend voluntary departure",
    permission: "case.write",
    schema: obj("vd.extend", { until: isoDate, by: z.enum(["DHS", "IJ", "BIA"]) }),
    effect: (a) => [{ type: "vd.extended", on: a.on, until: a.until, by: a.by }],
  }),
  spec({
    type: "vd.grant",
    label: "Grant voluntary departure",
    permission: "case.write",
    schema: obj("vd.grant", {
      stage: z.enum(["pre", "post"]),
      days: z.number().int().positive(),
      by: z.enum(["DHS", "IJ", "BIA"]),
    }),
    effect: (a) => [{ type: "vd.granted", on: a.on, stage: a.stage, days: a.days, by: a.by }],
  }),
  spec({
    type: "vd.penalty.record",
    label: "Record the voluntary-departure penalty",
    permission: "case.write",
    schema: obj("vd.penalty.record", {}),
    effect: (a) => [{ type: "vd.penalty_recorded", on: a.on }],
  }),
  spec({
    type: "disclose",
    label: "Disclose information",
    permission: "case.write",
    irreversible: true,
    schema: obj("disclose", { to: z.string().min(1), content: z.array(z.string()).min(1) }),
    effect: (a) => [{ type: "disclosure.made", on: a.on, to: a.to, content: a.content }],
  }),
  spec({
    type: "travel_document.send",
    label: "Send a travel-document request",
    permission: "case.write",
    irreversible: true,
    schema: obj("travel_document.send", { country, content: z.array(z.string()).min(1) }),
    effect: (a) => [{ type: "travel_document.requested", on: a.on, country: a.country, content: a.content }],
  }),
  spec({
    type: "return.voluntary",
    label: "Voluntary return",
    permission: "case.write",
    irreversible: true,
    schema: obj("return.voluntary", { country }),
    effect: (a) => [{ type: "departure.verified", on: a.on, country: a.country, via: "voluntary_return" }],
  }),
] as const;

export const actionTypes = actionSpecs.map((s) => s.type);

export function actionSpec(type: string): ActionSpec {
  const s = actionSpecs.find((a) => a.type === type);
  if (!s) return undefined as never;
  return s as unknown as ActionSpec;
}
