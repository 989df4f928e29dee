/**
 * Backtest of the capacity forecast on the synthetic data: the demo caseload
 * (`--persons`, default 2000, seed 1, as of `--today`), each facility's daily
 * population over the last `--history` days from the custody events (the
 * same code as the dashboard), the last 30 / 90 days held out, the model
 * fitted on the rest and scored. Prints the figures reported in
 * docs/forecast.md.
 *
 *   npx tsx scripts/forecast-backtest.ts [--persons 2000] [--today 2026-11-27] [--history 365]
 */
import { historyFacts } from "../src/app/analytics/facts.js";
import { backtest } from "../src/app/analytics/forecast.js";
import { dailyPopulation } from "../src/app/analytics/stats.js";
import { addDays } from "../src/law/calendar/calendar.js";
import { generateCases, referenceData } from "../src/seed/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const persons = Number(arg("persons", "2000"));
const today = arg("today", "2026-11-27");
const historyDays = Number(arg("history", "365"));
const from = addDays(today, -(historyDays - 1));

const ref = referenceData();
const stays = new Map<string, ReturnType<typeof historyFacts>["stays"]>();
for (const c of generateCases(persons, 1, today, ref)) {
  const facts = historyFacts(c.events.map((event, i) => ({ seq: i + 1, event })));
  for (const s of facts.stays) {
    const key = s.facilityCode ?? "unknown";
    stays.set(key, [...(stays.get(key) ?? []), s]);
  }
}
const series = [...stays.entries()].map(([code, list]) => ({ code, y: dailyPopulation(list, from, today) }));
const active = series.filter((s) => s.y.some((v) => v > 0));
const total = dailyPopulation([...stays.values()].flat(), from, today);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

console.log(`Synthetic caseload: ${persons} persons, seed 1, as of ${today}; history ${from}..${today}`);
console.log(
  `Facilities with anyone detained in the window: ${active.length}; national population on ${today}: ${total.at(-1)}`,
);
console.log(
  "| Series | Horizon | Series scored | Days scored | MAE (persons) | WAPE | Naive MAE | Naive WAPE | In 80% | In 95% |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const [name, list] of [
  ["each facility", active.map((s) => s.y)],
  ["all facilities (national total)", [total]],
] as const)
  for (const h of [30, 90]) {
    const b = backtest(list, h);
    console.log(
      `| ${name} | ${h} days | ${b.series} | ${b.points} | ${f2(b.mae)} | ${pct(b.wape)} | ${f2(b.naiveMae)} | ${pct(b.naiveWape)} | ${pct(b.coverage80)} | ${pct(b.coverage95)} |`,
    );
  }
