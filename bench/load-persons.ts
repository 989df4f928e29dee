import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { SingleBar } from "cli-progress";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { seedDemo } from "../src/app/seed-demo.js";
import type { Db } from "../src/store/db.js";
import { openPostgres } from "../src/store/db.js";
import { appendAudit } from "../src/store/repositories/audit.js";
import { copyCsv, deferForLoad, restoreAfterLoad } from "../src/store/repositories/copy-load.js";
import { putSetting } from "../src/store/repositories/settings.js";
import * as schema from "../src/store/schema.js";
import type { BatchAnswer, BatchRequest, WorkerSetup } from "./load-persons-worker.js";
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
  /** Concurrent COPY connections. */
  connections?: number;
  /** Generator threads (default: the machine's cores, at most 4). */
  workers?: number;
  /** Keep secondary indexes and foreign keys during the load (the old way, for comparison). */
  keepIndexes?: boolean;
  quiet?: boolean;
}

export interface LoadResult {
  persons: number;
  events: number;
  seconds: number;
  /** Of which: rebuilding the secondary indexes and foreign keys after the COPYs. */
  rebuildSeconds: number;
  perSecond: number;
  sizes: { table: string; rows: number; size: string }[];
  /**
   * CPU seconds of this process (all threads) and of the PostgreSQL backends that ran the COPYs and
   * the rebuild (same machine only; parallel index-build workers are not counted).
   */
  cpu: { loader: number; postgres: number | null; rebuild: number | null };
  workers: number;
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

const sumCpu = (pids: Iterable<number>): number | null => {
  const each = [...pids].map(procCpuSeconds);
  return each.every((c) => c !== null) ? each.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
};

async function recreate(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/**
 * Starts a generator thread (bench/load-persons-worker.ts). A worker does not inherit tsx's loader,
 * so a small bootstrap registers it first (tsx's ESM API: `import.meta.resolve` picks its ESM
 * build; the CommonJS one that `require.resolve` finds cannot be imported from the worker).
 */
function startWorker(setup: WorkerSetup): Worker {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const script = new URL("./load-persons-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

/**
 * Generator threads answer batches; each worker has up to two requests queued so it never waits
 * for the main thread. Yields the answers as they come (any order: each batch is self-contained).
 */
async function* generated(opts: {
  persons: number;
  batchSize: number;
  seed: number;
  workers: number;
}): AsyncGenerator<BatchAnswer> {
  const workers = Array.from({ length: opts.workers }, (_, worker) =>
    startWorker({ seed: opts.seed, today: SCALE_TODAY, worker, workers: opts.workers }),
  );
  const ready: BatchAnswer[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  let next = 0;
  let outstanding = 0;
  const askedOf = new Map<number, Worker>(); // batch start -> the worker generating it
  const ask = (w: Worker) => {
    if (next >= opts.persons) return;
    const from = next;
    next = Math.min(opts.persons, next + opts.batchSize);
    outstanding++;
    askedOf.set(from, w);
    w.postMessage({ from, to: next } satisfies BatchRequest);
  };
  for (const w of workers) {
    w.on("message", (a: BatchAnswer) => {
      outstanding--;
      ready.push(a);
      wake?.();
    });
    w.on("error", (err) => {
      failure = err;
      wake?.();
    });
    ask(w);
    ask(w);
  }
  try {
    while (outstanding > 0 || ready.length) {
      if (failure) throw failure;
      const a = ready.shift();
      if (!a) {
        await new Promise<void>((r) => {
          wake = r;
        });
        continue;
      }
      // The worker that answered gets the next range: each keeps about two batches queued.
      const w = askedOf.get(a.from) as Worker;
      askedOf.delete(a.from);
      ask(w);
      yield a;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function loadPersons(opts: LoadOptions): Promise<LoadResult> {
  const batchSize = opts.batch ?? 5000;
  const seed = opts.seed ?? 1;
  const connections = opts.connections ?? 2;
  const workers = opts.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  await recreate(opts.db);
  const url = databaseUrl(opts.db);
  const database = await openPostgres(url, 2);
  await database.migrate();
  const ctx = { database, now: scaleNow };
  await seedDemo(ctx, "system", { persons: 0, seed }); // reference data and the demo users
  // No idle timeout: the backends must live to the end to read their CPU time from /proc.
  const pool = new pg.Pool({ connectionString: url, max: connections, idleTimeoutMillis: 0 });
  const backends = new Set<number>();
  pool.on("connect", (client) => {
    client.query("select pg_backend_pid() as pid").then(
      (r) => backends.add(r.rows[0].pid),
      () => undefined,
    );
  });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deferred = opts.keepIndexes
    ? undefined
    : await pool.connect().then(async (c) => {
        try {
          return await deferForLoad(c, ["persons", "cases", "case_events"]);
        } finally {
          c.release();
        }
      });
  const bar = opts.quiet
    ? undefined
    : new SingleBar({
        format: "loading |{bar}| {percentage}% {value}/{total} persons, {rate}/s, eta {eta_formatted}",
        hideCursor: true,
      });
  bar?.start(opts.persons, 0, { rate: 0 });
  let done = 0;
  let events = 0;
  const write = async (b: BatchAnswer) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await copyCsv(client, b.csv);
      await appendAudit(drizzle(client, { schema }) as unknown as Db, {
        actor: "system",
        action: "seed.cases",
        entity: "case",
        detail: { cases: b.cases, events: b.events },
        at: scaleNow().toISOString(),
      });
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    done += b.persons;
    events += b.events;
    bar?.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) });
  };
  const inFlight = new Set<Promise<void>>();
  for await (const b of generated({ persons: opts.persons, batchSize, seed, workers })) {
    while (inFlight.size >= connections) await Promise.race(inFlight);
    const p: Promise<void> = write(b).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  bar?.stop();
  const loadCpu = sumCpu(backends);
  let rebuildSeconds = 0;
  let rebuildCpu: number | null = null;
  if (deferred) {
    const t0 = performance.now();
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all(clients.map((c) => c.connect()));
    const pids = await Promise.all(
      clients.map((c) => c.query("select pg_backend_pid() as pid").then((r) => r.rows[0].pid as number)),
    );
    if (!opts.quiet)
      console.log(
        `rebuilding ${deferred.indexes.length} indexes, ${deferred.foreignKeys.length} foreign keys`,
      );
    await restoreAfterLoad(clients, deferred, "1GB", (what, s) => {
      if (!opts.quiet) console.log(`  ${what}: ${s.toFixed(1)} s`);
    });
    rebuildCpu = sumCpu(pids);
    await Promise.all(clients.map((c) => c.end()));
    rebuildSeconds = (performance.now() - t0) / 1000;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = { loader: (used.user + used.system) / 1e6, postgres: loadCpu, rebuild: rebuildCpu };
  await putSetting(database.db, "system", "seed", { persons: opts.persons, seed, on: SCALE_TODAY });
  await pool.query("ANALYZE");
  const { rows } = await pool.query(
    `select relname as table, n_live_tup::int as rows, pg_size_pretty(pg_total_relation_size(relid)) as size
       from pg_stat_user_tables where relname in ('persons','cases','case_events','audit_log') order by relname`,
  );
  await pool.end();
  await database.close();
  return {
    persons: done,
    events,
    seconds,
    rebuildSeconds,
    perSecond: Math.round(done / seconds),
    sizes: rows,
    cpu,
    workers,
  };
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
  const workers = arg("workers") ? Number(arg("workers")) : undefined;
  const keepIndexes = process.argv.includes("--keep-indexes");
  console.log(`load-persons: ${persons} persons by COPY into ${db}; ${machine()}`);
  const r = await loadPersons({
    persons,
    db,
    batch: Number(arg("batch") ?? 5000),
    connections: Number(arg("connections") ?? 2),
    workers,
    keepIndexes,
  });
  console.log(
    `loaded ${r.persons} persons (${r.events} events) in ${r.seconds.toFixed(1)} s = ${r.perSecond} persons/s ` +
      `(${r.workers} generator threads; index and foreign-key rebuild ${r.rebuildSeconds.toFixed(1)} s of it); ` +
      `1,000,000 at this rate: ${(1_000_000 / r.perSecond / 60).toFixed(1)} min`,
  );
  const total = r.cpu.loader + (r.cpu.postgres ?? 0) + (r.cpu.rebuild ?? 0);
  const cores = availableParallelism();
  console.log(
    `CPU: loader ${r.cpu.loader.toFixed(1)} s (all threads), PostgreSQL COPY backends ${r.cpu.postgres?.toFixed(1) ?? "n/a"} s, ` +
      `rebuild backends ${r.cpu.rebuild?.toFixed(1) ?? "n/a"} s; total ${total.toFixed(1)} s = at least ` +
      `${(total / cores).toFixed(1)} s on an idle ${cores}-core machine, 1,000,000 in ~${(((total / cores) * (1_000_000 / r.persons)) / 60).toFixed(1)} min ` +
      `(CPU-bound; before the final ANALYZE)`,
  );
  for (const s of r.sizes)
    console.log(`  ${s.table.padEnd(12)} ${String(s.rows).padStart(10)} rows  ${s.size}`);
}
