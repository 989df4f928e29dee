/**
 * Crash safety: run the real server (`src/main.ts`) in a child process, drive writes at it (events
 * on cases, new cases, a bulk document job), SIGKILL it at a random moment, then open the database
 * directly and check that
 *   - every acknowledged write is there (event at its seq with its marker; opened case),
 *   - nothing is half-written: every case's events are numbered 1..n and its stored projection
 *     equals projectCase(events) with event_count = n,
 *   - the audit chain verifies (verifyChain),
 *   - no document was printed twice for a job, and interrupted jobs resume and finish after a restart,
 *   - the import in flight kept exactly its acknowledged chunks, and resumes to the end with every
 *     row stored once (test/crash/import-driver.ts).
 * Used by test/crash.test.ts (a few runs) and test/crash/run.ts (`npm run test:crash -- --runs 100`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { AppContext } from "../../src/app/context.js";
import { issueToken } from "../../src/app/issue-token.js";
import { loadHistory } from "../../src/app/load-case.js";
import { seedDemo } from "../../src/app/seed-demo.js";
import { canonicalJson, verifyChain } from "../../src/domain/audit-hash.js";
import { projectCase } from "../../src/domain/case-state.js";
import { openApp } from "../../src/runtime.js";
import type { Database } from "../../src/store/db.js";
import { readAudit } from "../../src/store/repositories/audit.js";
import { CrashImport } from "./import-driver.js";

export type Backend = "pglite" | "postgres";
const TODAY = new Date().toISOString().slice(0, 10);
const root = join(import.meta.dirname, "..", "..");

export interface Ack {
  kind: "event" | "case" | "job";
  caseId: string;
  seq?: number;
  marker?: string;
}

export interface CrashReport {
  run: number;
  /** After the first acknowledged write. */
  killedAfterMs: number;
  acked: number;
  refused: number;
  cases: number;
  events: number;
  audit: number;
  jobsResumed: number;
  /** The import in flight: rows recorded at the kill / rows in acknowledged chunks / its status then. */
  import?: { offset: number; ackedRows: number; status: string; resumedRows: number };
}

