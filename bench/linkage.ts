/**
 * Linkage benchmark: N synthetic records (default 1,000,000), linked with all fields.
 * Prints stage timings, peak memory, candidate pairs per record, blocking recall and pairwise
 * precision / recall / F1 against the generator's truth.
 * Run: npx tsx bench/linkage.ts [N]   (NODE_OPTIONS=--max-old-space-size=4096 for 1M)
 */
import { pairMetrics } from "../src/linkage/evaluate.js";
import { linkRecordsParallel } from "../src/linkage/link.js";
import { generateRecords } from "./linkage-data.js";

const n = Number(process.argv[2] ?? 1_000_000);
const t0 = performance.now();
const records = generateRecords(n);
const generated = performance.now();
console.log(`generated ${records.length} records in ${((generated - t0) / 1000).toFixed(1)} s`);

const result = await linkRecordsParallel(records, {
  threads: process.env.THREADS ? Number(process.env.THREADS) : undefined,
  onProgress: (stage, done, total) => {
    if (process.env.VERBOSE) console.log(`  ${stage} ${done}/${total}`);
  },
});
const linked = performance.now();
const truth = records.map((r) => r.entity);
const metrics = pairMetrics(truth, result.clusterOf);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `linked in ${((linked - generated) / 1000).toFixed(1)} s (stages ms: ${JSON.stringify(result.timings)})`,
);
console.log(`peak RSS ${peakMb.toFixed(0)} MB`);
console.log(
  `candidate pairs ${result.candidates.count} (${(result.candidates.count / n).toFixed(2)} per record)`,
);
let found = 0;
for (let p = 0; p < result.candidates.count; p++)
  if (truth[result.candidates.a[p]] === truth[result.candidates.b[p]]) found++;
console.log(`blocking recall ${(found / metrics.truePairs).toFixed(4)}`);
console.log(`links above p=${result.threshold}: ${result.links.length}`);
console.log(
  `precision ${metrics.precision.toFixed(4)} recall ${metrics.recall.toFixed(4)} F1 ${metrics.f1.toFixed(4)} (true pairs ${metrics.truePairs})`,
);
console.log(
  `lambda ${result.model.lambda.toExponential(3)}, report ${JSON.stringify(result.model.report.perRule.map((r) => [r.rule, r.pairs]))}`,
);
if (process.env.VERBOSE) {
  const model = result.model;
  model.comparisons.forEach((c, i) => {
    console.log(
      c.name.padEnd(12),
      c.levels
        .map(
          (l, j) =>
            `${l}:${model.bits[i][j].toFixed(1)}(m=${model.m[i][j].toFixed(3)},u=${model.u[i][j].toExponential(1)})`,
        )
        .join(" "),
    );
  });
  console.log(model.report);
}
