/**
 * Facts for the CONF family: who a disclosure goes to, what it contains, and
 * which confidentiality regimes protect the person (8 CFR 208.6 protection
 * claims; 8 U.S.C. 1367 VAWA/T/U; other programmes; the Privacy Act).
 */
import type { CaseEvent } from "../../domain/events.js";
import type { Action, History } from "../types.js";
import { describeEvent, destinationOf, eventsOf } from "./removal.js";
import { lprSince, statusRecord } from "./status.js";

export type Recipient = "internal" | "own_side" | "us_agency" | "foreign_government" | "private" | "unknown";

const recipientClasses: Record<Exclude<Recipient, "unknown">, string[]> = {
  internal: ["internal", "dhs", "ice", "ero", "hsi", "uscis", "cbp", "opla", "sworn_officer"],
  own_side: ["person", "self", "subject", "counsel", "own_counsel", "counsel_of_record"],
  us_agency: [
    "us_agency",
    "doj",
    "eoir",
    "fbi",
    "state_department",
    "dos",
    "us_attorney",
    "federal_law_enforcement",
    "law_enforcement",
    "congress",
    "federal_court",
  ],
  foreign_government: ["foreign_government", "consulate", "embassy", "foreign_consulate"],
  private: [
    "abuser",
    "abuser_counsel",
    "family_court",
    "state_court",
    "public",
    "media",
    "press",
    "employer",
    "landlord",
    "private_party",
    "third_party",
    "local_police",
    "state_agency",
  ],
};

/** The recipient of a disclose action (`to`), or the foreign government a travel-document request goes to. */
export function recipientOf(action: Action): { recipient: Recipient; label: string } {
  if (action.type === "travel_document.send" || action.type === "consular.notify") {
    return {
      recipient: "foreign_government",
      label: `the government of ${destinationOf(action) ?? "an unnamed country"}`,
    };
  }
  const to = typeof action.to === "string" ? action.to.toLowerCase() : "";
  for (const [cls, names] of Object.entries(recipientClasses)) {
    if (names.includes(to)) return { recipient: cls as Recipient, label: to.replace(/_/g, " ") };
  }
  return { recipient: "unknown", label: to ? to.replace(/_/g, " ") : "an unnamed recipient" };
}

/** The content items of a disclosure; undefined when the action does not say what it contains. */
export function contentOf(action: Action): string[] | undefined {
  const c = action.content;
  if (Array.isArray(c))
    return c.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
  if (typeof c === "string") return [c.toLowerCase()];
  return undefined;
}

/** Items that reveal, or let a reader infer, a protection claim (8 CFR 208.6). */
const claimItems = new Set([
  "asylum_claim",
  "protection_claim",
  "fear_claim",
  "fear",
  "credible_fear",
  "reasonable_fear",
  "withholding",
  "cat",
  "cat_claim",
  "persecution",
  "application_existence",
  "asylum_application",
  "a_file",
  "case_file",
  "full_record",
]);
/** Identity and detention data that a redacted template may carry. */
const identityItems = new Set([
  "identity",
  "name",
  "birth_date",
  "date_of_birth",
  "nationality",
  "citizenship",
  "photo",
  "photograph",
  "fingerprints",
  "biometrics",
  "travel_itinerary",
  "itinerary",
  "detention",
  "detention_facts",
  "passport_copy",
]);
/** Free text can carry anything (CONF-02: never in a consular notice about a protected person). */
const freeTextItems = new Set(["free_text", "narrative", "notes", "remarks", "reason", "comments"]);

export interface ContentSplit {
  claim: string[];
  identity: string[];
  freeText: string[];
  other: string[];
}

export function splitContent(items: readonly string[]): ContentSplit {
  const out: ContentSplit = { claim: [], identity: [], freeText: [], other: [] };
  for (const item of items) {
    if (claimItems.has(item)) out.claim.push(item);
    else if (identityItems.has(item)) out.identity.push(item);
    else if (freeTextItems.has(item)) out.freeText.push(item);
    else out.other.push(item);
  }
  return out;
}

