/**
 * The API under load, on agency-scale data in PostgreSQL: search by name, case detail, timeline and
 * add an event, each with autocannon (64 connections by default), against immos (`src/main.ts` in a
 * child process) and against a bare Fastify + pg server running the same SQL (bench/bare-fastify.ts).
 * Prints throughput, p50/p99 and the immos/bare ratio; first EXPLAINs every statement each route
 * sends (captured from drizzle) and flags a sequential scan on a large table.
 *
 *   npx tsx bench/api-load.ts [--persons 100000] [--db immos_scale] [--duration 10]
 *       [--connections 64] [--only search,detail,timeline,event] [--plans] [--no-bare]
 *
 * Loads the data first (bench/load-persons.ts) when the database holds fewer persons than asked.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { issueToken } from "../src/app/issue-token.js";
import { buildServer } from "../src/http/server.js";
import type { Database, Db } from "../src/store/db.js";
import * as schema from "../src/store/schema.js";
import { startBare } from "./bare-fastify.js";
import { databaseUrl, loadedPersons, loadPersons } from "./load-persons.js";
import { machine } from "./support.js";

export const scenarios = ["search", "detail", "timeline", "event"] as const;
type Scenario = (typeof scenarios)[number];

export interface ApiLoadOptions {
  persons: number;
  db: string;
  duration: number;
  connections: number;
  only?: Scenario[];
  plans?: boolean;
  bare?: boolean;
}

export interface ScenarioResult {
  scenario: Scenario;
  server: "immos" | "bare";
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Samples {
  token: string;
  cases: { id: string; version: number }[];
  names: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

async function samples(url: string, token: string): Promise<Samples> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The supervisor's offices (HOU, SNA): every sampled case is in reach.
  const { rows } = await client.query(
    `select c.id, c.version, p.given_name, p.family_name from cases c join persons p on p.id = c.person_id
      where c.office_code in ('HOU','SNA') order by random() limit 5000`,
  );
  await client.end();
  return {
    token,
    cases: rows.map((r) => ({ id: r.id, version: r.version })),
    names: rows.slice(0, 500).map((r) => `${r.given_name} ${r.family_name}`),
  };
}

function request(
  s: Samples,
  scenario: Scenario,
  i: number,
): { method: "GET" | "POST"; path: string; body?: string } {
  const c = s.cases[i % s.cases.length];
  switch (scenario) {
    case "search":
      return { method: "GET", path: `/api/v1/cases?q=${encodeURIComponent(s.names[i % s.names.length])}` };
    case "detail":
      return { method: "GET", path: `/api/v1/cases/${c.id}` };
    case "timeline":
      return { method: "GET", path: `/api/v1/cases/${c.id}/history` };
    case "event":
      return {
        method: "POST",
        path: `/api/v1/cases/${c.id}/events`,
        body: JSON.stringify({
          expectedVersion: c.version,
          event: { type: "case.note", on: today(), text: `load ${i}` },
        }),
      };
  }
}

async function cannon(
  base: string,
  s: Samples,
  scenario: Scenario,
  o: ApiLoadOptions,
  server: "immos" | "bare",
) {
  let n = Math.floor(Math.random() * 1e6);
  const refresh = new pg.Pool({ connectionString: databaseUrl(o.db), max: 2 });
  const result = await autocannon({
    url: base,
    connections: o.connections,
    duration: o.duration,
    headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req) => {
          const r = request(s, scenario, n++);
          return { ...req, ...r, ...(r.body ? { body: r.body } : {}) };
        },
        onResponse: (status, body) => {
          if (scenario !== "event") return;
          // Keep expectedVersion current: from the answer, or re-read after a conflict.
          if (status === 201) {
            const r = JSON.parse(body) as { caseId: string; version: number };
            const c = s.cases.find((x) => x.id === r.caseId);
            if (c && c.version < r.version) c.version = r.version;
          }
        },
      },
    ],
  });
  if (scenario === "event") {
    const { rows } = await refresh.query("select id, version from cases where id = any($1)", [
      s.cases.map((c) => c.id),
    ]);
    const v = new Map(rows.map((r) => [r.id, r.version]));
    for (const c of s.cases) c.version = v.get(c.id) ?? c.version;
  }
  await refresh.end();
  return {
    scenario,
    server,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  } satisfies ScenarioResult;
}

/** Waits until the server has worked off the requests still queued from the last run (health answers fast). */
async function drain(base: string) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    await fetch(`${base}/api/health`).catch(() => undefined);
    if (performance.now() - t0 < 100) return;
  }
}

