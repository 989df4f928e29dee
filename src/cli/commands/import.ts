/**
 * `immos import <file> --source <name> --map <mapping.json>`: imports a CSV or JSON Lines file
 * (docs/import.md) with a progress bar; run it again after an interruption and it resumes.
 * `immos person show|merge|split`: a person by id (following merges), merge two, undo a merge.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { operatorActor } from "../../app/access.js";
import type { ImportSink, ImportStatus } from "../../app/integration/import-file.js";
import { formatOf, importMappingSchema } from "../../app/integration/mapping.js";
import { progressBar } from "../progress.js";
import { type Api, printJson, withApi } from "../transport.js";

interface ImportOptions {
  source: string;
  map: string;
  batch: string;
  upper?: string;
  lower?: string;
  reviewCap?: string;
  json?: boolean;
}

function remoteSink(api: Api): ImportSink {
  return {
    start: (input) => api.call("POST", "/api/v1/imports/start", input),
    batch: (id, offset, rows) => api.call("POST", `/api/v1/imports/${id}/rows`, { offset, rows }),
    finish: (id, totalRows) => api.call("POST", `/api/v1/imports/${id}/finish`, { totalRows }),
    link: (id) => api.call("POST", `/api/v1/imports/${id}/link`),
  };
}

const probabilityOption = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (!(p > 0 && p < 1))
    throw Object.assign(new Error("must be a probability between 0 and 1"), { field: name });
  return p;
};

const countOption = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw Object.assign(new Error("must be a whole number, 0 or more"), { field: name });
  return n;
};

export function register(program: Command) {
  program
    .command("import")
    .description("import person records from a source system's CSV or JSON Lines file; re-run to resume")
    .argument("<file>", "CSV with a header row, or JSON Lines (.jsonl)")
    .requiredOption("--source <name>", "the source system, e.g. eoir-2026 (letters, digits, . _ -)")
    .requiredOption("--map <mapping.json>", "column mapping (docs/import.md)")
    .option("--batch <rows>", "rows per transaction", "5000")
    .option("--upper <p>", "link to an existing person at or above this probability (default 0.99)")
    .option("--lower <p>", "send pairs from here to the upper threshold to review (default 0.3)")
    .option(
      "--review-cap <n>",
      "pending link reviews this import may add; the weaker pairs are kept as deferred (default 1000)",
    )
    .option("--json", "print the result as JSON")
    .action(async (file: string, o: ImportOptions) => {
      const mapping = importMappingSchema.parse(JSON.parse(await readFile(o.map, "utf8")));
      const upper = probabilityOption(o.upper, "--upper");
      const lower = probabilityOption(o.lower, "--lower");
      const reviewCap = countOption(o.reviewCap, "--review-cap");
      const thresholds =
        upper || lower || reviewCap !== undefined
          ? {
              ...(upper ? { upper } : {}),
              ...(lower ? { lower } : {}),
              ...(reviewCap !== undefined ? { reviewCap } : {}),
            }
          : undefined;
      await withApi(async (api) => {
        let sink: ImportSink;
        if (api.ctx) {
          const { localSink } = await import("../../app/integration/resume-import.js");
          sink = localSink(api.ctx, operatorActor);
        } else sink = remoteSink(api);
        const started = performance.now();
        let bar: ReturnType<typeof progressBar> | undefined;
        let loadSeconds = 0;
        let loaded = 0;
        const result: ImportStatus = await (await import("../../app/integration/import-file.js")).runImport(
          sink,
          {
            source: o.source,
            fileName: basename(file),
            mapping,
            format: formatOf(file, mapping),
            open: () => createReadStream(file),
            batchSize: Number(o.batch),
            thresholds,
            onProgress: (done, total, phase) => {
              if (phase === "load") {
                if (!bar) bar = progressBar("importing", total);
                bar.update(done);
                // Without a terminal the bar is silent: a line per batch for logs (and the resume test).
                if (!process.stderr.isTTY) process.stderr.write(`imported ${done}/${total} rows\n`);
                loaded = done;
              } else if (done === 0) {
                bar?.stop();
                bar = undefined;
                loadSeconds = (performance.now() - started) / 1000;
                process.stderr.write("linking records to persons…\n");
              }
            },
          },
        );
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        if (o.json) printJson({ ...result, seconds, loadSeconds });
        else
          console.log(
            `import ${result.id} (${result.source}, ${result.fileName}): ${result.status}; ` +
              `${result.accepted} new records, ${result.duplicates} already there, ${result.quarantined} quarantined; ` +
              `${result.linked} linked to existing persons, ${result.createdPersons} new persons, ${result.reviews} to review` +
              (loadSeconds > 0 ? `; loaded ${loaded} rows in ${loadSeconds.toFixed(1)} s` : ""),
          );
      });
    });

  const person = program.command("person").description("persons: show (following merges), merge, split");
  person
    .command("show")
    .argument("<id>", "person id")
    .action(async (id: string) => {
      await withApi(async (api) => printJson(await api.call("GET", `/api/v1/persons/${id}`)));
    });
  person
    .command("merge")
    .description("merge <merged> into <survivor>: the survivor keeps its id, the other redirects to it")
    .argument("<survivor>", "person id that stays")
    .argument("<merged>", "person id merged into it")
    .requiredOption("--reason <text>", "why they are one person")
    .action(async (survivorId: string, mergedId: string, o: { reason: string }) => {
      await withApi(async (api) =>
        printJson(
          await api.call("POST", "/api/v1/persons/merge", { survivorId, mergedId, reason: o.reason }),
        ),
      );
    });
  person
    .command("split")
    .description("undo the merge of <merged> into another person")
    .argument("<merged>", "the merged person's id")
    .requiredOption("--reason <text>", "why the merge was wrong")
    .action(async (mergedId: string, o: { reason: string }) => {
      await withApi(async (api) =>
        printJson(await api.call("POST", `/api/v1/persons/${mergedId}/split`, { reason: o.reason })),
      );
    });
}
