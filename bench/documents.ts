/**
 * Throughput of two-page Notices to Appear on one core, with a warm compiler.
 * Each iteration renders a different person (so no whole-document cache hit),
 * checks the law, hashes the data and the PDF.
 *
 *   taskset -c 0 npx tsx bench/documents.ts [seconds=10] [lang=es] [--count N]
 *   taskset -c 0 npx tsx bench/documents.ts --bulk 10000 [--backend pglite|postgres]
 *
 * --count renders exactly N documents instead of running for a time. --bulk
 * seeds N cases and runs the background bulk job (src/app/documents) over all
 * of them, printing throughput and resident memory every 5% (see
 * bench/documents-bulk.ts).
 *
 * Prints wall-clock throughput and throughput per CPU-second (the figure that
 * holds on a machine shared with other work; compare with `uptime`).
 */
import { fullContext } from "../src/documents/fixtures.js";
import { pdfPages } from "../src/documents/pdf-text.js";
import { renderDocument, renderFromData } from "../src/documents/render.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const bulk = flag("--bulk");
const backend = flag("--backend") ?? "pglite";
if (bulk) {
  const { runBulk } = await import("./documents-bulk.js");
  await runBulk(Number(bulk), backend as "pglite" | "postgres");
  process.exit(0);
}
const count = Number(flag("--count") ?? 0);
const seconds = Number(args[0] ?? 10);
const lang = args[1] ?? "es";
const base = fullContext();

function contextFor(i: number) {
  return {
    ...base,
    person: {
      ...base.person,
      aNumber: `A201-${String(100000 + i).slice(-6)}`,
      phone: `(951) 555-${String(i % 10000).padStart(4, "0")}`,
    },
  };
}

const t0 = performance.now();
const first = renderDocument({ form: "I-862", context: contextFor(0), lang });
const coldMs = performance.now() - t0;
if (pdfPages(first.pdf) !== 2) throw new Error("the benchmark NTA is not two pages");

const timings: number[] = [];
const cpu0 = process.cpuUsage();
const end = performance.now() + seconds * 1000;
let i = 1;
while (count ? i <= count : performance.now() < end) {
  const t = performance.now();
  renderDocument({ form: "I-862", context: contextFor(i++), lang });
  timings.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const replayStart = performance.now();
for (let k = 0; k < 200; k++) renderFromData("I-862", first.templateVersion, first.data, lang);
const replayMs = (performance.now() - replayStart) / 200;

timings.sort((a, b) => a - b);
const total = timings.reduce((a, b) => a + b, 0);
const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))].toFixed(2);
console.log(`two-page I-862 (${lang}), one core, warm compiler`);
console.log(`  first document (cold: fonts, compiler, template): ${coldMs.toFixed(0)} ms`);
console.log(
  `  rendered ${timings.length} in ${(total / 1000).toFixed(2)} s: ${((timings.length * 1000) / total).toFixed(1)} NTAs/s`,
);
// CPU time is what one core spends; on a shared machine wall time also counts other people's work.
console.log(
  `  CPU time ${cpuSeconds.toFixed(2)} s: ${(timings.length / cpuSeconds).toFixed(1)} NTAs per CPU-second`,
);
console.log(`  per document: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms`);
console.log(`  renderFromData (same data): ${replayMs.toFixed(2)} ms each`);
console.log(
  `  PDF size ${first.pdf.length} bytes; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
);
