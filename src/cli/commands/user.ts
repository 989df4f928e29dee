import type { Command } from "commander";
import { printJson, withApi } from "../transport.js";

export function register(program: Command) {
  const u = program.command("user").description("users and tokens");
  u.command("add <username>")
    .description("create a local user")
    .requiredOption("--role <role>", "officer|supervisor|counsel|detention_manager|analyst|auditor|admin")
    .requiredOption("--password <password>", "at least 8 characters")
    .option("--name <display>", "display name")
    .option("--offices <codes>", "comma-separated office codes", "")
    .option("--json", "JSON output")
    .action(
      async (
        username: string,
        o: { role: string; password: string; name?: string; offices: string; json?: boolean },
      ) => {
        await withApi(async (api) => {
          const r = await api.call("POST", "/api/v1/users", {
            username,
            displayName: o.name ?? username,
            password: o.password,
            role: o.role,
            offices: o.offices ? o.offices.split(",").map((s) => s.trim()) : [],
          });
          if (o.json) return printJson(r);
          console.log(`created user ${username} (${o.role})`);
        });
      },
    );
  u.command("token <username>")
    .description("issue a bearer token for the API (printed once)")
    .action(async (username: string) => {
      await withApi(async (api) => {
        const r = await api.call<{ token: string }>(
          "POST",
          `/api/v1/users/${encodeURIComponent(username)}/tokens`,
        );
        console.log(r.token);
      });
    });
}
