/**
 * Opening immos for a process: the database (migrated), the app context, and
 * the lock file by which a CLI finds a server that holds the embedded data
 * folder (PGlite belongs to one process).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { operatorActor } from "./app/access.js";
import type { AppContext } from "./app/context.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./store/db.js";
import { users } from "./store/schema.js";

/** The operator's user row, so its writes have an author; it cannot sign in (inactive, no password). */
async function ensureOperatorUser(database: Database): Promise<void> {
  await database.db
    .insert(users)
    .values({
      id: operatorActor.id,
      username: operatorActor.username,
      displayName: operatorActor.displayName,
      passwordHash: "!",
      role: "admin",
      offices: [],
      active: false,
    })
    .onConflictDoNothing();
}

export async function openApp(
  config: Config,
  log: pino.Logger | undefined = pino({ level: config.logLevel }),
): Promise<AppContext> {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await ensureOperatorUser(database);
  return { database, now: () => new Date(), log };
}

export interface ServerLock {
  pid: number;
  port: number;
  url: string;
  /** A secret that lets a CLI on this machine act as the local operator; the file is mode 0600. */
  operatorToken: string;
}

export const lockPath = (dataDir: string) => join(dataDir, "immos-server.json");

export function writeLock(dataDir: string, lock: ServerLock): void {
  writeFileSync(lockPath(dataDir), JSON.stringify(lock), { mode: 0o600 });
}

export function removeLock(dataDir: string): void {
  rmSync(lockPath(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server that holds this data folder, if any; a stale lock is ignored. */
export function runningServer(dataDir: string): ServerLock | undefined {
  const p = lockPath(dataDir);
  if (!existsSync(p)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(p, "utf8")) as ServerLock;
    return alive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}
