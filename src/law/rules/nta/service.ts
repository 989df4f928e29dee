/**
 * NTA-03 (in absentia orders need notice of the missed hearing), NTA-04
 * (service on the right person) and NTA-05 (ten days to find counsel).
 */
import type { CaseEvent } from "../../../domain/events.js";
import { addDays, compareDates, daysBetween } from "../../calendar/calendar.js";
import { finding } from "../../facts/finding.js";
import {
  checkService,
  type HearingNotice,
  inCustodyOn,
  isCompliantNta,
  noticesOfHearing,
  type ServiceCheck,
  wasReturned,
} from "../../facts/notices.js";
import { describeEvent, eventsOf, hasCounsel, knownEvents, lastOf } from "../../facts/removal.js";
import type { Finding, History, Rule } from "../../types.js";
import { severity } from "../../types.js";

/** Whether one written notice of the missed hearing meets 239(a)/(c) and 103.8. */
function checkNotice(n: HearingNotice, history: History, events: readonly CaseEvent[]): ServiceCheck {
  if (n.kind === "nta") {
    const e = n.event;
    return checkService({
      servedTo: e.servedTo,
      method: e.method,
      on: e.on,
      personAge: e.personAge,
      person: history.person,
      confined: inCustodyOn(events, e.on),
      counselOfRecord: hasCounsel(
        history,
        events.filter((x) => x.on <= e.on),
      ),
    });
  }
  const e = n.event;
  const how = `hearing notice of ${e.on} (${e.method ?? "method not recorded"}, ${e.servedAt ?? "address not recorded"})`;
  if (wasReturned(e)) {
    return {
      outcome: "REVIEW",
      message: `The ${how} came back undeliverable.`,
      remedy: "proof that the notice reached the last address provided, or that the person gave no address",
    };
  }
  if (e.method === "personal" || e.servedAt === "last_address") {
    return {
      outcome: "ALLOW",
      message: `The ${how} was served ${e.method === "personal" ? "in person" : "at the last address provided"} (INA 239(a)(2), (c)).`,
    };
  }
  if (e.servedAt === "other") {
    return {
      outcome: "BLOCK",
      message: `The ${how} was sent to an address other than the last one the person provided on the NTA or an EOIR-33.`,
      remedy: "a notice of that hearing mailed to the last address provided",
    };
  }
  return {
    outcome: "REVIEW",
    message: `The ${how} does not show where it was sent.`,
    remedy: "proof of mailing to the last address provided on the NTA or an EOIR-33",
  };
}

/** The best notice of the missed hearing (least severe check), with its check. */
function bestNotice(
  history: History,
  events: readonly CaseEvent[],
  hearingDate: string,
  only?: HearingNotice["kind"],
) {
  const checked = noticesOfHearing(events, hearingDate)
    .filter((n) => !only || n.kind === only)
    .map((n) => ({ n, check: checkNotice(n, history, events) }));
  checked.sort((a, b) => severity[a.check.outcome] - severity[b.check.outcome]);
  return checked[0];
}

/** 240(b)(5)(B): the person moved after being told of the duty and never gave EOIR the new address. */
function failedToProvideAddress(events: readonly CaseEvent[], before: string): string | undefined {
  if (!eventsOf(events, "nta.served").length) return undefined;
  let moved: string | undefined;
  for (const e of events) {
    if (e.on > before) break;
    if (e.type === "address.changed") moved = e.on;
    if (e.type === "address.reported") moved = undefined;
  }
  return moved;
}

export const nta03: Rule = {
  id: "NTA-03",
  title: "In absentia orders need proof of compliant notice for the missed hearing",
  citation: "INA 240(b)(5)(A)-(B); Campos-Chaves v. Garland, 602 U.S. 447 (2024)",
  actions: ["in_absentia.request"],
  evaluate({ history, asOf }) {
    const events = knownEvents(history, asOf);
    const missed = lastOf(events, "hearing.missed");
    if (!missed) {
      return {
        findings: [
          finding(
            this,
            "REVIEW",
            "No missed hearing is on record, so there is no hearing whose notice can be checked.",
            [],
            "the record of the hearing the person missed",
          ),
        ],
      };
    }
    const best = bestNotice(history, events, missed.on);
    const facts = [describeEvent(missed)];
    if (best) facts.push(describeEvent(best.n.event));
    if (best?.check.outcome === "ALLOW" || best?.check.outcome === "WARN") {
      const defectiveNta = eventsOf(events, "nta.served").some((e) => !isCompliantNta(e));
      const campos =
        best.n.kind === "noh" && defectiveNta
          ? " Although the NTA lacked time and place, notice of the specific hearing missed suffices (Campos-Chaves)."
          : "";
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `Written notice of the ${missed.on} hearing: ${best.check.message}${campos}`,
            facts,
          ),
        ],
      };
    }
    const moved = failedToProvideAddress(events, missed.on);
    if (!best && moved) {
      return {
        findings: [
          finding(
            this,
            "ALLOW",
            `No written notice of the ${missed.on} hearing was required: the person moved on ${moved} and gave EOIR no new address (INA 240(b)(5)(B)).`,
            facts,
          ),
        ],
      };
    }
    const remedy = `proof of a written notice of the ${missed.on} hearing served on the person (or, for a child under 14, the adult with whom the child resides) or mailed to the last address provided`;
    if (!best) {
      return {
        findings: [
          finding(
            this,
            "BLOCK",
            `No written notice of the ${missed.on} hearing that was missed is on record.`,
            facts,
            remedy,
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          this,
          best.check.outcome,
          `Notice of the ${missed.on} hearing is not shown by clear and convincing evidence: ${best.check.message}`,
          facts,
          best.check.remedy ?? remedy,
        ),
      ],
    };
  },
};

