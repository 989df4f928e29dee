/**
 * The final gate over a 300-person manifest, with every history loaded from
 * the database, on PGlite and PostgreSQL (goal: under 100 ms to re-check).
 *
 *   npx tsx bench/manifest.ts [people=300] [rounds=15] [backends=pglite,postgres]
 *
 * Prints, per backend, the median and p95 of:
 *   - load:     locks + cases, persons, histories, reference rows (gate-lock.ts, gate.ts)
 *   - evaluate: the law engine for every person (checkEntries)
 *   - re-check: load + evaluate (the figure the goal is about)
 *   - gate:     the whole lock gate with its writes (latest verdict on every entry), rolled back
 *   - hook:     recording a stay for one person on the manifest (event + re-check + strike), rolled back
 */
import { loadavg } from "node:os";
import type { Actor, Role } from "../src/app/access.js";
import type { AppContext } from "../src/app/context.js";
import { addToManifest } from "../src/app/movements/add-to-manifest.js";
import { createMovement } from "../src/app/movements/create-movement.js";
import { checkEntries, loadGateInputs, runGate } from "../src/app/movements/gate.js";
import { lockForGate } from "../src/app/movements/gate-lock.js";
import { reevaluateOpenManifests } from "../src/app/movements/reevaluate-person-manifests.js";
import { openCase } from "../src/app/open-case.js";
import { seedDemo } from "../src/app/seed-demo.js";
import type { CaseEvent } from "../src/domain/events.js";
import { getCase, insertEvents } from "../src/store/repositories/cases.js";
import { listFacilities } from "../src/store/repositories/reference.js";
import { getUserByName } from "../src/store/repositories/users.js";
import { benchDatabase, machine, percentile } from "./support.js";

const people = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 15);
const kinds = (process.argv[4] ?? "pglite,postgres").split(",") as ("pglite" | "postgres")[];
const TODAY = "2026-11-27";

/** A realistic removal history of about 20 events ending in a clean, final order to SV. */
function history(i: number): CaseEvent[] {
  const events: CaseEvent[] = [
    { on: "2025-03-02", type: "encounter", location: "jail" },
    { on: "2025-03-02", type: "arrest", basis: "i200", location: "jail" },
    { on: "2025-03-03", type: "custody.booked", facility: { kind: "adult" }, authority: "236a" },
    {
      on: "2025-03-05",
      type: "nta.served",
      hearing: { date: "2025-04-10", time: "09:00", place: "Houston" },
      servedTo: "person",
      method: "personal",
    },
    { on: "2025-03-05", type: "counsel.appeared", form: "EOIR-28" },
  ];
  for (let h = 0; h < 8; h++)
    events.push({ on: `2025-0${4 + (h % 5)}-1${h % 9}`, type: "hearing.notice", hearingDate: "2025-10-01" });
  events.sort((a, b) => a.on.localeCompare(b.on));
  events.push(
    {
      on: "2026-06-01",
      type: "order.issued",
      by: "IJ",
      kind: "removal",
      delivery: "oral",
      countries: ["SV"],
    },
    { on: "2026-06-01", type: "appeal.waived", knowing: true },
    { on: "2026-09-01", type: "travel_document.issued", country: "SV", validUntil: "2030-01-01" },
    {
      on: "2026-11-10",
      type: "removal_notice.served",
      country: "SV",
      language: "es",
      servedTo: ["person", "counsel"],
      method: "personal",
    },
    { on: "2026-11-10", type: "fear.inquired", country: "SV", expressed: false },
    { on: `2026-11-${String(20 + (i % 6)).padStart(2, "0")}`, type: "medical.clearance", fit: true },
  );
  return events;
}

