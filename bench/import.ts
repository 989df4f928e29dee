/**
 * Import benchmark: N synthetic person rows (test/support/person-rows.ts, 10 columns, plus two bad
 * rows) written to a CSV file and imported into a fresh PostgreSQL database through the import
 * use cases (the path `immos import` takes on a local database). Prints the load rate (hash,
 * parse, validate, insert) and, with --link, the link phase.
 * Run: npx tsx bench/import.ts [N=200000] [--link] [--batch 5000] [--pglite]
 */
import { createReadStream, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importStatus, runImport } from "../src/app/integration/import-file.js";
import { localSink } from "../src/app/integration/resume-import.js";
import { getImport } from "../src/store/repositories/integration.js";
import { MAPPING, personRows, toCsv } from "../test/support/person-rows.js";
import { benchDatabase, machine } from "./support.js";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000);
const withLink = args.includes("--link");
const batchAt = args.indexOf("--batch");
const batchSize = batchAt >= 0 ? Number(args[batchAt + 1]) : 5000;
const backend = args.includes("--pglite") ? "pglite" : "postgres";

const file = join(tmpdir(), `immos-import-bench-${n}.csv`);
const csv = toCsv(personRows(n, 11, "b"));
// Two bad rows (a date not in the calendar, a country code that names no country): quarantined.
writeFileSync(
  file,
  `${csv}bad1,Ana,Lopez,31/02/1990,,MX,es,1 Main St,Houston,77001\nbad2,Li,Wei,01/01/1990,,XX,zh,2 Main St,Houston,77002\n`,
);
console.log(`${machine()}; ${backend}; ${n + 2} rows in ${file}`);

const database = await benchDatabase(backend);
const ctx = { database, now: () => new Date() };
const sink = localSink(ctx, "system");
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let loaded = 0;
let loadMs = 0;
const status = await runImport(
  {
    ...sink,
    link: async (id) => {
      loadMs = performance.now() - t0;
      if (withLink) return sink.link(id);
      const row = await getImport(database.db, id);
      if (!row) throw new Error("import vanished");
      return importStatus(row);
    },
  },
  {
    source: "bench",
    fileName: "bench.csv",
    mapping: MAPPING,
    format: "csv",
    open: () => createReadStream(file),
    batchSize,
    onProgress: (done, _total, phase) => {
      if (phase === "load") loaded = done;
    },
  },
);
const cpu = process.cpuUsage(cpu0);
const totalMs = performance.now() - t0;
console.log(
  `load: ${loaded} rows in ${(loadMs / 1000).toFixed(1)} s = ${Math.round(loaded / (loadMs / 1000))} rows/s` +
    ` (accepted ${status.accepted}, quarantined ${status.quarantined}, duplicates ${status.duplicates})`,
);
if (withLink)
  console.log(
    `link: ${((totalMs - loadMs) / 1000).toFixed(1)} s; linked ${status.linked}, new persons ${status.createdPersons}, reviews ${status.reviews}`,
  );
console.log(
  `this process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
await database.close();
