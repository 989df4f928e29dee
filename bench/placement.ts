/**
 * Placement benchmarks (figures, not tests). Run:
 *   npx tsx bench/placement.ts small    # 5,000 people x 150 facilities, exact (HiGHS + pricing)
 *   npx tsx bench/placement.ts large    # 70,000 people x 1,500 facilities, 30 s budget
 *   npx tsx bench/placement.ts small-flow | large-flow   # the same with the TS min-cost flow engine
 *                                                        # (large-flow: 240 s budget, to see where it ends)
 *   npx tsx bench/placement.ts small-scaling | large-exact  # cost-scaling engine; large-exact: 600 s budget, gap 0
 * Each case also runs the greedy "nearest feasible free bed" baseline on the same instance.
 */
import { generateInstance } from "../src/placement/generate.js";
import { greedyPlacement } from "../src/placement/greedy.js";
import { prepare } from "../src/placement/prepare.js";
import { planCost, solvePlacement } from "../src/placement/solve.js";
import type { Instance, SolveOptions } from "../src/placement/types.js";

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function run(name: string, people: number, facilities: number, options: SolveOptions, seed = 7) {
  const instance: Instance = generateInstance({ people, facilities, seed });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await solvePlacement(instance, {
    ...options,
    onProgress: (m) =>
      process.stderr.write(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${m}\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  const solveCpu = process.cpuUsage(cpuBefore);
  const stats = result.stats!;
  const g0 = performance.now();
  const greedy = greedyPlacement(prepare(instance));
  const greedyAssignments = [...greedy].flatMap((f, i) =>
    f < 0 ? [] : [{ person: instance.people[i].id, facility: instance.facilities[f].id }],
  );
  const greedyCost = planCost(instance, greedyAssignments);
  const greedySeconds = (performance.now() - g0) / 1000;
  console.log(`\n== ${name}: ${people} people x ${facilities} facilities (seed ${seed}) ==`);
  console.log(
    `engine ${stats.engine}; groups ${stats.groups}; arcs in LP ${stats.arcs}; LP solves ${stats.lpSolves}`,
  );
  console.log(`solve CPU ${((solveCpu.user + solveCpu.system) / 1e6).toFixed(1)} s (wall-clock below)`);
  console.log(
    `time ${seconds.toFixed(1)} s  (${Object.entries(stats.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(", ")})`,
  );
  console.log(
    `placed ${result.assignments.length} of ${people} (max placeable ${stats.maxPlaceable}); unplaced ${result.unplaced.length}`,
  );
  console.log(
    `objective ${result.objective.toFixed(1)}  bound ${result.bound.toFixed(1)}  gap ${(stats.relativeGap * 100).toFixed(4)} %`,
  );
  console.log(`proven optimal: ${stats.violatedArcs === 0 && stats.relativeGap < 1e-6 ? "yes" : "no"}`);
  console.log(
    `greedy baseline: placed ${greedyAssignments.length}, cost ${greedyCost.toFixed(1)} (${greedySeconds.toFixed(1)} s); ` +
      `greedy / optimizer cost ratio ${(greedyCost / result.objective).toFixed(4)}`,
  );
  const cpu = process.cpuUsage();
  console.log(
    `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user+system, whole run incl. generation)`,
  );
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

const which = process.argv[2] ?? "small";
if (which === "small" || which === "all")
  await run("small", 5000, 150, { engine: "highs", timeLimitSeconds: 600 });
if (which === "large" || which === "all")
  await run("large", 70000, 1500, { timeLimitSeconds: 30, gapTolerance: 0.004, reasons: true });
if (which === "small-flow") await run("small-flow", 5000, 150, { engine: "flow", timeLimitSeconds: 600 });
if (which === "large-flow")
  await run("large-flow", 70000, 1500, { engine: "flow", timeLimitSeconds: 240, reasons: true });
if (which === "small-scaling")
  await run("small-scaling", 5000, 150, { engine: "scaling", timeLimitSeconds: 600 });
if (which === "large-exact")
  await run("large-exact", 70000, 1500, { engine: "scaling", timeLimitSeconds: 600, reasons: true });