export class CrashHarness {
  private dir = mkdtempSync(join(tmpdir(), "immos-crash-"));
  private dbName = `immos_crash_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  private token = "";
  private child: ChildProcess | undefined;
  private readonly port = 4100 + Math.floor(Math.random() * 800);
  readonly acks: Ack[] = [];
  private caseIds: string[] = [];
  private jobs = new Set<string>();

  constructor(
    readonly backend: Backend,
    private readonly pgAdminUrl = process.env.IMMOS_TEST_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
  ) {}

  private get env(): NodeJS.ProcessEnv {
    return this.backend === "postgres"
      ? { DATABASE_URL: this.pgAdminUrl.replace(/\/[^/]*$/, `/${this.dbName}`) }
      : { DATABASE_URL: "", IMMOS_DATA_DIR: join(this.dir, "data") };
  }

  /** Opens the database as the server would (migrated), outside any server. */
  private open(): Promise<Database> {
    return this.openContext().then((ctx) => ctx.database);
  }

  private openContext(): Promise<AppContext> {
    const e = this.env;
    return openApp(
      {
        port: 0,
        host: "",
        databaseUrl: e.DATABASE_URL || undefined,
        dataDir: e.IMMOS_DATA_DIR ?? "",
        seedPersons: 0,
        logLevel: "silent",
      },
      undefined,
    );
  }

  /** A fresh database with the demo (30 persons) and a bearer token for the supervisor (HOU, SNA). */
  async setup(): Promise<void> {
    if (this.backend === "postgres") {
      const admin = new pg.Client({ connectionString: this.pgAdminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${this.dbName}`);
      await admin.end();
    }
    const database = await this.open();
    const ctx = { database, now: () => new Date() };
    await seedDemo(ctx, "system", { persons: 30, seed: 3 });
    this.token = await issueToken(ctx, "system", "supervisor", "crash test");
    const rows = await database.db.execute<{ id: string }>(
      sql`select id from cases where office_code in ('HOU','SNA') order by number`,
    );
    this.caseIds = (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    await database.close();
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        LOG_LEVEL: "fatal",
        IMMOS_SEED_PERSONS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      // Generous: on a loaded shared machine a PGlite start (WASM, migrations check) took over 2 minutes.
      const timer = setTimeout(() => reject(new Error(`server did not start in 300 s: ${err}`)), 300_000);
      child.stdout?.on("data", (d: Buffer) => {
        if (d.toString().includes("immos is serving")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${err}`));
      });
    });
  }

  private call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };

  /** Writers until the server dies; returns how many writes were refused (conflicts etc.). */
  private async drive(
    stop: { dead: boolean; firstAck: () => void; importAck: () => void },
    withJob: boolean,
    importing?: CrashImport,
  ): Promise<number> {
    let refused = 0;
    const imported = importing?.drive(this.call, stop);
    let n = 0;
    if (withJob) {
      const r = await this.call("POST", "/document-jobs", {
        form: "I-213",
        selection: { caseIds: this.caseIds.slice(0, 6) },
      }).catch(() => undefined);
      if (r?.status === 202) {
        this.jobs.add(r.body.id);
        this.acks.push({ kind: "job", caseId: r.body.id });
      }
    }
    const writer = async (w: number) => {
      while (!stop.dead) {
        const marker = `crash ${process.pid} w${w} #${n++}`;
        try {
          if (n % 7 === 0) {
            const r = await this.call("POST", "/cases", {
              person: { givenName: "Crash", familyName: `Test ${n}`, citizenship: ["MX"], languages: ["es"] },
              case: { kind: "removal_240", officeCode: "HOU" },
              events: [{ type: "case.note", on: TODAY, text: marker }],
            });
            if (r.status === 201) {
              this.acks.push({ kind: "case", caseId: r.body.caseId, seq: 1, marker });
              stop.firstAck();
              this.caseIds.push(r.body.caseId);
            } else refused++;
          } else {
            const caseId = this.caseIds[Math.floor(Math.random() * this.caseIds.length)];
            const read = await this.call("GET", `/cases/${caseId}/history`);
            if (read.status !== 200) {
              refused++;
              continue;
            }
            const r = await this.call("POST", `/cases/${caseId}/events`, {
              expectedVersion: read.body.version,
              event: { type: "case.note", on: TODAY, text: marker },
            });
            if (r.status === 201) {
              this.acks.push({ kind: "event", caseId, seq: r.body.seq, marker });
              stop.firstAck();
            } else if (r.status === 409 || r.status === 400) refused++;
            else throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.body)}`);
          }
        } catch (err) {
          if (stop.dead) return; // the connection died with the server: not acknowledged
          throw err;
        }
      }
    };
    await Promise.all([...Array.from({ length: 6 }, (_, w) => writer(w)), imported]);
    return refused;
  }

  /** One run: start, drive, SIGKILL at a random 0-1,500 ms after the first acknowledged write, verify. */
  async run(i: number, withJob = i % 3 === 0, withImport = true): Promise<CrashReport> {
    await this.start();
    let warm = () => {};
    const warmed = new Promise<void>((r) => {
      warm = r;
    });
    let importWarm = () => {};
    const importWarmed = new Promise<void>((r) => {
      importWarm = r;
    });
    const stop = { dead: false, firstAck: () => warm(), importAck: () => importWarm() };
    const killedAfterMs = Math.floor(Math.random() * 1500);
    // Every fourth import is small and the kill's clock starts when its loading is finished, so the
    // kill lands while it links or after it is done; the others are killed while rows load.
    const importing = withImport
      ? i % 4 === 3
        ? new CrashImport(i, `${process.pid}`, 24, "finish")
        : new CrashImport(i, `${process.pid}`, 80)
      : undefined;
    const driving = this.drive(stop, withJob, importing);
    // The kill's clock starts once a write and (with an import) an import chunk were acknowledged.
    await Promise.race([Promise.all([warmed, importing ? importWarmed : undefined]), driving]);
    await new Promise((r) => setTimeout(r, killedAfterMs));
    const child = this.child as ChildProcess;
    const exited = new Promise((r) => child.once("exit", r));
    stop.dead = true; // requests in flight stay in flight: the kill lands in the middle of them
    child.kill("SIGKILL");
    await exited;
    const refused = await driving;
    const report = await this.verify(importing);
    return { run: i, killedAfterMs, refused, ...report };
  }

  /** Restarts the server and waits for every job to finish (resumed by the job loop), then stops it. */
  async resumeJobs(): Promise<number> {
    if (!this.jobs.size) return 0;
    await this.start();
    const deadline = Date.now() + 120_000;
    for (const id of this.jobs) {
      for (;;) {
        const r = await this.call("GET", `/document-jobs/${id}`);
        if (r.body?.status === "done") break;
        if (Date.now() > deadline) throw new Error(`job ${id} did not resume: ${JSON.stringify(r.body)}`);
        await new Promise((res) => setTimeout(res, 250));
      }
    }
    const n = this.jobs.size;
    this.jobs.clear();
    await this.stop();
    await this.verify();
    return n;
  }

  /**
   * Checks the database after a kill; with the import that was in flight, first checks what it
   * kept and resumes it to the end (in this process, as `immos import` would), then the rest.
   */
  async verify(importing?: CrashImport): Promise<Omit<CrashReport, "run" | "killedAfterMs" | "refused">> {
    const ctx = await this.openContext();
    const database = ctx.database;
    try {
      let imported: CrashReport["import"];
      if (importing) {
        const atKill = await importing.verifyAfterKill(database.db);
        const resumedRows = await importing.resume(ctx);
        imported = { offset: atKill.offset, ackedRows: atKill.ackedRows, status: atKill.status, resumedRows };
      }
      const db = database.db;
      const rowsOf = async <T>(q: ReturnType<typeof sql>) =>
        (await db.execute(q)) as unknown as { rows: T[] };
      for (const a of this.acks) {
        if (a.kind === "job") {
          const { rows } = await rowsOf<{ n: number }>(
            sql`select count(*)::int as n from document_jobs where id = ${a.caseId}`,
          );
          if (rows[0].n !== 1) throw new Error(`acknowledged job ${a.caseId} is missing`);
          continue;
        }
        const { rows } = await rowsOf<{ text: string }>(
          sql`select body->>'text' as text from case_events where case_id = ${a.caseId} and seq = ${a.seq}`,
        );
        if (rows[0]?.text !== a.marker)
          throw new Error(
            `acknowledged ${a.kind} ${a.caseId}#${a.seq} (${a.marker}) lost: found ${rows[0]?.text}`,
          );
      }
      const { rows: cases } = await rowsOf<{ id: string; state: unknown; event_count: number }>(
        sql`select id, state, event_count from cases`,
      );
      let events = 0;
      for (const c of cases) {
        const history = await loadHistory(db, c.id);
        events += history.length;
        history.forEach((h, k) => {
          if (h.seq !== k + 1)
            throw new Error(`case ${c.id}: event seqs not contiguous at ${k + 1} (found ${h.seq})`);
        });
        if (c.event_count !== history.length)
          throw new Error(`case ${c.id}: event_count ${c.event_count} but ${history.length} events`);
        if (canonicalJson(c.state) !== canonicalJson(JSON.parse(JSON.stringify(projectCase(history)))))
          throw new Error(`case ${c.id}: stored projection differs from projectCase(history)`);
      }
      const audit = await readAudit(db, 0, 10_000_000);
      const broken = verifyChain(audit);
      if (broken) throw new Error(`audit chain broken at ${broken.seq}: ${broken.problem}`);
      const { rows: twice } = await rowsOf<{ n: number }>(
        sql`select count(*)::int as n from (select job_id, case_id from documents where job_id is not null group by 1, 2 having count(*) > 1) d`,
      );
      if (twice[0].n) throw new Error(`${twice[0].n} documents printed twice for one job`);
      return {
        acked: this.acks.length,
        cases: cases.length,
        events,
        audit: audit.length,
        jobsResumed: 0,
        import: imported,
      };
    } finally {
      await database.close();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
    if (this.backend === "postgres") {
      const admin = new pg.Client({ connectionString: this.pgAdminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}
