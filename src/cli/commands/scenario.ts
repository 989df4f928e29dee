import type { Command } from "commander";
import { formatResultLine, runScenarioFiles, toJson } from "../../app/run-scenarios.js";
import { ScenarioFormatError } from "../../law/scenario.js";

export function register(program: Command) {
  const s = program.command("scenario").description("legal scenarios (docs/scenarios.md)");
  s.command("run <paths...>")
    .description(
      "evaluate scenario files or folders; PASS/FAIL per scenario, then 'N passed, M failed' (exit 1 if any failed, 2 if a file is invalid)",
    )
    .option("--json", "a JSON array, one object per scenario")
    .action((paths: string[], o: { json?: boolean }) => {
      let results: ReturnType<typeof runScenarioFiles>;
      try {
        results = runScenarioFiles(paths);
      } catch (e) {
        if (e instanceof ScenarioFormatError || (e as NodeJS.ErrnoException).code === "ENOENT") {
          process.stderr.write(`immos: invalid scenario: ${(e as Error).message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
      const judged = results.filter((r) => r.pass !== null);
      const failed = judged.filter((r) => !r.pass).length;
      if (o.json) process.stdout.write(`${JSON.stringify(results.map(toJson), null, 2)}\n`);
      else {
        for (const r of results) console.log(formatResultLine(r));
        console.log(`${judged.length - failed} passed, ${failed} failed`);
      }
      if (failed) process.exitCode = 1;
    });
}
