/**
 * `immos check`: integrity checks over every case (stuck cases, projections
 * that disagree with their history, overdue deadlines nobody acted on, a
 * person in two facilities). Each finding names its case and the case's
 * address in the web app. Exits 1 when anything is found, for cron and CI.
 */
import type { Command } from "commander";
import type { CheckReport } from "../../app/checks/integrity.js";
import { printJson, withApi } from "../transport.js";

export function register(program: Command) {
  program
    .command("check")
    .description("integrity checks: stuck cases, projection vs history, overdue deadlines, two facilities")
    .option("--only <checks>", "comma-separated: stuck,projection,deadline,two-facilities")
    .option("--office <code>", "only this office")
    .option("--as-of <date>", "as of this date (YYYY-MM-DD; default today)")
    .option("--stuck-days <n>", "days without an event that make a case stuck (default: per stage)")
    .option("--overdue-days <n>", "how far back an overdue deadline is still reported", "30")
    .option(
      "--base-url <url>",
      "prefix for case links",
      process.env.IMMOS_BASE_URL ?? "http://localhost:3000",
    )
    .option("--json", "JSON output")
    .action(
      async (o: {
        only?: string;
        office?: string;
        asOf?: string;
        stuckDays?: string;
        overdueDays: string;
        baseUrl: string;
        json?: boolean;
      }) => {
        const report = await withApi(async (api) => {
          const qs = new URLSearchParams({
            overdueDays: o.overdueDays,
            ...(o.only ? { only: o.only } : {}),
            ...(o.office ? { office: o.office } : {}),
            ...(o.asOf ? { asOf: o.asOf } : {}),
            ...(o.stuckDays ? { stuckDays: o.stuckDays } : {}),
          });
          return api.call<CheckReport>("GET", `/api/v1/checks?${qs}`);
        });
        if (o.json) printJson(report);
        else {
          console.log(
            `Checked ${report.cases} cases as of ${report.asOf} (${report.checks.join(", ")}) in ${report.seconds.toFixed(1)} s`,
          );
          for (const k of report.checks) console.log(`  ${k.padEnd(15)} ${report.counts[k]}`);
          for (const f of report.findings)
            console.log(
              `${f.check.padEnd(15)} ${f.caseNumber.padEnd(22)} ${o.baseUrl}${f.path}\n    ${f.message}`,
            );
        }
        if (report.findings.length) process.exitCode = 1;
      },
    );
}
