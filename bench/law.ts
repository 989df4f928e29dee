/**
 * Law-engine throughput: verdicts per second on one core over 10,000
 * synthetic histories of about 30 events (goal: 50,000/s), for a removal
 * execution (the action that asks the most rules) and three lighter actions.
 *
 *   npx tsx bench/law.ts [histories=10000] [--rounds 5] [--actions removal.execute,none]
 *
 * Each action is timed over `rounds` passes of every history after a warm-up;
 * the figure is the median pass. Two rates are printed: by wall clock, and by
 * this process's CPU time (user + system, all its threads, the garbage
 * collector's included), which is what one core gives when the machine is
 * shared: a loaded machine stretches wall time by the other processes' share,
 * not CPU time. The load average is printed before and after.
 */
import { loadavg } from "node:os";
import { personInput } from "../src/app/schemas.js";
import type { CaseEvent } from "../src/domain/events.js";
import { evaluate } from "../src/law/engine.js";
import type { Action, History } from "../src/law/types.js";
import { generateCases, referenceData } from "../src/seed/index.js";
import { machine, percentile } from "./support.js";

const positional = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"));
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const n = Number(positional[0] ?? 10_000);
const rounds = Number(option("rounds") ?? 5);
const actionTypes = (option("actions") ?? "removal.execute,removal.schedule,arrest.make,none").split(",");
const today = "2026-11-27";

/** The generated caseload, padded to about 30 events with the routine facts a long case accumulates. */
function caseload(count: number): { history: History; country: string }[] {
  const ref = referenceData();
  const out: { history: History; country: string }[] = [];
  for (const c of generateCases(count, 7, today, ref)) {
    const p = personInput.parse(c.person);
    const events: CaseEvent[] = [...c.events];
    const last = events[events.length - 1]?.on ?? "2025-01-01";
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
    });
  }
  return out;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (x: number) => Math.round(x).toLocaleString("en-US");

const histories = caseload(n);
const avg = histories.reduce((s, h) => s + h.history.events.length, 0) / histories.length;
console.log(
  `law benchmark: ${histories.length} histories, ${avg.toFixed(1)} events on average, ${rounds} rounds; ${machine()}`,
);
console.log(`load average before: ${load()}`);

for (const type of actionTypes) {
  const actions: Action[] = histories.map((h) => ({
    type,
    on: today,
    country: h.country,
    basis: "i205",
    location: "street",
  }));
  for (let i = 0; i < Math.min(500, histories.length); i++)
    evaluate(histories[i].history, actions[i], {}, today);
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  const times: number[] = [];
  const outcomes: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < histories.length; i++) {
      const t0 = performance.now();
      const v = evaluate(histories[i].history, actions[i], {}, today);
      times.push(performance.now() - t0);
      if (r === 0) outcomes[v.outcome] = (outcomes[v.outcome] ?? 0) + 1;
    }
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    wallRates.push(histories.length / wall);
    cpuRates.push(histories.length / ((cpu.user + cpu.system) / 1e6));
  }
  times.sort((a, b) => a - b);
  console.log(
    `${type.padEnd(17)} ${rate(median(wallRates))} verdicts/s wall, ${rate(median(cpuRates))} per CPU-second (median of ${rounds}; wall ${rate(Math.min(...wallRates))}-${rate(Math.max(...wallRates))}); p50 ${(percentile(times, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(1)} µs; outcomes ${JSON.stringify(outcomes)}`,
  );
}
console.log(`load average after: ${load()}`);
