import type { Command } from "commander";
import { operatorActor } from "../../app/access.js";
import type { SweepInput, SweepReport } from "../../app/deadlines/sweep.js";
import { progressBar } from "../progress.js";
import { printJson, withApi } from "../transport.js";

function printReport(r: SweepReport) {
  for (const o of r.offices) {
    if (!o.items.length) continue;
    console.log(
      `${o.office}  ${o.cases} cases  ${o.overdue} overdue  ${o.due} due within ${r.withinDays} days`,
    );
    for (const i of o.items) {
      const when =
        i.daysLeft < 0
          ? `${-i.daysLeft} days overdue`
          : i.daysLeft === 0
            ? "due today"
            : `in ${i.daysLeft} days`;
      console.log(
        `  ${(i.urgency === "overdue" ? "OVERDUE" : "DUE").padEnd(8)} ${i.due.padEnd(16)} ${i.kind.padEnd(34)} ${i.rule.padEnd(8)} ${i.caseNumber}  ${when}`,
      );
    }
  }
  const overdue = r.offices.reduce((n, o) => n + o.overdue, 0);
  const due = r.offices.reduce((n, o) => n + o.due, 0);
  console.log(
    `${r.cases} cases swept as of ${r.asOf} in ${r.seconds.toFixed(1)} s: ${overdue} overdue, ${due} due within ${r.withinDays} days`,
  );
  if (r.dryRun) console.log("dry run: no task written");
  else
    console.log(
      `tasks: ${r.tasks.created} created, ${r.tasks.refreshed} refreshed, ${r.tasks.closed} closed; review tasks: ${r.reviews.open} pending, ${r.reviews.closed} closed`,
    );
}

export function register(program: Command) {
  const d = program.command("deadlines").description("deadlines computed from case histories");
  d.command("sweep")
    .description(
      "compute every case's deadlines, list the due and overdue ones per office, and bring the work queues up to date",
    )
    .option("--office <code>", "only this office")
    .option("--as-of <date>", "as of this date (default today)")
    .option("--within <days>", "due within this many days", "7")
    .option("--overdue-days <days>", "a passed deadline counts as overdue for this many days", "30")
    .option("--dry-run", "list only; write no task")
    .option("--json", "JSON output")
    .action(
      async (o: {
        office?: string;
        asOf?: string;
        within: string;
        overdueDays: string;
        dryRun?: boolean;
        json?: boolean;
      }) => {
        const input: SweepInput = {
          office: o.office,
          asOf: o.asOf,
          withinDays: Number(o.within),
          overdueDays: Number(o.overdueDays),
          dryRun: Boolean(o.dryRun),
        };
        await withApi(async (api) => {
          let report: SweepReport;
          if (api.ctx) {
            const { sweepDeadlines } = await import("../../app/deadlines/sweep.js");
            let bar: ReturnType<typeof progressBar> | undefined;
            try {
              report = await sweepDeadlines(api.ctx, operatorActor, input, (done, total) => {
                bar ??= progressBar("sweeping", total);
                bar.update(done);
              });
            } finally {
              bar?.stop();
            }
          } else {
            process.stderr.write("sweeping through the running server…\n");
            report = await api.call<SweepReport>("POST", "/api/v1/deadlines/sweep", input);
          }
          if (o.json) return printJson(report);
          printReport(report);
        });
      },
    );

  d.command("show <case>")
    .description("a case's deadlines as of a date")
    .option("--as-of <date>", "as of this date (default today)")
    .option("--json", "JSON output")
    .action(async (ref: string, o: { asOf?: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ items: { kind: string; due: string; rule: string; note?: string }[] }>(
          "GET",
          `/api/v1/cases/${encodeURIComponent(ref)}/deadlines${o.asOf ? `?asOf=${o.asOf}` : ""}`,
        );
        if (o.json) return printJson(r.items);
        for (const i of r.items)
          console.log(`${i.due.padEnd(16)} ${i.kind.padEnd(34)} ${i.rule}${i.note ? `  ${i.note}` : ""}`);
        if (!r.items.length) console.log("no deadlines");
      });
    });
}
