/**
 * `immos place`: detention placement near counsel, family and court.
 *   immos place --instance in.json --out out.json      solve (in a worker thread)
 *   immos place --generate 5000,150 --seed 7 --out in.json   write a synthetic instance
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { invalid } from "../../domain/errors.js";
import { generateInstance } from "../../placement/generate.js";
import { solveInWorker } from "../../placement/run-worker.js";
import { parseInstance } from "../../placement/schema.js";
import { solvePlacement } from "../../placement/solve.js";

interface PlaceOptions {
  instance?: string;
  out?: string;
  generate?: string;
  seed: string;
  bedRatio?: string;
  timeLimit: string;
  engine?: "highs" | "aggregate" | "flow" | "scaling";
  reasons: boolean;
  inProcess?: boolean;
}

const log = (message: string) => process.stderr.write(`immos place: ${message}\n`);

async function readInstance(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw invalid("instance", `cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalid("instance", `${path} is not JSON: ${(err as Error).message}`);
  }
}

function parseGenerate(spec: string): { people: number; facilities: number } {
  const [people, facilities] = spec.split(",").map((x) => Number(x.trim()));
  if (!Number.isInteger(people) || !Number.isInteger(facilities) || people < 0 || facilities < 1) {
    throw invalid("generate", `expected "people,facilities", got "${spec}"`);
  }
  return { people, facilities };
}

export function register(program: Command): void {
  program
    .command("place")
    .description("Assign detained people to facilities near their counsel, family and court")
    .option("--instance <file>", "instance JSON (facilities, people, transferPenalty)")
    .option("--out <file>", "where to write the plan (or the generated instance); stdout if omitted")
    .option("--generate <people,facilities>", "write a synthetic instance instead of solving")
    .option("--seed <n>", "seed for --generate", "1")
    .option("--bed-ratio <r>", "beds per person for --generate (below 1: beds short)")
    .option("--time-limit <seconds>", "wall-clock budget for the solve", "300")
    .option(
      "--engine <name>",
      "highs (exact LP), aggregate, flow (TS min-cost flow) or scaling (cost-scaling flow); default by size",
    )
    .option("--no-reasons", "omit the per-assignment explanations")
    .option("--in-process", "solve on the main thread instead of a worker thread")
    .action(async (opts: PlaceOptions) => {
      const write = async (value: unknown) => {
        const json = `${JSON.stringify(value, null, 1)}\n`;
        if (opts.out) await writeFile(opts.out, json);
        else process.stdout.write(json);
      };
      if (opts.generate) {
        const size = parseGenerate(opts.generate);
        const instance = generateInstance({
          ...size,
          seed: Number(opts.seed),
          bedRatio: opts.bedRatio === undefined ? undefined : Number(opts.bedRatio),
        });
        await write(instance);
        log(
          `wrote ${size.people} people and ${size.facilities} facilities${opts.out ? ` to ${opts.out}` : ""}`,
        );
        return;
      }
      if (!opts.instance) throw invalid("instance", "--instance <file> is required (or --generate)");
      const engines = ["highs", "aggregate", "flow", "scaling"];
      if (opts.engine && !engines.includes(opts.engine)) {
        throw invalid("engine", `unknown engine "${opts.engine}" (${engines.join(", ")})`);
      }
      const instance = parseInstance(await readInstance(opts.instance));
      const options = {
        timeLimitSeconds: Number(opts.timeLimit),
        engine: opts.engine,
        reasons: opts.reasons,
        onProgress: log,
      };
      const started = performance.now();
      const result = opts.inProcess
        ? await solvePlacement(instance, options)
        : await solveInWorker(instance, options);
      const { assignments, unplaced, objective, bound, stats } = result;
      await write({ assignments, unplaced, objective, bound });
      log(
        `${assignments.length} placed, ${unplaced.length} unplaced; objective ${objective.toFixed(1)}, ` +
          `bound ${bound.toFixed(1)}, gap ${((stats?.relativeGap ?? 0) * 100).toFixed(4)} %; ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    });
}
