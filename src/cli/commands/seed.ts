import type { Command } from "commander";
import { operatorActor } from "../../app/access.js";
import { progressBar } from "../progress.js";
import { printJson, withApi } from "../transport.js";

export function register(program: Command) {
  program
    .command("seed")
    .description("load deterministic synthetic demo data (reference data, demo users, persons with cases)")
    .option("--persons <n>", "how many persons", "2000")
    .option("--seed <s>", "random seed", "1")
    .option("--json", "print the result as JSON")
    .action(async (o: { persons: string; seed: string; json?: boolean }) => {
      const persons = Number(o.persons);
      const seed = Number(o.seed);
      await withApi(async (api) => {
        const started = performance.now();
        let result: unknown;
        if (api.ctx) {
          const { seedDemo } = await import("../../app/seed-demo.js");
          const bar = progressBar("seeding", persons);
          try {
            result = await seedDemo(api.ctx, operatorActor, {
              persons,
              seed,
              onProgress: (n) => bar.update(n),
            });
          } finally {
            bar.stop();
          }
        } else {
          process.stderr.write("seeding through the running server…\n");
          result = await api.call("POST", "/api/v1/admin/seed", { persons, seed });
        }
        const seconds = (performance.now() - started) / 1000;
        if (o.json) printJson({ ...(result as object), seconds });
        else
          console.log(
            `seeded ${persons} persons in ${seconds.toFixed(1)} s (${Math.round(persons / seconds)} persons/s)`,
          );
      });
    });
}
