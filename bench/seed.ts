/**
 * Seed throughput (persons per second, with their cases and histories) on
 * PGlite and on PostgreSQL. Usage: npx tsx bench/seed.ts [persons=2000]
 */
import { seedDemo } from "../src/app/seed-demo.js";
import { benchDatabase, machine } from "./support.js";

const persons = Number(process.argv[2] ?? 2000);
console.log(`seed benchmark: ${persons} persons; ${machine()}`);
for (const kind of ["pglite", "postgres"] as const) {
  const database = await benchDatabase(kind);
  const ctx = { database, now: () => new Date("2026-11-27T15:00:00Z") };
  const started = performance.now();
  await seedDemo(ctx, "system", { persons, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${kind.padEnd(8)} ${persons} persons in ${seconds.toFixed(1)} s = ${Math.round(persons / seconds)} persons/s (includes reference data and 7 demo users with argon2 hashes)`,
  );
  await database.close();
}
