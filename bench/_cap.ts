import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { issueToken } from "../src/app/issue-token.js";
import { buildServer } from "../src/http/server.js";
import * as schema from "../src/store/schema.js";
import type { Database, Db } from "../src/store/db.js";
const url = "postgres://root@127.0.0.1:5432/immos_scale_t";
const pool = new pg.Pool({ connectionString: url, max: 10 });
let cap: string[] | undefined;
const db = drizzle(pool, { schema, logger: { logQuery: (q, p) => cap?.push(`${q} -- ${JSON.stringify(p).slice(0, 150)}`) } }) as unknown as Db;
const database: Database = { db, kind: "postgres", location: url, migrate: async () => {}, close: () => pool.end() };
const ctx = { database, now: () => new Date("2026-11-27T15:00:00Z") };
const app = await buildServer(ctx, { serveWeb: false });
const token = await issueToken(ctx, "system", "supervisor", "bench");
const { rows } = await pool.query("select c.id, c.version, p.given_name, p.family_name from cases c join persons p on p.id=c.person_id where office_code='HOU' limit 1");
const c = rows[0];
const h = { authorization: `Bearer ${token}` };
for (const [m, u, body] of [["GET", `/api/v1/cases?q=${encodeURIComponent(c.given_name + " " + c.family_name)}`], ["GET", `/api/v1/cases/${c.id}`], ["GET", `/api/v1/cases/${c.id}/history`], ["POST", `/api/v1/cases/${c.id}/events`, { expectedVersion: c.version, event: { type: "case.note", on: "2026-11-27", text: "bench" } }]] as const) {
  cap = [];
  const r = await app.inject({ method: m, url: u, headers: h, ...(body ? { payload: body } : {}) });
  console.log(`### ${m} ${u} -> ${r.statusCode} ${r.body.length}B`); for (const q of cap) console.log("  " + q);
}
await app.close(); await pool.end();
