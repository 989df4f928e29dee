/**
 * Import on PGlite and PostgreSQL: bad rows are quarantined with a reason naming the field and
 * their raw content while the import goes on; importing the same file again changes nothing;
 * an `npx immos import` killed with SIGKILL mid-way resumes with nothing lost or doubled.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPglite, openPostgres } from "../src/store/db.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends, freshDatabase } from "./support/databases.js";
import { importText } from "./support/imports.js";
import { MAPPING, personRows, toCsv } from "./support/person-rows.js";

async function count(t: { ctx: TestApp["ctx"] }, table: string, where = "true"): Promise<number> {
  const res = await t.ctx.database.db.execute(
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  );
  return ((res as unknown as { rows: { n: number }[] }).rows ?? res)[0].n;
}

describe.each(backends())("import on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27" });
  });
  afterAll(() => t?.close());

  it("quarantines bad rows with the field, the reason and the raw row, and goes on", async () => {
    const rows = personRows(12, 3, "q");
    rows[2].dob = "31/02/1990";
    rows[4].a_number = "B-12";
    rows[6].country = "XQ";
    rows[8].family = "";
    const status = await importText(t.as("supervisor"), {
      source: "quarantine-src",
      content: toCsv(rows),
      mapping: MAPPING,
      batchSize: 5,
    });
    expect(status.status).toBe("done");
    expect(status.accepted).toBe(8);
    expect(status.quarantined).toBe(4);
    const view = await t.as("supervisor")("GET", `/api/v1/imports/${status.id}`);
    const byRow = new Map(view.body.quarantine.map((q: { rowNumber: number }) => [q.rowNumber, q]));
    expect(byRow.get(3)).toMatchObject({ field: "birthDate", raw: { rec_id: "q3", dob: "31/02/1990" } });
    expect((byRow.get(3) as { reason: string }).reason).toMatch(
      /^birthDate: "31\/02\/1990" is not a calendar date/,
    );
    expect(byRow.get(5)).toMatchObject({ field: "aNumber", raw: { a_number: "B-12" } });
    expect(byRow.get(7)).toMatchObject({ field: "citizenship", raw: { country: "XQ" } });
    expect((byRow.get(7) as { reason: string }).reason).toContain(
      '"XQ" is not an ISO 3166-1 alpha-2 country code',
    );
    expect(byRow.get(9)).toMatchObject({ field: "familyName", raw: { rec_id: "q9", family: "" } });
    // A JSON Lines file: a line that is not JSON is quarantined too.
    const jsonl = `${JSON.stringify({ rec_id: "j1", given: "Ana", family: "Lindqvar", dob: "02/03/1991", country: "SE" })}\nnot json\n`;
    const j = await importText(t.as("supervisor"), {
      source: "jsonl-src",
      content: jsonl,
      mapping: MAPPING,
      format: "jsonl",
    });
    expect([j.accepted, j.quarantined]).toEqual([1, 1]);
  });

  it("importing the same file again changes nothing; overlapping rows are not doubled", async () => {
    const csv = toCsv(personRows(30, 11, "i"));
    const first = await importText(t.as("supervisor"), { source: "idem", content: csv, mapping: MAPPING });
    const counts = async () => [
      await count(t, "source_records", "source = 'idem'"),
      await count(t, "persons"),
      await count(t, "imports"),
      await count(t, "link_reviews"),
    ];
    const before = await counts();
    const again = await importText(t.as("supervisor"), { source: "idem", content: csv, mapping: MAPPING });
    expect(again.id).toBe(first.id);
    expect(await counts()).toEqual(before);
    // Another file with 30 of the same rows and 5 new ones: only the 5 are added.
    const more = await importText(t.as("supervisor"), {
      source: "idem",
      content: toCsv([...personRows(30, 11, "i"), ...personRows(5, 12, "new")]),
      mapping: MAPPING,
    });
    expect([more.accepted, more.duplicates]).toEqual([5, 30]);
    expect(await count(t, "source_records", "source = 'idem'")).toBe(before[0] + 5);
  });

  it("refuses imports to roles without data.import", async () => {
    const r = await t.as("officer")("GET", "/api/v1/imports");
    expect(r.status).toBe(403);
  });

  it("resumes an `immos import` killed with SIGKILL mid-way, nothing lost or doubled", {
    timeout: 600_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "immos-import-kill-"));
    const file = join(dir, "people.csv");
    const total = 1500;
    writeFileSync(file, toCsv(personRows(total, 21, "k")));
    writeFileSync(join(dir, "map.json"), JSON.stringify(MAPPING));
    // The child needs its own database: PGlite belongs to one process.
    const child = backend === "postgres" ? await freshDatabase(backend) : undefined;
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DATABASE_URL: "" };
    const location = child?.location ?? join(dir, "data");
    if (child) env.DATABASE_URL = location;
    else {
      env.IMMOS_DATA_DIR = location;
      cpSync(inject("pgliteTemplate"), location, { recursive: true });
    }
    const run = (killAfterRows?: number) =>
      new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        const p = spawn(
          "npx",
          ["immos", "import", file, "--source", "kill-src", "--map", join(dir, "map.json"), "--batch", "100"],
          {
            env,
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        const on = (d: Buffer) => {
          out += d;
          const m = [...out.matchAll(/imported (\d+)\//g)].pop();
          if (killAfterRows !== undefined && m && Number(m[1]) >= killAfterRows && p.exitCode === null) {
            process.kill(-(p.pid as number), "SIGKILL");
          }
        };
        p.stdout?.on("data", on);
        p.stderr?.on("data", on);
        p.on("exit", (code, signal) => resolve({ code, signal, out }));
      });
    const killed = await run(300);
    expect(killed.signal, killed.out).toBe("SIGKILL");
    const db =
      backend === "postgres" ? await openPostgres(location, 2) : await openPglite(env.IMMOS_DATA_DIR);
    const q = async (text: string) => {
      const res = await db.db.execute(sql.raw(text));
      return ((res as unknown as { rows: Record<string, number>[] }).rows ?? res)[0];
    };
    const mid = await q(`select "offset" as o, status from imports where source = 'kill-src'`);
    expect(mid.o).toBeGreaterThanOrEqual(300);
    expect(mid.o).toBeLessThan(total);
    expect((await q(`select count(*)::int as n from source_records where source = 'kill-src'`)).n).toBe(
      mid.o,
    );
    if (backend === "pglite") await db.close();

    const resumed = await run();
    expect(resumed.code, resumed.out).toBe(0);
    const db2 = backend === "postgres" ? db : await openPglite(env.IMMOS_DATA_DIR);
    const q2 = async (text: string) => {
      const res = await db2.db.execute(sql.raw(text));
      return ((res as unknown as { rows: Record<string, number>[] }).rows ?? res)[0];
    };
    const done = await q2(
      `select "offset" as o, status, accepted, duplicates from imports where source = 'kill-src'`,
    );
    expect(done).toMatchObject({ o: total, status: "done", accepted: total, duplicates: 0 });
    const records = await q2(
      `select count(*)::int as n, count(distinct source_id)::int as ids, count(person_id)::int as linked from source_records where source = 'kill-src'`,
    );
    expect(records).toEqual({ n: total, ids: total, linked: total });
    const rows = await q2(
      `select min(row_number)::int as lo, max(row_number)::int as hi from source_records`,
    );
    expect(rows).toEqual({ lo: 1, hi: total });
    await db2.close();
    await child?.close();
  });
});
