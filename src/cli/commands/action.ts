import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import type { Verdict } from "../../law/types.js";
import { printJson, withApi } from "../transport.js";

/** Exit codes of `immos action take`: 3 refused by the law, 4 warnings not acknowledged. */
export const EXIT_BLOCKED = 3;
export const EXIT_NEEDS_ACKNOWLEDGEMENT = 4;

function parseData(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text);
    if (v && typeof v === "object" && !Array.isArray(v)) return v;
  } catch (e) {
    throw new AppError("invalid_input", `malformed JSON: ${(e as Error).message}`, "data");
  }
  throw new AppError("invalid_input", "expected a JSON object of the action's fields", "data");
}

const words = { BLOCK: "BLOCKED", REVIEW: "NEEDS REVIEW", WARN: "WARNING", ALLOW: "ALLOWED" } as const;

/** The verdict in words: outcome, then each finding with rule, outcome, citation, message and remedy. */
export function printVerdict(v: Verdict) {
  console.log(`Verdict: ${words[v.outcome]} (${v.outcome})`);
  for (const f of v.findings) {
    console.log(`  ${f.outcome.padEnd(6)} ${f.rule.padEnd(8)} ${f.citation}`);
    console.log(`         ${f.message}`);
    if (f.remedy) console.log(`         Remedy: ${f.remedy}`);
  }
  if (v.deadlines.length) {
    console.log("Deadlines:");
    for (const d of v.deadlines) console.log(`  ${d.due.padEnd(16)} ${d.kind} (${d.rule})`);
  }
}

interface ActionOptions {
  type: string;
  on: string;
  at?: string;
  data?: string;
  json?: boolean;
}

const actionOf = (o: ActionOptions) => ({
  ...parseData(o.data),
  type: o.type,
  on: o.on,
  ...(o.at ? { at: o.at } : {}),
});

const withActionOptions = (c: Command) =>
  c
    .requiredOption("--type <type>", "action type (immos action types)")
    .requiredOption("--on <date>", "the action's date YYYY-MM-DD")
    .option("--at <time>", "time HH:MM")
    .option("--data <json>", 'the action\'s other fields as JSON, e.g. \'{"country":"HN"}\'')
    .option("--json", "JSON output");

export function register(program: Command) {
  const a = program.command("action").description("actions on a case, through the law engine");

  a.command("types")
    .description("the action types and their fields")
    .option("--json", "JSON output (fields as JSON Schema)")
    .action(async (o: { json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{
          items: { type: string; label: string; irreversible: boolean; schema: { properties?: object } }[];
        }>("GET", "/api/v1/actions");
        if (o.json) return printJson(r.items);
        for (const i of r.items) {
          const fields = Object.keys(i.schema.properties ?? {}).filter(
            (k) => !["type", "on", "at", "tz"].includes(k),
          );
          console.log(
            `${i.type.padEnd(26)} ${i.label}${i.irreversible ? " (irreversible)" : ""}  [${fields.join(", ")}]`,
          );
        }
      });
    });

  withActionOptions(
    a.command("evaluate <case>").description("the verdict an action would get on a date; nothing is written"),
  ).action(async (ref: string, o: ActionOptions) => {
    await withApi(async (api) => {
      const r = await api.call<{ verdict: Verdict }>(
        "POST",
        `/api/v1/cases/${encodeURIComponent(ref)}/actions/evaluate`,
        { action: actionOf(o) },
      );
      if (o.json) return printJson(r);
      printVerdict(r.verdict);
    });
  });

  withActionOptions(
    a
      .command("take <case>")
      .description(
        `take an action: prints the verdict; exit ${EXIT_BLOCKED} when the law blocks it, ${EXIT_NEEDS_ACKNOWLEDGEMENT} when warnings need --acknowledge`,
      ),
  )
    .option("--acknowledge", "acknowledge the warnings (WARN)")
    .option("--review <id>", "an approved review of this exact action (REVIEW)")
    .option("--reason <text>", "why (kept with the review request)")
    .option("--expected-version <n>", "the case version you read (default: the current one)")
    .action(
      async (
        ref: string,
        o: ActionOptions & {
          acknowledge?: boolean;
          review?: string;
          reason?: string;
          expectedVersion?: string;
        },
      ) => {
        await withApi(async (api) => {
          const path = `/api/v1/cases/${encodeURIComponent(ref)}`;
          const expectedVersion =
            o.expectedVersion !== undefined
              ? Number(o.expectedVersion)
              : (await api.call<{ case: { version: number } }>("GET", path)).case.version;
          try {
            const r = await api.call<{
              status: string;
              verdict: Verdict;
              reviewId?: string;
              version: number;
            }>("POST", `${path}/actions`, {
              expectedVersion,
              action: actionOf(o),
              ...(o.acknowledge ? { acknowledge: true } : {}),
              ...(o.review ? { reviewId: o.review } : {}),
              ...(o.reason ? { reason: o.reason } : {}),
            });
            if (o.json) return printJson(r);
            printVerdict(r.verdict);
            if (r.status === "review_requested")
              console.log(
                `Review requested: ${r.reviewId}. Another supervisor must approve it (immos review decide).`,
              );
            else console.log(`Done: recorded on the case (version ${r.version}).`);
          } catch (e) {
            const details = (e as AppError).details as { verdict?: Verdict } | undefined;
            const code = (e as AppError).code;
            if (!details?.verdict || (code !== "blocked_by_law" && code !== "acknowledgement_required"))
              throw e;
            if (o.json)
              printJson({
                status: code === "blocked_by_law" ? "blocked" : "needs_acknowledgement",
                ...details,
              });
            else {
              printVerdict(details.verdict);
              console.log(
                code === "blocked_by_law"
                  ? "Blocked: the attempt is recorded on the case. No override exists; change the facts named in the remedy."
                  : "Not taken: re-run with --acknowledge to go ahead despite the warnings.",
              );
            }
            process.exitCode = code === "blocked_by_law" ? EXIT_BLOCKED : EXIT_NEEDS_ACKNOWLEDGEMENT;
          }
        });
      },
    );
}