/** Record facts showing a protection claim (asylum, withholding, CAT, credible or reasonable fear): 8 CFR 208.6 applies. */
export function protectionClaimFacts(events: readonly CaseEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === "confidentiality.flag" && e.kind === "asylum_208_6") out.push(describeEvent(e));
    if (e.type === "application.filed" && e.form.toUpperCase() === "I-589") out.push(describeEvent(e));
    if (e.type === "fear.claimed" || e.type === "fear.screened") out.push(describeEvent(e));
    if (e.type === "fear.inquired" && e.expressed) out.push(describeEvent(e));
    if (e.type === "protection.granted" || e.type === "protection.denied") out.push(describeEvent(e));
    if (e.type === "status.granted" && (e.kind === "asylee" || e.kind === "refugee"))
      out.push(describeEvent(e));
  }
  return out;
}

/** Does the person's immigration status itself reveal a protection claim (asylee, refugee, withholding, CAT)? */
export function statusRevealsClaim(events: readonly CaseEvent[]): boolean {
  return events.some(
    (e) =>
      e.type === "protection.granted" ||
      (e.type === "status.granted" && (e.kind === "asylee" || e.kind === "refugee")),
  );
}

/** 8 U.S.C. 1367 protection: a VAWA/T/U flag, a VAWA/T/U application, or a T/U grant. */
export function vawaFacts(events: readonly CaseEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === "confidentiality.flag" && e.kind === "vawa_t_u_1367") out.push(describeEvent(e));
    if (e.type === "application.filed" && ["I-918", "I-914", "I-360"].includes(e.form.toUpperCase())) {
      out.push(describeEvent(e));
    }
    if (e.type === "status.granted" && (e.kind === "u" || e.kind === "t")) out.push(describeEvent(e));
  }
  return out;
}

/** A T or U applicant or holder (1229(e): courthouse appearances of T/U applicants are covered). */
export function isTOrUApplicant(events: readonly CaseEvent[]): boolean {
  return events.some(
    (e) =>
      (e.type === "application.filed" && ["I-918", "I-914"].includes(e.form.toUpperCase())) ||
      (e.type === "status.granted" && (e.kind === "u" || e.kind === "t")),
  );
}

/** Other confidential programmes (CONF-06): TPS application data, DACA records. */
export function programmeFacts(events: readonly CaseEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === "application.filed" && ["I-821", "I-821D"].includes(e.form.toUpperCase()))
      out.push(describeEvent(e));
    if (e.type === "status.granted" && (e.kind === "tps" || e.kind === "daca")) out.push(describeEvent(e));
  }
  return out;
}

/** A U.S. citizen or LPR whose records the Privacy Act covers (CONF-07). */
export function privacyActSubject(history: History, events: readonly CaseEvent[]): string | undefined {
  if (history.person.citizenship?.includes("US")) return "a U.S. citizen (person record)";
  const det = eventsOf(events, "citizenship.determined").at(-1);
  if (det?.result === "usc") return `a U.S. citizen (OPLA determination ${det.on})`;
  const lpr = lprSince(history, events);
  if (lpr) return `a lawful permanent resident (since ${lpr})`;
  if (statusRecord(events, "lpr")) return "a lawful permanent resident";
  return undefined;
}

/**
 * Countries whose nationals' detention must be notified to the consulate
 * regardless of the person's wishes (State Department, Consular Notification
 * and Access manual, mandatory-notification list). Data, not law: re-check
 * against the current manual before each release.
 */
export const mandatoryNotificationCountries = new Set([
  "DZ",
  "AG",
  "AM",
  "AZ",
  "BS",
  "BB",
  "BY",
  "BZ",
  "BN",
  "BG",
  "CN",
  "HK",
  "MO",
  "CR",
  "CY",
  "CZ",
  "DM",
  "FJ",
  "GM",
  "GE",
  "GH",
  "GD",
  "GY",
  "HU",
  "JM",
  "KZ",
  "KI",
  "KW",
  "KG",
  "MY",
  "MT",
  "MU",
  "MD",
  "MN",
  "NG",
  "PH",
  "PL",
  "RO",
  "RU",
  "KN",
  "LC",
  "VC",
  "SC",
  "SL",
  "SG",
  "SK",
  "TJ",
  "TZ",
  "TO",
  "TT",
  "TM",
  "TV",
  "UA",
  "GB",
  "UZ",
  "ZM",
  "ZW",
]);
