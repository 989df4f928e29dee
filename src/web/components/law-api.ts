/**
 * The web app's view of the law API: verdicts, the action catalog with JSON
 * Schema fields, and default fields derived from the case (the order's
 * country, today's date, the next hearing).
 */
import { Temporal } from "temporal-polyfill";
// The verdict shapes are the law engine's own (type-only: nothing of src/law is bundled).
import type { Outcome, Verdict } from "../../law/types.js";
import { ApiFailure, api, type CaseView } from "../api.js";

export type { Deadline, Finding, Outcome, Verdict } from "../../law/types.js";

export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
}

export interface ActionType {
  type: string;
  label: string;
  irreversible: boolean;
  schema: JsonSchema;
}

export type ActionDraft = { type: string; on: string } & Record<string, unknown>;

/** Words for each outcome: color is never the only signal. */
export const outcomeWords: Record<Outcome, string> = {
  BLOCK: "Blocked",
  REVIEW: "Needs review",
  WARN: "Warning",
  ALLOW: "Allowed",
};
export const outcomeMarks: Record<Outcome, string> = { BLOCK: "✕", REVIEW: "⚑", WARN: "!", ALLOW: "✓" };

export const todayIso = () => Temporal.Now.plainDateISO().toString();

const DATE = "^\\d{4}-\\d{2}-\\d{2}$";
const DATETIME = "^\\d{4}-\\d{2}-\\d{2}T";
export const isDateSchema = (s: JsonSchema) => s.type === "string" && s.pattern === DATE;
export const isDateTimeSchema = (s: JsonSchema) =>
  s.type === "string" && Boolean(s.pattern?.startsWith(DATETIME));
export const isTimeSchema = (s: JsonSchema) =>
  s.type === "string" && Boolean(s.pattern?.startsWith("^([01]"));

/** Fields the form never shows: the type is fixed, the date has its own input, tz is the office's. */
export const hiddenFields = new Set(["type", "on", "tz"]);

export function humanize(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[._]/g, " ")
    .replace(/^./, (c) => c.toUpperCase());
}

/** A sensible default for a required field, from the case; undefined when none can be guessed. */
function defaultFor(name: string, s: JsonSchema, view: CaseView, on: string): unknown {
  if (s.anyOf?.some((x) => x.type === "null")) return null;
  if (name === "country") return view.case.state.order?.countries[0] ?? view.person.citizenship[0];
  if (name === "hearingDate") return view.case.state.nextHearing?.date ?? on;
  if (isDateSchema(s)) return on;
  if (isDateTimeSchema(s)) return `${on}T17:00`;
  if (s.enum) return s.enum[0];
  if (s.type === "boolean") return false;
  if (s.type === "integer" || s.type === "number") return name === "days" ? 30 : (s.minimum ?? 0);
  if (s.type === "object" && s.properties) return defaults(s, view, on);
  return undefined;
}

function defaults(schema: JsonSchema, view: CaseView, on: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    const s = schema.properties?.[name];
    if (!s || hiddenFields.has(name)) continue;
    const v = defaultFor(name, s, view, on);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

export function defaultAction(t: ActionType, view: CaseView, on = todayIso()): ActionDraft {
  return { ...defaults(t.schema, view, on), type: t.type, on };
}

export const evaluateAction = (caseId: string, action: ActionDraft) =>
  api<{ verdict: Verdict }>("POST", `/cases/${encodeURIComponent(caseId)}/actions/evaluate`, { action });

export const loadCatalog = () => api<{ items: ActionType[] }>("GET", "/actions").then((r) => r.items);

/** The `details` of an API error (the verdict of a blocked action, or of one needing acknowledgement). */
export function failureVerdict(e: unknown): Verdict | undefined {
  if (!(e instanceof ApiFailure)) return undefined;
  const d = (e.error as { details?: { verdict?: Verdict } }).details;
  return d?.verdict;
}