class Rollback extends Error {}
async function rolledBack(ctx: AppContext, work: Parameters<AppContext["database"]["db"]["transaction"]>[0]) {
  try {
    await ctx.database.db.transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms`;
};

async function run(kind: "pglite" | "postgres") {
  const database = await benchDatabase(kind);
  const ctx: AppContext = { database, now: () => new Date(`${TODAY}T15:00:00Z`) };
  try {
    await seedDemo(ctx, "system", { persons: 0, seed: 1 });
    const u = await getUserByName(database.db, "officer");
    if (!u) throw new Error("no demo officer");
    const actor: Actor = { ...u, role: u.role as Role };
    const facility = (await listFacilities(database.db)).find((f) => u.offices.includes(f.officeCode));
    if (!facility) throw new Error("no facility in the officer's office");
    const movement = await createMovement(ctx, actor, {
      kind: "flight",
      country: "SV",
      departOn: TODAY,
      departAt: "18:00",
      stagingFacilityCode: facility.code,
      seats: people,
    });
    const t0 = performance.now();
    const caseIds: string[] = [];
    for (let i = 0; i < people; i++) {
      const c = await openCase(ctx, actor, {
        person: {
          givenName: `Bench${i}`,
          familyName: "Manifest",
          birthDate: "1988-02-03",
          citizenship: ["SV"],
          languages: ["es"],
          facts: { represented: true },
        },
        case: { kind: "removal_240", officeCode: facility.officeCode },
        events: history(i),
      });
      const r = await addToManifest(ctx, actor, movement.id, { caseId: c.caseId });
      if (r.status !== "added") throw new Error(`not added: ${r.reasons}`);
      caseIds.push(c.caseId);
    }
    process.stderr.write(
      `${kind}: ${people} people opened and added in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );

    const locks: number[] = [];
    const load: number[] = [];
    const evalMs: number[] = [];
    const cpu: number[] = [];
    const recheck: number[] = [];
    const gate: number[] = [];
    const hook: number[] = [];
    for (let r = 0; r < rounds + 2; r++) {
      let k = 0;
      let l = 0;
      let e = 0;
      let u0 = process.cpuUsage();
      await rolledBack(ctx, async (tx) => {
        const a = performance.now();
        u0 = process.cpuUsage();
        const { movement: m, entries, cases } = await lockForGate(tx, movement.id);
        const a2 = performance.now();
        const inputs = await loadGateInputs(tx, cases);
        const b = performance.now();
        const checks = checkEntries(m, entries, inputs, TODAY);
        const c = performance.now();
        const used = process.cpuUsage(u0);
        cpu.push((used.user + used.system) / 1000);
        if (checks.some((x) => !x.allowed) || checks.length !== people)
          throw new Error("unexpected verdicts");
        k = a2 - a;
        l = b - a;
        e = c - b;
      });
      let g = 0;
      await rolledBack(ctx, async (tx) => {
        const a = performance.now();
        const { movement: m, entries, cases } = await lockForGate(tx, movement.id);
        const result = await runGate(tx, ctx, m, entries, await loadGateInputs(tx, cases), "lock", "bench");
        g = performance.now() - a;
        if (result.kept !== people) throw new Error("unexpected strikes");
      });
      let h = 0;
      await rolledBack(ctx, async (tx) => {
        const id = caseIds[r % caseIds.length];
        const row = await getCase(tx, id);
        if (!row) throw new Error("case vanished");
        const stay: CaseEvent = { type: "stay.granted", on: TODAY, at: "09:00", by: "circuit" };
        const a = performance.now();
        await insertEvents(tx, [
          {
            caseId: id,
            seq: row.eventCount + 1,
            type: stay.type,
            on: stay.on,
            at: "09:00",
            body: stay,
            recordedBy: u.id,
          },
        ]);
        const res = await reevaluateOpenManifests(tx, ctx, row, [stay], [row.eventCount + 1], "bench");
        h = performance.now() - a;
        if (res[0]?.struck.length !== 1) throw new Error("the stay did not strike");
      });
      if (r < 2) {
        cpu.pop();
        continue; // warm-up
      }
      locks.push(k);
      load.push(l);
      evalMs.push(e);
      recheck.push(l + e);
      gate.push(g);
      hook.push(h);
    }
    console.log(`${kind} — ${people}-person manifest, ${rounds} rounds`);
    console.log(`  locks (cases, movement):    ${stat(locks)}`);
    console.log(`  load (locks + histories):   ${stat(load)}`);
    console.log(`  evaluate (law engine):      ${stat(evalMs)}`);
    console.log(`  re-check (load + evaluate): ${stat(recheck)}`);
    console.log(
      `  re-check, this process's CPU time: ${stat(cpu)} (load average ${loadavg()[0].toFixed(1)})`,
    );
    console.log(`  lock gate with writes:      ${stat(gate)}`);
    console.log(`  stay recorded -> strike:    ${stat(hook)}`);
  } finally {
    await database.close();
  }
}

console.log(`bench/manifest.ts on ${machine()}`);
for (const kind of kinds) await run(kind);
