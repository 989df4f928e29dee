import { readFileSync } from "node:fs";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { SingleBar } from "cli-progress";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { seedDemo } from "../src/app/seed-demo.js";
import { rowsFor } from "../src/app/seed-rows.js";
import { generateCases, referenceData } from "../src/seed/index.js";
import type { Db } from "../src/store/db.js";
import { openPostgres } from "../src/store/db.js";
import { appendAudit } from "../src/store/repositories/audit.js";
import type { BulkBatch } from "../src/store/repositories/bulk.js";
import { copyBatch } from "../src/store/repositories/copy-load.js";
import { putSetting } from "../src/store/repositories/settings.js";
import * as schema from "../src/store/schema.js";
import { machine, PG_URL } from "./support.js";

export const SCALE_TODAY = "2026-11-27";
export const scaleNow = () => new Date(`${SCALE_TODAY}T15:00:00Z`);

export function databaseUrl(name: string): string {
  return PG_URL.replace(/\/[^/]*$/, `/${name}`);
}

export interface LoadOptions {
  persons: number;
  db: string;
  batch?: number;
  seed?: number;
  /** Concurrent COPY connections (generation runs on this thread meanwhile). */
  connections?: number;
  quiet?: boolean;
}

export interface LoadResult {
  persons: number;
  events: number;
  seconds: number;
  perSecond: number;
  sizes: { table: string; rows: number; size: string }[];
  /** CPU seconds of this process and of the PostgreSQL backends that ran the COPYs (same machine only). */
  cpu: { loader: number; postgres: number | null };
}

/** utime + stime of a local process in seconds, from /proc (Linux), or null. */
function procCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function recreate(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

export async function loadPersons(opts: LoadOptions): Promise<LoadResult> {
  const batchSize = opts.batch ?? 5000;
  const seed = opts.seed ?? 1;
  await recreate(opts.db);
  const url = databaseUrl(opts.db);
  const database = await openPostgres(url, 2);
  await database.migrate();
  const ctx = { database, now: scaleNow };
  await seedDemo(ctx, "system", { persons: 0, seed }); // reference data and the demo users
  const pool = new pg.Pool({ connectionString: url, max: opts.connections ?? 2 });
  const backends = new Set<number>();
  pool.on("connect", (client) => {
    client.query("select pg_backend_pid() as pid").then(
      (r) => backends.add(r.rows[0].pid),
      () => undefined,
    );
  });
  const cpu0 = process.cpuUsage();
  const bar = opts.quiet
    ? undefined
    : new SingleBar({
        format: "loading |{bar}| {percentage}% {value}/{total} persons, {rate}/s, eta {eta_formatted}",
        hideCursor: true,
      });
  bar?.start(opts.persons, 0, { rate: 0 });
  const started = performance.now();
  let done = 0;
  let events = 0;
  const inFlight = new Set<Promise<void>>();
  const write = async (b: BulkBatch) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await copyBatch(client, b);
      await appendAudit(drizzle(client, { schema }) as unknown as Db, {
        actor: "system",
        action: "seed.cases",
        entity: "case",
        detail: { cases: b.cases.length, events: b.events.length },
        at: scaleNow().toISOString(),
      });
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    done += b.persons.length;
    events += b.events.length;
    bar?.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) });
  };
  let batch: BulkBatch = { persons: [], cases: [], events: [] };
  let i = 0;
  for (const c of generateCases(opts.persons, seed, SCALE_TODAY, referenceData())) {
    rowsFor(c, SCALE_TODAY.slice(0, 4), batch);
    // Let the COPY streams in flight write while this thread generates the next batch.
    if (++i % 250 === 0) await yieldToLoop();
    if (batch.persons.length < batchSize) continue;
    while (inFlight.size >= (opts.connections ?? 2)) await Promise.race(inFlight);
    const p: Promise<void> = write(batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
    batch = { persons: [], cases: [], events: [] };
  }
  if (batch.persons.length) {
    const p: Promise<void> = write(batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  const pgCpu = [...backends].map(procCpuSeconds);
  const cpu = {
    loader: (used.user + used.system) / 1e6,
    postgres: pgCpu.every((c) => c !== null) ? pgCpu.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : null,
  };
  await putSetting(database.db, "system", "seed", { persons: opts.persons, seed, on: SCALE_TODAY });
  await pool.query("ANALYZE");
  const { rows } = await pool.query(
    `select relname as table, n_live_tup::int as rows, pg_size_pretty(pg_total_relation_size(relid)) as size
       from pg_stat_user_tables where relname in ('persons','cases','case_events','audit_log') order by relname`,
  );
  await pool.end();
  await database.close();
  return { persons: done, events, seconds, perSecond: Math.round(done / seconds), sizes: rows, cpu };
}

/** How many persons the database holds per its seed setting, or undefined when it does not exist. */
export async function loadedPersons(name: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  try {
    await client.connect();
    const { rows } = await client.query("select value from settings where scope = 'system' and key = 'seed'");
    return rows[0]?.value?.persons;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const persons = Number(process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : 100_000);
  const db = arg("db") ?? "immos_scale";
  console.log(`load-persons: ${persons} persons by COPY into ${db}; ${machine()}`);
  const r = await loadPersons({
    persons,
    db,
    batch: Number(arg("batch") ?? 5000),
    connections: Number(arg("connections") ?? 2),
  });
  console.log(
    `loaded ${r.persons} persons (${r.events} events) in ${r.seconds.toFixed(1)} s = ${r.perSecond} persons/s; ` +
      `1,000,000 at this rate: ${(1_000_000 / r.perSecond / 60).toFixed(1)} min`,
  );
  const busiest = Math.max(r.cpu.loader, r.cpu.postgres ?? 0);
  console.log(
    `CPU: loader ${r.cpu.loader.toFixed(1)} s, PostgreSQL COPY backends ${r.cpu.postgres?.toFixed(1) ?? "n/a"} s; ` +
      `on an idle 2-core machine the busier side bounds the rate: ~${Math.round(r.persons / busiest)} persons/s, ` +
      `1,000,000 in ~${(1_000_000 / (r.persons / busiest) / 60).toFixed(1)} min (before the final ANALYZE)`,
  );
  for (const s of r.sizes)
    console.log(`  ${s.table.padEnd(12)} ${String(s.rows).padStart(10)} rows  ${s.size}`);
}
