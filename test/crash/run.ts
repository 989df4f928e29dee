/**
 * The full crash run: `npm run test:crash -- --runs 100 [--backend postgres|pglite|both]`.
 * Each run starts the server, drives writes, SIGKILLs it at a random moment and checks the data
 * (test/crash/harness.ts), with an import in flight that is then resumed and checked; at the end the
 * interrupted document jobs must resume and finish.
 */
import { type Backend, CrashHarness } from "./harness.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const runs = Number(arg("runs", "100"));
const which = arg("backend", "both");
const backends: Backend[] = which === "both" ? ["postgres", "pglite"] : [which as Backend];
const started = performance.now();
for (const backend of backends) {
  const share = Math.ceil(runs / backends.length);
  const h = new CrashHarness(backend);
  try {
    await h.setup();
    for (let i = 1; i <= share; i++) {
      const r = await h.run(i);
      console.log(
        `${backend} run ${i}/${share}: killed ${r.killedAfterMs} ms after the first ack; ${r.acked} acknowledged writes all present; ` +
          `${r.cases} cases, ${r.events} events consistent; audit chain of ${r.audit} verifies; ` +
          (r.import
            ? `import ${r.import.status} at kill: ${r.import.offset} rows recorded (${r.import.ackedRows} acknowledged), ` +
              `resumed ${r.import.resumedRows} more, finished, each row once`
            : "no import"),
      );
    }
    const resumed = await h.resumeJobs();
    console.log(`${backend}: ${resumed} interrupted document jobs resumed and finished, none printed twice`);
  } finally {
    await h.dispose();
  }
}
console.log(`crash runs passed: ${runs} kills in ${((performance.now() - started) / 1000).toFixed(0)} s`);
