/**
 * Law-engine throughput: verdicts per second on one core over 10,000
 * synthetic histories of about 30 events, for a removal execution (the
 * action that asks the most rules). Usage: npx tsx bench/law.ts [histories=10000]
 */
import { personInput } from "../src/app/schemas.js";
import type { CaseEvent } from "../src/domain/events.js";
import { evaluate } from "../src/law/engine.js";
import type { History } from "../src/law/types.js";
import { generateCases, referenceData } from "../src/seed/index.js";
import { machine, percentile } from "./support.js";

const n = Number(process.argv[2] ?? 10_000);
const today = "2026-11-27";
const ref = referenceData();
const histories: { history: History; country: string }[] = [];
for (const c of generateCases(n, 7, today, ref)) {
  const p = personInput.parse(c.person);
  const events: CaseEvent[] = [...c.events];
  // Pad to about 30 events with the routine facts a long case accumulates.
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
  histories.push({
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
  });
}
const avg = histories.reduce((s, h) => s + h.history.events.length, 0) / histories.length;
console.log(
  `law benchmark: ${histories.length} histories, ${avg.toFixed(1)} events on average; ${machine()}`,
);

for (const type of ["removal.execute", "removal.schedule", "arrest.make", "none"]) {
  // Warm up, then time.
  for (const h of histories.slice(0, 500))
    evaluate(
      h.history,
      { type, on: today, country: h.country, basis: "i205", location: "street" },
      {},
      today,
    );
  const times: number[] = [];
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  for (const h of histories) {
    const t0 = performance.now();
    const v = evaluate(
      h.history,
      { type, on: today, country: h.country, basis: "i205", location: "street" },
      {},
      today,
    );
    times.push(performance.now() - t0);
    outcomes[v.outcome] = (outcomes[v.outcome] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `${type.padEnd(17)} ${Math.round(histories.length / seconds).toLocaleString("en-US")} verdicts/s; p50 ${(percentile(times, 50) * 1000).toFixed(0)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(0)} µs; outcomes ${JSON.stringify(outcomes)}`,
  );
}
