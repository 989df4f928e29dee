/**
 * Redaction: the one place that decides what of a case a reader may see.
 * Every path out of the system (API, web, CSV exports, documents, search)
 * passes a case view or a list row through `redactCaseView` / `redactSummary`.
 *
 * - Confidential events (./confidential.ts) become a marker
 *   `{ type: "restricted" }` that carries neither the type nor the date, so
 *   seq numbers stay meaningful for corrections and the reader learns only
 *   that some restricted record exists (which could equally be a TPS or DACA
 *   record). For a reader with no need to know, nothing says why.
 * - Confidential flags (`confidential:*`, `protection:*`) leave `state.flags`.
 * - Aliases of kind "protected" leave the person.
 *
 * Redaction is pure. When access is "granted" the view comes back whole and
 * the caller MUST log the disclosure (use `discloseCaseView` in ./disclosure.ts,
 * which does both).
 */
import { type Actor, type ConfidentialAccess, confidentialAccess } from "../access.js";
import {
  confidentialCaseKinds,
  confidentialSeqs,
  isConfidentialAlias,
  isConfidentialFlag,
} from "./confidential.js";

export const RESTRICTED = "restricted";

export interface HistoryItemLike {
  seq: number;
  event: { type: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface CaseViewLike {
  case: { office: { code: string }; state: unknown; kind?: string; [k: string]: unknown };
  person?: { aliases?: unknown; counsel?: { id: string } | null; [k: string]: unknown } | null;
  history: HistoryItemLike[];
}

export interface Confidentiality {
  /** True only for a reader with a need to know who has not yet stated a purpose. */
  purposeRequired: boolean;
  /** The stated purpose, when the confidential parts are shown (and logged). */
  purpose?: string;
}

/** A history item as a reader without access sees it. */
export function restrictedItem(seq: number): HistoryItemLike {
  return { seq, event: { type: RESTRICTED }, superseded: false, redacted: true };
}

function filterFlags(state: unknown): unknown {
  if (!state || typeof state !== "object") return state;
  const s = state as { flags?: unknown };
  if (!Array.isArray(s.flags)) return state;
  return { ...s, flags: s.flags.filter((f) => typeof f !== "string" || !isConfidentialFlag(f)) };
}

function filterAliases(aliases: unknown): unknown {
  return Array.isArray(aliases) ? aliases.filter((a) => !isConfidentialAlias(a)) : aliases;
}

/** Access for this view: office of the case, counsel of record of the person. */
export function accessForView(view: CaseViewLike, actor: Actor, purpose?: string): ConfidentialAccess {
  return confidentialAccess(
    actor,
    { officeCode: view.case.office.code, counselId: view.person?.counsel?.id ?? null },
    purpose ?? actor.purpose,
  );
}

/** Does the view hold anything redaction would remove? */
export function viewHasConfidential(view: CaseViewLike): boolean {
  const flags = (view.case.state as { flags?: unknown })?.flags;
  return (
    confidentialCaseKinds.has(view.case.kind ?? "") ||
    confidentialSeqs(view.history).size > 0 ||
    (Array.isArray(flags) && flags.some((f) => typeof f === "string" && isConfidentialFlag(f))) ||
    (Array.isArray(view.person?.aliases) && view.person.aliases.some(isConfidentialAlias))
  );
}

/** Removes confidential parts unless `access` is granted. */
export function redactWithAccess<V extends CaseViewLike>(
  view: V,
  access: ConfidentialAccess,
): V & { confidentiality: Confidentiality } {
  const confidential = viewHasConfidential(view);
  if (access.kind === "granted" && confidential) {
    return { ...view, confidentiality: { purposeRequired: false, purpose: access.purpose } };
  }
  if (!confidential) return { ...view, confidentiality: { purposeRequired: false } };
  const hidden = confidentialSeqs(view.history);
  return {
    ...view,
    case: {
      ...view.case,
      state: filterFlags(view.case.state),
      ...(confidentialCaseKinds.has(view.case.kind ?? "") ? { kind: RESTRICTED } : {}),
    },
    person: view.person && { ...view.person, aliases: filterAliases(view.person.aliases) },
    history: view.history.map((h) => (hidden.has(h.seq) ? restrictedItem(h.seq) : h)),
    confidentiality: { purposeRequired: access.kind === "purpose_required" },
  };
}

/**
 * The case view as `actor` may see it with `purpose`. Pure: a granted view
 * comes back whole, and the caller must log it (see discloseCaseView).
 */
export function redactCaseView<V extends CaseViewLike>(
  view: V,
  actor: Actor,
  purpose?: string,
): V & { confidentiality: Confidentiality } {
  return redactWithAccess(view, accessForView(view, actor, purpose));
}

/**
 * A list row, CSV line or search hit as `actor` may see it. Summaries never
 * carry confidential content in full: whatever the reader's access, flags,
 * protected aliases and embedded events are filtered, because a list is not
 * the place where a purpose is stated and logged.
 */
export function redactSummary<S extends Record<string, unknown>>(summary: S, _actor?: Actor): S {
  const out: Record<string, unknown> = { ...summary };
  if (Array.isArray(out.flags))
    out.flags = (out.flags as unknown[]).filter((f) => typeof f !== "string" || !isConfidentialFlag(f));
  if (out.state && typeof out.state === "object") out.state = filterFlags(out.state);
  if (Array.isArray(out.aliases)) out.aliases = filterAliases(out.aliases);
  if (typeof out.kind === "string" && confidentialCaseKinds.has(out.kind)) out.kind = RESTRICTED;
  for (const key of ["history", "events"]) {
    const items = out[key];
    if (
      Array.isArray(items) &&
      items.every((i) => i && typeof i === "object" && "seq" in i && "event" in i)
    ) {
      const hidden = confidentialSeqs(items as HistoryItemLike[]);
      out[key] = (items as HistoryItemLike[]).map((h) => (hidden.has(h.seq) ? restrictedItem(h.seq) : h));
    }
  }
  return out as S;
}
