import type { Command } from "commander";
import { loadConfig } from "../../config.js";
import { runningServer } from "../../runtime.js";
import { openDatabase } from "../../store/db.js";

export function register(program: Command) {
  const db = program.command("db").description("database operations");
  db.command("migrate")
    .description("apply the committed migrations (the server also does this on start)")
    .action(async () => {
      const config = loadConfig();
      const server = config.databaseUrl ? undefined : runningServer(config.dataDir);
      if (server) {
        console.log(
          `the server (pid ${server.pid}) holds ${config.dataDir} and migrated it when it started; nothing to do`,
        );
        return;
      }
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await database.migrate();
        console.log(`migrated ${database.kind} database at ${database.location}`);
      } finally {
        await database.close();
      }
    });
}
