/**
 * `npm start`: opens (and on first run creates) the database, migrates it,
 * seeds the synthetic demo once, and serves the API and the web app.
 */
import { randomBytes } from "node:crypto";
import { isSeeded, seedDemo } from "./app/seed-demo.js";
import { loadConfig } from "./config.js";
import { buildServer } from "./http/server.js";
import { openApp, removeLock, runningServer, writeLock } from "./runtime.js";
import { demoUsers } from "./seed/index.js";

const started = performance.now();
const config = loadConfig();
if (!config.databaseUrl) {
  const other = runningServer(config.dataDir);
  if (other) {
    console.error(
      `immos: another server (pid ${other.pid}) already serves ${config.dataDir} at ${other.url}`,
    );
    process.exit(1);
  }
}
const ctx = await openApp(config);
if (!(await isSeeded(ctx))) {
  console.log(`Seeding the synthetic demo (${config.seedPersons} persons)…`);
  let last = 0;
  await seedDemo(ctx, "system", {
    persons: config.seedPersons,
    seed: 1,
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 10);
      if (pct > last) process.stdout.write(`  ${pct * 10}%${pct === 10 ? "\n" : ""}`);
      last = pct;
    },
  });
}
const operatorToken = `imo_${randomBytes(24).toString("base64url")}`;
const app = await buildServer(ctx, {
  // pino JSON lines on stdout; every line of a request carries its reqId (also sent as x-request-id).
  logger: { level: config.logLevel },
  operatorToken,
});
await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
if (!config.databaseUrl)
  writeLock(config.dataDir, { pid: process.pid, port: config.port, url, operatorToken });

const demo = demoUsers().filter(
  (u) => ["officer", "supervisor", "admin"].includes(u.username) || u.role === "analyst",
);
console.log(
  `immos is serving ${url}  (ready in ${Math.round(performance.now() - started)} ms; database: ${ctx.database.kind} ${ctx.database.location})`,
);
console.log(`API reference: ${url}/api/docs`);
console.log("Demo sign-ins (synthetic data only):");
for (const u of demo)
  console.log(`  ${u.username.padEnd(12)} ${u.password.padEnd(16)} ${u.role} ${u.offices.join(",")}`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await app.close();
  await ctx.database.close();
  if (!config.databaseUrl) removeLock(config.dataDir);
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
