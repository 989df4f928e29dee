/**
 * The `immos` command line. Each command lives in src/cli/commands/<name>.ts
 * and exports `register(program)`; it parses its input, calls one use case
 * (or the API of a running server), and shapes the answer.
 */
import { Command } from "commander";
import { commands } from "./commands/index.js";

const program = new Command("immos").description("immos: immigration case operations").version("0.1.0");
for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { message?: string; code?: string; field?: string; exitCode?: number };
  const message = e.message ?? String(err);
  const prefix = e.field && !message.startsWith(`${e.field}:`) ? `${e.field}: ` : "";
  process.stderr.write(`immos: ${prefix}${message}\n`);
  process.exitCode = e.exitCode ?? 1;
}
