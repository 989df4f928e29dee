/**
 * `immos link <file.csv>... --map <mapping.json> --out <clusters.csv> [--threshold p]`
 * Links the person records within and across the files and writes one row per input record:
 * record_id, cluster_id, source. With --pairs, also writes every linked pair with its match
 * weight, probability and each field's contribution (what a reviewer checks).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { linkRecords } from "../../linkage/link.js";
import { mappingSchema, readRecords } from "../../linkage/mapping.js";
import { explain, probability } from "../../linkage/score.js";
import type { PersonRecord } from "../../linkage/types.js";

interface LinkCliOptions {
  map: string;
  out: string;
  threshold?: string;
  pairs?: string;
  clustering?: "average" | "connected";
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function writeLines(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

export function register(program: Command): void {
  program
    .command("link")
    .description("link person records within and across CSV files into clusters of the same person")
    .argument("<files...>", "CSV files with a header row")
    .requiredOption(
      "--map <mapping.json>",
      'column mapping: { "id": column, "fields": { field: column(s) } }',
    )
    .requiredOption("--out <clusters.csv>", "output: record_id,cluster_id,source")
    .option("--threshold <p>", "match probability a pair needs (default 0.5: more likely a match than not)")
    .option("--pairs <pairs.csv>", "also write the linked pairs with weights and per-field contributions")
    .option("--clustering <method>", "average (resists chaining) or connected", "average")
    .action(async (files: string[], options: LinkCliOptions) => {
      const mapping = mappingSchema.parse(JSON.parse(await readFile(options.map, "utf8")));
      const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
      if (threshold !== undefined && !(threshold > 0 && threshold < 1))
        throw Object.assign(new Error("must be a probability between 0 and 1"), { field: "--threshold" });

      const bar = new SingleBar({
        format: "{stage} [{bar}] {percentage}% | {value}/{total}",
        stream: process.stderr,
        hideCursor: true,
      });
      let stage = "";
      bar.start(1, 0, { stage: "read".padEnd(8) });
      const records: PersonRecord[] = [];
      for (const file of files) {
        const read = await readRecords(file, mapping, (rows) =>
          bar.update(0, { stage: `read ${rows}`.padEnd(8) }),
        );
        for (const r of read) records.push(r);
      }
      const result = linkRecords(records, {
        threshold,
        clustering: options.clustering,
        onProgress: (name, done, total) => {
          if (name !== stage) {
            stage = name;
            bar.setTotal(total);
          }
          bar.update(done, { stage: name.padEnd(8) });
        },
      });
      bar.stop();

      const { clusterOf, data, model, links } = result;
      await writeLines(
        options.out,
        (function* () {
          yield "record_id,cluster_id,source";
          for (let i = 0; i < records.length; i++)
            yield `${csvCell(records[i].id)},${clusterOf[i]},${csvCell(records[i].source ?? "")}`;
        })(),
      );
      if (options.pairs) {
        await writeLines(
          options.pairs,
          (function* () {
            yield "record_id_a,record_id_b,match_weight,probability,same_cluster,explanation";
            for (const { a, b, weight } of links) {
              const why = explain(model, data, a, b)
                .map((c) => `${c.comparison}=${c.level}(${c.bits >= 0 ? "+" : ""}${c.bits.toFixed(1)})`)
                .join(" ");
              yield [
                csvCell(records[a].id),
                csvCell(records[b].id),
                weight.toFixed(2),
                probability(weight).toFixed(6),
                clusterOf[a] === clusterOf[b] ? "yes" : "no",
                csvCell(`prior(${model.priorBits.toFixed(1)}) ${why}`),
              ].join(",");
            }
          })(),
        );
      }
      const clusters = new Set(clusterOf).size;
      process.stderr.write(
        `immos link: ${records.length} records, ${result.candidates.count} candidate pairs, ${links.length} links at p >= ${result.threshold}, ${clusters} clusters -> ${options.out}\n`,
      );
    });
}