export const nta04: Rule = {
  id: "NTA-04",
  title: "Service rules (minors, incompetent and confined persons)",
  citation: "INA 239(a), (c); 8 CFR 103.8(c)(2); Matter of Cubor-Cruz, 25 I&N Dec. 470 (BIA 2011)",
  actions: ["nta.serve", "in_absentia.request"],
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    if (action.type === "nta.serve") {
      const check = checkService({
        servedTo: action.servedTo,
        method: action.method,
        on: action.on,
        personAge: typeof action.personAge === "number" ? action.personAge : undefined,
        person: history.person,
        confined: inCustodyOn(events, action.on),
        counselOfRecord: hasCounsel(history, events),
      });
      return { findings: [finding(this, check.outcome, check.message, [], check.remedy)] };
    }
    const missed = lastOf(events, "hearing.missed");
    if (!missed) return null;
    // NTA-04 is about who was served; a hearing notice's address is NTA-03's question.
    const best = bestNotice(history, events, missed.on, "nta");
    if (!best) return null;
    return {
      findings: [
        finding(
          this,
          best.check.outcome,
          best.check.message,
          [describeEvent(best.n.event)],
          best.check.remedy,
        ),
      ],
    };
  },
};

const promptRequested = (v: unknown) => v === true;

export const nta05: Rule = {
  id: "NTA-05",
  title: "Ten-day period to obtain counsel",
  citation: "INA 239(b)(1); 8 CFR 1003.18(b)",
  actions: "*",
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const lastNta = lastOf(events, "nta.served");
    const serving = action.type === "nta.serve";
    const servedOn = serving ? action.on : lastNta?.on;
    const deadlines = servedOn
      ? [{ kind: "hearing.earliest", due: addDays(servedOn, 10), rule: this.id }]
      : [];
    let hearingDate: string | undefined;
    let waived = false;
    if (action.type === "hearing.confirm" && typeof action.hearingDate === "string") {
      hearingDate = action.hearingDate;
      waived =
        promptRequested(action.promptHearingRequested) || promptRequested(lastNta?.promptHearingRequested);
    } else if (serving && action.hearing && typeof (action.hearing as { date?: unknown }).date === "string") {
      hearingDate = (action.hearing as { date: string }).date;
      waived = promptRequested(action.promptHearingRequested);
    } else {
      return { deadlines };
    }
    const findings: Finding[] = [];
    if (!servedOn) {
      findings.push(
        finding(
          this,
          "REVIEW",
          `No NTA service is on record, so the ten days before the ${hearingDate} hearing cannot be counted.`,
          [],
          "the NTA's certificate of service",
        ),
      );
      return { findings, deadlines };
    }
    const earliest = addDays(servedOn, 10);
    const facts = lastNta && !serving ? [describeEvent(lastNta)] : [];
    if (compareDates(hearingDate, earliest) >= 0) {
      findings.push(
        finding(
          this,
          "ALLOW",
          `The hearing on ${hearingDate} is at least 10 days after NTA service on ${servedOn} (earliest ${earliest}).`,
          facts,
        ),
      );
    } else if (waived) {
      findings.push(
        finding(
          this,
          "ALLOW",
          `The hearing on ${hearingDate} is earlier than ${earliest}, but the person signed a written request for a prompt hearing.`,
          facts,
        ),
      );
    } else {
      findings.push(
        finding(
          this,
          "BLOCK",
          `The hearing on ${hearingDate} is only ${daysBetween(servedOn, hearingDate)} days after NTA service on ${servedOn}; the first hearing may not be before ${earliest} without the person's written request.`,
          facts,
          `a hearing date on or after ${earliest}, or the person's signed Request for Prompt Hearing`,
        ),
      );
    }
    return { findings, deadlines };
  },
};