/** Runs one request per route through an in-process immos whose drizzle logs its SQL; EXPLAINs each statement. */
async function explainRoutes(url: string, s: Samples, verbose: boolean): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let captured: { sql: string; params: unknown[] }[] | undefined;
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (sql, params) => captured?.push({ sql, params }) },
  }) as unknown as Db;
  const database: Database = {
    db,
    kind: "postgres",
    location: url,
    migrate: async () => {},
    close: () => pool.end(),
  };
  const app = await buildServer({ database, now: () => new Date() }, { serveWeb: false });
  const findings: string[] = [];
  // A sequential scan matters only on a table that grows with the caseload (not on 25 offices or 2 tokens).
  const { rows: sizes } = await pool.query(
    "select relname, reltuples::float8 as n from pg_class where relkind = 'r'",
  );
  const large = new Set(sizes.filter((r) => r.n > 10_000).map((r) => r.relname as string));
  for (const scenario of scenarios) {
    const r = request(s, scenario, 0);
    captured = [];
    const res = await app.inject({
      method: r.method,
      url: r.path,
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      ...(r.body ? { payload: r.body } : {}),
    });
    const statements = captured.filter((q) => !/^(begin|commit|rollback)$/i.test(q.sql.trim()));
    captured = undefined;
    console.log(
      `\n[plan] ${scenario}: ${r.method} ${r.path.slice(0, 60)} -> ${res.statusCode}, ${statements.length} statements`,
    );
    for (const q of statements) {
      if (!/^\s*select/i.test(q.sql) || /pg_advisory/.test(q.sql)) continue;
      const { rows } = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.params);
      const plan = rows.map((x) => x["QUERY PLAN"] as string);
      const table = /from "(\w+)"/.exec(q.sql)?.[1] ?? "?";
      const seq = plan.filter((l) => large.has(/Seq Scan on (\w+)/.exec(l)?.[1] ?? ""));
      const time = plan.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "";
      const indexes = [
        ...new Set(
          plan.flatMap((l) => [...l.matchAll(/(?:using|on) (\w+_(?:idx|pkey|key))/g)].map((m) => m[1])),
        ),
      ];
      console.log(
        `  ${table.padEnd(14)} ${time.padStart(10)}  ${seq.length ? "SEQ SCAN" : "index"}: ${indexes.join(", ") || plan[0].trim()}`,
      );
      if (seq.length) findings.push(`${scenario}: ${seq[0].trim()} in ${q.sql.slice(0, 80)}`);
      if (verbose) for (const l of plan) console.log(`      ${l}`);
    }
  }
  await app.close();
  await pool.end();
  return findings;
}

async function startImmos(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl(db), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("immos is serving")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`immos exited with ${code}`)));
  });
  return child;
}

export async function apiLoad(o: ApiLoadOptions) {
  const have = await loadedPersons(o.db);
  if (have === undefined || have < o.persons) {
    console.log(`loading ${o.persons} persons into ${o.db} (has ${have ?? 0})…`);
    await loadPersons({ persons: o.persons, db: o.db });
  }
  const url = databaseUrl(o.db);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const database: Database = {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "postgres",
    location: url,
    migrate: async () => {},
    close: () => pool.end(),
  };
  const token = await issueToken({ database, now: () => new Date() }, "system", "supervisor", "api-load");
  await pool.end();
  const s = await samples(url, token);
  const findings = await explainRoutes(url, s, !!o.plans);
  const port = 3900 + (process.pid % 50);
  const immos = await startImmos(o.db, port);
  const bare = o.bare === false ? undefined : await startBare(url, port + 50);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of o.only ?? scenarios) {
      results.push(await cannon(`http://127.0.0.1:${port}`, s, scenario, o, "immos"));
      await drain(`http://127.0.0.1:${port}`);
      if (bare) results.push(await cannon(bare.url, s, scenario, o, "bare"));
      if (bare) await drain(`http://127.0.0.1:${port}`); // the bare server shares the database
    }
  } finally {
    process.kill(-(immos.pid as number), "SIGTERM");
    await bare?.close();
  }
  return { results, findings };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export function printResults(results: ScenarioResult[]) {
  console.log("\nroute      server   req/s   p50 ms  p99 ms  non-2xx  errors  immos/bare");
  for (const r of results) {
    const bare = results.find((b) => b.scenario === r.scenario && b.server === "bare");
    const ratio = r.server === "immos" && bare ? (r.rps / bare.rps).toFixed(2) : "";
    console.log(
      `${r.scenario.padEnd(10)} ${r.server.padEnd(6)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}  ${ratio}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const o: ApiLoadOptions = {
    persons: Number(arg("persons") ?? 100_000),
    db: arg("db") ?? "immos_scale",
    duration: Number(arg("duration") ?? 10),
    connections: Number(arg("connections") ?? 64),
    only: arg("only")?.split(",") as Scenario[] | undefined,
    plans: process.argv.includes("--plans"),
    bare: !process.argv.includes("--no-bare"),
  };
  console.log(
    `api-load: ${o.db} (>= ${o.persons} persons), ${o.connections} connections, ${o.duration} s per route; ${machine()}`,
  );
  const { results, findings } = await apiLoad(o);
  printResults(results);
  console.log(
    findings.length
      ? `\nsequential scans on hot paths:\n  ${findings.join("\n  ")}`
      : "\nno sequential scan on a large table",
  );
}
