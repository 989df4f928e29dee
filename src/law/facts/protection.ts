/**
 * Country-specific protection for the PROT family: grants and their
 * termination, protection claims still unresolved for a country, and the
 * third-country procedure record (notice, fear inquiry, screening, approval).
 */
import type { CaseEvent, EventOf } from "../../domain/events.js";
import type { History } from "../types.js";
import { memoOnList } from "./memo.js";
import { removalOrderKinds, summaryOrderKinds } from "./orders.js";
import { describeEvent, eventsOf } from "./removal.js";

export type ProtectionKind = EventOf<"protection.granted">["kind"];

export interface ProtectionRecord {
  grant: EventOf<"protection.granted">;
  terminated?: EventOf<"protection.terminated">;
}

/** Every grant of the given kinds, each with a later termination of the same kind and country, if any. */
export function protections(
  events: readonly CaseEvent[],
  kinds: readonly ProtectionKind[],
): ProtectionRecord[] {
  const out: ProtectionRecord[] = [];
  for (const e of events) {
    if (e.type === "protection.granted" && kinds.includes(e.kind)) out.push({ grant: e });
    if (e.type === "protection.terminated") {
      const open = out.find((p) => !p.terminated && p.grant.kind === e.kind && p.grant.country === e.country);
      if (open) open.terminated = e;
    }
  }
  return out;
}

/** A protection claim that is still open: `country` undefined means the record does not say which country. */
export interface OpenClaim {
  country?: string;
  /** For an I-589 (no country field): the countries it presumably concerns (citizenship, birth). */
  presumed?: string[];
  what: string;
  facts: string[];
}

export interface ClaimPicture {
  open: OpenClaim[];
  /** Claims that were made and later decided or screened out, in words. */
  resolved: string[];
  /** Whether any protection claim appears in the record at all. */
  any: boolean;
}

/**
 * PROT-03: protection claims per country, in history order. A fear claim or an
 * expressed fear opens a claim; a negative screening closes it; a positive one
 * refers it on; a protection decision for the country, or an IJ/BIA order
 * after it, decides it. An I-589 is open while its latest record is pending.
 */
export function protectionClaims(history: History, events: readonly CaseEvent[]): ClaimPicture {
  return memoOnList(events, "protectionClaims", "", () => computeProtectionClaims(history, events), history);
}

function computeProtectionClaims(history: History, events: readonly CaseEvent[]): ClaimPicture {
  const open = new Map<string, OpenClaim>();
  const resolved: string[] = [];
  let any = false;
  const keyOf = (c?: string) => c ?? "*";
  const close = (keys: string[], why: string) => {
    for (const k of keys) {
      const claim = open.get(k);
      if (claim) {
        resolved.push(`${claim.what}: ${why}`);
        open.delete(k);
      }
    }
  };
  const citizenship = [
    ...(history.person.citizenship ?? []),
    ...(history.person.birthCountry ? [history.person.birthCountry] : []),
  ];
  for (const e of events) {
    // An event is described only where it becomes a claim's fact: most events do not.
    if (e.type === "fear.claimed" || (e.type === "fear.inquired" && e.expressed)) {
      any = true;
      const k = keyOf(e.country);
      const prior = open.get(k);
      open.set(k, {
        country: e.country,
        what: `fear ${e.country ? `of ${e.country}` : "(country not recorded)"} expressed ${e.on}`,
        facts: [...(prior?.facts ?? []), describeEvent(e)],
      });
    } else if (e.type === "fear.screened") {
      any = true;
      const keys = e.country ? [e.country, "*"] : [...open.keys()].filter((k) => k !== "I-589");
      if (e.result === "negative") close(keys, `negative ${e.kind}-fear screening ${e.on}`);
      else
        for (const k of keys) {
          const claim = open.get(k) ?? {
            country: e.country,
            what: `positive ${e.kind}-fear screening ${e.on}`,
            facts: [],
          };
          open.set(k, {
            ...claim,
            what: `${claim.what}; referred after a positive ${e.kind}-fear screening ${e.on}`,
            facts: [...claim.facts, describeEvent(e)],
          });
        }
    } else if (e.type === "application.filed" && e.form.toUpperCase() === "I-589") {
      any = true;
      if (e.pending)
        open.set("I-589", {
          presumed: citizenship,
          what: `asylum application (I-589) filed ${e.on}`,
          facts: [describeEvent(e)],
        });
      else close(["I-589"], `no longer pending (${e.on})`);
    } else if (e.type === "protection.granted" || e.type === "protection.denied") {
      any = true;
      close(
        [e.country, "*", "I-589"],
        `${e.kind} ${e.type === "protection.granted" ? "granted" : "denied"} as to ${e.country} on ${e.on}`,
      );
    } else if (
      e.type === "order.issued" &&
      e.by !== "DHS" &&
      removalOrderKinds.has(e.kind) &&
      !summaryOrderKinds.has(e.kind)
    ) {
      close([...open.keys()], `decided in the ${e.by} order of ${e.on}`);
    }
  }
  return { open: [...open.values()], resolved, any };
}

/** The third-country procedure record for `country` (PROT-04 items (b)-(f)). */
export interface ThirdCountryRecord {
  notice?: EventOf<"removal_notice.served">;
  inquiry?: EventOf<"fear.inquired">;
  screening?: EventOf<"fear.screened">;
  assurance?: EventOf<"diplomatic_assurance.received">;
  approved?: EventOf<"review.decided">;
}

export function thirdCountryRecord(
  events: readonly CaseEvent[],
  country: string,
  actionType: string,
): ThirdCountryRecord {
  const rec: ThirdCountryRecord = {};
  rec.notice = eventsOf(events, "removal_notice.served")
    .filter((n) => n.country === country)
    .at(-1);
  rec.inquiry = eventsOf(events, "fear.inquired")
    .filter(
      (f) => (f.country === undefined || f.country === country) && (!rec.notice || f.on >= rec.notice.on),
    )
    .at(-1);
  if (rec.inquiry) {
    const since = rec.inquiry.on;
    rec.screening = eventsOf(events, "fear.screened")
      .filter((s) => (s.country === undefined || s.country === country) && s.on >= since)
      .at(-1);
  }
  rec.assurance = eventsOf(events, "diplomatic_assurance.received")
    .filter((a) => a.country === country)
    .at(-1);
  const requests = eventsOf(events, "review.requested").filter((r) =>
    [actionType, "removal", "third_country_removal"].includes(r.action),
  );
  rec.approved = eventsOf(events, "review.decided").find(
    (d) => d.decision === "approved" && requests.some((r) => r.reviewId === d.reviewId),
  );
  return rec;
}
