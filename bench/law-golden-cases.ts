/**
 * Golden master of the law engine: every verdict over a fixed, generated
 * caseload, reduced to sha256 digests. It exists so that a performance change
 * can prove it changed no verdict: the digests were captured before any
 * optimisation (test/law-golden.json) and test/law-golden.test.ts recomputes
 * them. Regenerate (only for an intended change of the law):
 * `npx tsx bench/law-golden.ts --write`.
 *
 * The inputs are synthetic (src/seed generateCases), padded to about 30
 * events as bench/law.ts does, asked several action types with fields taken
 * from the case, on two dates and under two configurations.
 */
import { createHash } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { personInput } from "../src/app/schemas.js";
import type { CaseEvent } from "../src/domain/events.js";
import { evaluate } from "../src/law/engine.js";
import type { Action, History, LawConfig, Verdict } from "../src/law/types.js";
import { generateCases, referenceData } from "../src/seed/index.js";

export const goldenToday = "2026-11-27";
export const goldenSeeds = [7, 11, 2024];
export const goldenCasesPerSeed = 150;
/** Verdicts per digest: small enough to locate a change, large enough to keep the file small. */
export const goldenChunk = 25;

/** A configuration that moves the policy switches off their defaults and adds closures and a zone. */
const altConfig: LawConfig = {
  circuit: "9",
  tz: "America/Los_Angeles",
  closures: ["2025-12-26", "2026-01-02", "2026-07-03", "2026-11-27", "2026-12-24"],
  policy: {
    lateAppealWithTolling: "wait_for_bia",
    inAbsentiaDenialAppealStay: "block",
    statutoryMotionRollForward: false,
    pendingI246: "review",
    lakenRileyAfterDismissal: "mandatory",
    detainerHoldComputation: "regulation",
    vulnerableDetainees: "warn",
  },
};

interface GoldenCase {
  history: History;
  country: string;
  language: string;
  /** A second action date inside the case's life: 20 days after its latest order, or a middle event. */
  mid: string;
}

const plus = (d: string, days: number) => Temporal.PlainDate.from(d).add({ days }).toString();

export function goldenCases(seed: number, n = goldenCasesPerSeed): GoldenCase[] {
  const ref = referenceData();
  const out: GoldenCase[] = [];
  for (const c of generateCases(n, seed, goldenToday, ref)) {
    const p = personInput.parse(c.person);
    const events: CaseEvent[] = [...c.events];
    const orders = events.filter((e) => e.type === "order.issued");
    const midEvent = events[Math.floor(events.length / 2)];
    const mid = orders.length ? plus(orders[orders.length - 1].on, 20) : (midEvent?.on ?? "2025-06-02");
    // Pad as bench/law.ts does, so that the golden covers the benchmark's shape.
    let last = events[events.length - 1]?.on ?? "2025-01-01";
    while (events.length < 30) {
      events.push({
        type: "hearing.notice",
        on: last,
        hearingDate: last,
        servedAt: "other",
        method: "in_court",
      });
      if (events.length % 3 === 0) events.push({ type: "case.note", on: last, text: "status call" });
    }
    last = events[events.length - 1].on;
    out.push({
      history: {
        person: {
          ...p.facts,
          birthDate: p.birthDate,
          citizenship: p.citizenship,
          languages: p.languages,
          sex: p.sex,
        },
        events,
      },
      country: p.citizenship[0] ?? "MX",
      language: p.languages[0] ?? "en",
      mid: mid < goldenToday ? mid : goldenToday,
    });
  }
  return out;
}

/** The actions asked of every case on `on`, with fields taken from the case. */
export function goldenActions(c: GoldenCase, on: string): Action[] {
  const common = { on, country: c.country, basis: "i205", location: "street" };
  return [
    { type: "removal.execute", ...common },
    { type: "removal.schedule", ...common, date: plus(on, 14) },
    { type: "manifest.add", ...common },
    { type: "flight.depart", ...common, boardingCompletedAt: "09:30" },
    { type: "arrest.make", on, at: "06:00", basis: "i200", location: "residence", warrant: "I-200" },
    {
      type: "detainer.issue",
      on,
      attachedWarrant: "I-200",
      releaseAt: `${on}T17:00`,
      probableCause: "pending_proceedings",
      citizenshipChecked: true,
    },
    { type: "detention.continue", on },
    { type: "transfer", on, toFacility: { kind: "adult" } },
    {
      type: "nta.serve",
      on,
      hearing: { date: plus(on, 20) },
      servedTo: "person",
      method: "personal",
      language: c.language,
    },
    { type: "disclose", on, to: "foreign_government", content: ["immigration_status", "asylum_claim"] },
    { type: "none", on },
  ];
}

/** JSON with object keys sorted, so that a digest does not depend on the order a rule built an object in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** The whole verdict (outcome, every finding field, every deadline field) or the error it threw. */
export function verdictText(history: History, action: Action, config: LawConfig, asOf: string): string {
  try {
    const v: Verdict = evaluate(history, action, config, asOf);
    return canonical(v);
  } catch (e) {
    return `THROW ${(e as Error).message}`;
  }
}

/** Every verdict of the golden caseload for one seed, keyed "seed/variant/action". */
export function goldenVerdicts(seed: number, n = goldenCasesPerSeed): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const push = (key: string, text: string) => {
    const list = out.get(key) ?? [];
    if (!out.has(key)) out.set(key, list);
    list.push(text);
  };
  for (const c of goldenCases(seed, n)) {
    const variants: [string, string, LawConfig][] = [
      ["today", goldenToday, {}],
      ["mid", c.mid, {}],
      ["today-alt", goldenToday, altConfig],
      ["mid-alt", c.mid, altConfig],
    ];
    for (const [name, on, config] of variants) {
      for (const action of goldenActions(c, on)) {
        push(`${seed}/${name}/${action.type}`, verdictText(c.history, action, config, on));
      }
    }
  }
  return out;
}

export type GoldenDigests = Record<string, string[]>;

/** sha256 of each run of `goldenChunk` verdicts, per key. */
export function digests(verdicts: Map<string, string[]>): GoldenDigests {
  const out: GoldenDigests = {};
  for (const [key, list] of verdicts) {
    const hashes: string[] = [];
    for (let i = 0; i < list.length; i += goldenChunk) {
      const h = createHash("sha256");
      for (const text of list.slice(i, i + goldenChunk)) h.update(text).update("\n");
      hashes.push(h.digest("hex").slice(0, 32));
    }
    out[key] = hashes;
  }
  return out;
}
