/**
 * Builds a migrated database template once per test run, for PGlite (a data
 * folder copied per test file: ~0.5 s to reopen instead of ~5 s to create)
 * and for PostgreSQL (CREATE DATABASE ... TEMPLATE).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../../src/store/db.js";

export const PG_ADMIN_URL = process.env.IMMOS_TEST_PG_URL ?? "postgres://root@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "immos-test-"));
  const template = join(root, "template");
  const lite = await openPglite(template);
  await lite.migrate();
  await lite.close();
  project.provide("pgliteTemplate", template);
  project.provide("pgAdminUrl", PG_ADMIN_URL);

  let pgTemplate: string | null = null;
  if (process.env.IMMOS_TEST_PG !== "off") {
    pgTemplate = `immos_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pgTemplate}`);
    await admin.query(`CREATE DATABASE ${pgTemplate}`);
    await admin.end();
    const db = await openPostgres(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${pgTemplate}`), 1);
    await db.migrate();
    await db.close();
  }
  project.provide("pgTemplate", pgTemplate);

  return async () => {
    rmSync(root, { recursive: true, force: true });
    if (pgTemplate) {
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      const { rows } = await admin.query("select datname from pg_database where datname like $1", [
        `immos_t_${process.pid}_%`,
      ]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
      await admin.end();
    }
  };
}
