/**
 * Crash safety, short mode (the full 100 kills: `npm run test:crash -- --runs 100`): the real
 * server is SIGKILLed at random moments under writes, an import and a bulk document job; after each
 * kill every acknowledged write is there, nothing is half-written, the audit chain verifies, the
 * import kept exactly its acknowledged chunks and resumes to the end with each row stored once, and
 * the interrupted job resumes and finishes without printing twice (test/crash/harness.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { CrashHarness } from "./crash/harness.js";
import { backends } from "./support/databases.js";

// PGlite restarts are slower (WASM start, migrations check): fewer kills there in the short mode.
const runsFor = (backend: string) => Number(process.env.IMMOS_CRASH_RUNS ?? (backend === "pglite" ? 1 : 2));

describe.each(backends())("SIGKILL under writes (%s)", (backend) => {
  const h = new CrashHarness(backend);
  afterAll(() => h.dispose());

  it(`survives ${runsFor(backend)} kill(s) and resumes the interrupted job`, async () => {
    await h.setup();
    for (let i = 0; i < runsFor(backend); i++) {
      const r = await h.run(i, i === 0);
      expect(r.acked).toBeGreaterThan(0);
      // The import was checked at the kill and resumed to its end (the harness throws otherwise).
      expect(r.import?.offset).toBeGreaterThanOrEqual(r.import?.ackedRows ?? Number.NaN);
      expect((r.import?.offset ?? 0) + (r.import?.resumedRows ?? 0)).toBe(i % 4 === 3 ? 24 : 80);
    }
    expect(await h.resumeJobs()).toBe(1);
  }, 300_000);
});
