/**
 * A bulk NTA job at scale (issue 4: "a bulk run of 10,000, with memory"):
 * seeds N cases, gives every person a street address (the seed has none, and
 * an NTA without one is refused), then runs the background job over all of
 * them with the job loop of src/app/documents, as the server does. Prints
 * throughput and resident memory every 5%, and the peak (VmHWM).
 *
 *   npx tsx bench/documents.ts --bulk 10000 [--backend pglite|postgres]
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Actor } from "../src/app/access.js";
import { createDocumentJob } from "../src/app/documents/bulk-render.js";
import { documentJobRunner } from "../src/app/documents/job-runner.js";
import { seedDemo } from "../src/app/seed-demo.js";
import { getUserByName } from "../src/store/repositories/users.js";
import { benchDatabase, machine } from "./support.js";

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = () => {
  const line = readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) * 1024 : Number.NaN;
};
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function runBulk(n: number, backend: "pglite" | "postgres"): Promise<void> {
  console.log(`bulk NTA job: ${n} cases on ${backend}; ${machine()}`);
  const database = await benchDatabase(backend);
  const ctx = { database, now: () => new Date("2026-11-27T15:00:00Z") };
  let t = performance.now();
  await seedDemo(ctx, "system", { persons: n, seed: 1 });
  const db = database.db;
  await db.execute(
    sql`update persons set facts = facts || ${JSON.stringify({
      address: { line1: "1457 Alder Court, Apt 3", city: "Pasadena", state: "TX", postalCode: "77506" },
    })}::jsonb`,
  );
  const rows = (await db.execute(sql`select id, office_code from cases order by number`)) as unknown as
    | { rows: { id: string; office_code: string }[] }
    | { id: string; office_code: string }[];
  const caseRows = Array.isArray(rows) ? rows : rows.rows;
  console.log(`  seeded ${caseRows.length} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const user = await getUserByName(db, "supervisor");
  if (!user) throw new Error("no supervisor user");
  // The demo supervisor covers two offices; the bench's signer covers every office of the selection.
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: "supervisor",
    offices: [...new Set(caseRows.map((r) => r.office_code))],
  };
  const runner = documentJobRunner(ctx);
  const base = process.memoryUsage().rss;
  const cpu0 = cpuSeconds();
  t = performance.now();
  const job = await createDocumentJob(ctx, actor, {
    form: "I-862",
    lang: "es",
    details: {
      nta: {
        classification: "present_without_admission",
        charges: [
          {
            section: "212(a)(6)(A)(i)",
            description: "an alien present in the United States without being admitted or paroled",
          },
        ],
        hearing: { date: "2027-01-12", time: "09:30", place: "Houston Immigration Court, 600 Jefferson St" },
      },
    },
    selection: { caseIds: caseRows.map((r) => r.id) },
  });
  console.log(`  job created (${job.total} items) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const tick = Math.max(1, Math.floor(job.total / 20));
  let maxRss = 0;
  let last: { status: Record<string, number> } = { status: {} };
  const finished = new Promise<void>((resolve) => {
    runner.onItem((e) => {
      last.status[e.status] = (last.status[e.status] ?? 0) + 1;
      const rss = process.memoryUsage().rss;
      maxRss = Math.max(maxRss, rss);
      if (e.processed % tick === 0 || e.processed === e.total) {
        const s = (performance.now() - t) / 1000;
        console.log(
          `  ${String(e.processed).padStart(6)}/${e.total}  ${(e.processed / s).toFixed(1)} docs/s wall, ${(e.processed / (cpuSeconds() - cpu0)).toFixed(1)} per CPU-s, rss ${mib(rss)}`,
        );
      }
      if (e.processed === e.total) resolve();
    });
  });
  runner.start();
  await finished;
  const seconds = (performance.now() - t) / 1000;
  await runner.stop();
  const stored = (await db.execute(
    sql`select count(*)::int as n, coalesce(sum(pdf_bytes),0)::bigint as bytes from documents`,
  )) as unknown as { rows: { n: number; bytes: string }[] } | { n: number; bytes: string }[];
  const s = Array.isArray(stored) ? stored[0] : stored.rows[0];
  console.log(
    `  ${job.total} items in ${seconds.toFixed(0)} s (${(job.total / seconds).toFixed(1)}/s wall, CPU ${(cpuSeconds() - cpu0).toFixed(0)} s): ${JSON.stringify(last.status)}; ${s.n} documents, ${mib(Number(s.bytes))} of PDF stored`,
  );
  console.log(
    `  rss before the job ${mib(base)}, max during ${mib(maxRss)}, process peak (VmHWM) ${mib(peakRss())}`,
  );
  last = { status: {} };
  await database.close();
}
