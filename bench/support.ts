/** Shared helpers for benchmarks: fresh databases on either backend, timing, the machine line. */

import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "../src/store/db.js";

export const PG_URL = process.env.IMMOS_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test";

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export async function benchDatabase(kind: "pglite" | "postgres"): Promise<Database> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "immos-bench-"));
    const db = await openPglite(join(dir, "data"));
    await db.migrate();
    const close = db.close;
    return {
      ...db,
      close: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `immos_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(PG_URL.replace(/\/[^/]*$/, `/${name}`));
  await db.migrate();
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
