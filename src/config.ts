/** Settings from the environment, read in one place. */
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  seedPersons: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.IMMOS_DATA_DIR ?? "data"),
    seedPersons: Number(env.IMMOS_SEED_PERSONS ?? 2000),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
