/**
 * A fresh, migrated database for one test file, on either backend. Suites use
 * `forEachBackend` so the same tests run on PGlite and on PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/store/db.js";

export type Backend = "pglite" | "postgres";

export function backends(): Backend[] {
  return inject("pgTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

export async function freshDatabase(kind: Backend): Promise<Database> {
  if (kind === "pglite") {
    const dir = join(mkdtempSync(join(tmpdir(), "immos-db-")), "data");
    cpSync(inject("pgliteTemplate"), dir, { recursive: true });
    return openPglite(dir);
  }
  const adminUrl = inject("pgAdminUrl");
  const name = `immos_t_${inject("pgTemplate")?.split("_").pop()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  await admin.end();
  const db = await openPostgres(adminUrl.replace(/\/[^/]*$/, `/${name}`), 20);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
