/**
 * `npm run bench`: every benchmark, one after the other, each as its own command (so each prints
 * its own figures exactly as when run alone), sized to finish in about 5 minutes on an idle 2-core
 * machine. `npm run bench -- --scale` runs the agency-scale sizes (1,000,000 persons by COPY, API
 * load for 30 s per route on them, the full law and startup benchmarks): expect an hour.
 * `--only name,name` picks some. Prints the machine, the load average before and after each step
 * (figures taken under a load average above the core count are not figures: re-run when quiet).
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { machine } from "./support.js";

const scale = process.argv.includes("--scale");
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(",")) : undefined;

const steps: { name: string; args: string[] }[] = [
  { name: "seed", args: ["bench/seed.ts", scale ? "20000" : "500"] },
  { name: "law", args: ["bench/law.ts", scale ? "10000" : "1000"] },
  {
    name: "load-persons",
    args: [
      "bench/load-persons.ts",
      scale ? "1000000" : "20000",
      "--db",
      scale ? "immos_scale" : "immos_bench_small",
    ],
  },
  {
    name: "api-load",
    args: [
      "bench/api-load.ts",
      "--persons",
      scale ? "1000000" : "20000",
      "--db",
      scale ? "immos_scale" : "immos_bench_small",
      "--duration",
      scale ? "30" : "5",
    ],
  },
  { name: "startup", args: ["bench/startup.ts", scale ? "2000" : "200"] },
  ...(scale
    ? [
        { name: "placement", args: ["bench/placement.ts", "small"] },
        { name: "documents", args: ["bench/documents.ts", "10", "es"] },
        { name: "linkage", args: ["bench/linkage.ts", "200000"] },
      ]
    : []),
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(
  `immos benchmarks (${scale ? "agency scale" : "small set"}) on ${machine()}, ${new Date().toISOString()}`,
);
const started = performance.now();
const summary: string[] = [];
for (const step of steps) {
  if (only && !only.has(step.name)) continue;
  const before = load();
  console.log(`\n=== ${step.name}: npx tsx ${step.args.join(" ")}   (load average ${before})`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", ...step.args], { stdio: "inherit" });
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  summary.push(
    `${step.name.padEnd(14)} ${r.status === 0 ? "ok    " : "FAILED"} ${seconds.padStart(5)} s  load ${before} -> ${load()}`,
  );
}
console.log(`\n=== summary (${((performance.now() - started) / 60000).toFixed(1)} min)`);
for (const line of summary) console.log(line);
if (Math.max(...loadavg()) > 2)
  console.log("load average above the 2 cores: these figures must be re-measured on a quiet machine");
