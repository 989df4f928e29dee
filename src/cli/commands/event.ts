import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { printJson, withApi } from "../transport.js";

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid_input", `malformed JSON: ${(e as Error).message}`, field);
  }
}

export function register(program: Command) {
  const ev = program.command("event").description("case events");
  ev.command("add <case>")
    .description(
      'append a dated event, e.g. immos event add <case> --type stay.granted --on 2026-01-05 --data \'{"by":"BIA"}\'',
    )
    .requiredOption("--type <type>", "event type (docs/scenarios.md)")
    .requiredOption("--on <date>", "date YYYY-MM-DD")
    .option("--at <time>", "time HH:MM")
    .option("--data <json>", "the event's other fields as JSON")
    .option("--file <path>", "read the whole event from a JSON file instead")
    .option("--expected-version <n>", "the case version you read (default: the current one)")
    .option("--json", "JSON output")
    .action(
      async (
        ref: string,
        o: {
          type: string;
          on: string;
          at?: string;
          data?: string;
          file?: string;
          expectedVersion?: string;
          json?: boolean;
        },
      ) => {
        const event = o.file
          ? parseJson(readFileSync(o.file, "utf8"), "file")
          : {
              ...(o.data ? (parseJson(o.data, "data") as object) : {}),
              type: o.type,
              on: o.on,
              ...(o.at ? { at: o.at } : {}),
            };
        await withApi(async (api) => {
          const expectedVersion =
            o.expectedVersion !== undefined
              ? Number(o.expectedVersion)
              : (
                  await api.call<{ case: { version: number } }>(
                    "GET",
                    `/api/v1/cases/${encodeURIComponent(ref)}`,
                  )
                ).case.version;
          const r = await api.call<{
            number: string;
            seq: number;
            version: number;
            state: { stage: string };
          }>("POST", `/api/v1/cases/${encodeURIComponent(ref)}/events`, { expectedVersion, event });
          if (o.json) return printJson(r);
          console.log(
            `recorded event ${r.seq} on case ${r.number}; version ${r.version}; stage ${r.state.stage}`,
          );
        });
      },
    );
}
