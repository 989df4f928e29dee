import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { printJson, withApi } from "../transport.js";

interface Review {
  id: string;
  caseId: string;
  officeCode: string;
  actionType: string;
  action: Record<string, unknown>;
  verdict: { findings: { rule: string; outcome: string; message: string }[] };
  requestedBy: string;
  requestedAt: string;
  requestReason: string | null;
  status: string;
}

export function register(program: Command) {
  const r = program.command("review").description("supervisors' reviews of actions the law sends for review");
  r.command("list")
    .description("reviews of your offices (pending by default)")
    .option("--status <status>", "pending, approved, denied or used", "pending")
    .option("--json", "JSON output")
    .action(async (o: { status: string; json?: boolean }) => {
      await withApi(async (api) => {
        const res = await api.call<{ items: Review[] }>(
          "GET",
          `/api/v1/reviews?status=${encodeURIComponent(o.status)}`,
        );
        if (o.json) return printJson(res.items);
        for (const v of res.items) {
          const rules = v.verdict.findings.filter((f) => f.outcome === "REVIEW").map((f) => f.rule);
          console.log(
            `${v.id}  ${v.officeCode}  ${v.actionType.padEnd(22)} on ${String(v.action.on)}  case ${v.caseId}  requested ${v.requestedAt.slice(0, 16)}  rules ${rules.join(",")}`,
          );
          if (v.requestReason) console.log(`    reason: ${v.requestReason}`);
        }
        if (!res.items.length) console.log(`no ${o.status} reviews`);
      });
    });
  r.command("decide <id>")
    .description("approve or deny a review with a written reason (not your own request)")
    .option("--approve", "approve: the exact action may then be taken once")
    .option("--deny", "deny")
    .requiredOption("--reason <text>", "the written reason (at least 10 characters)")
    .option("--json", "JSON output")
    .action(async (id: string, o: { approve?: boolean; deny?: boolean; reason: string; json?: boolean }) => {
      if (Boolean(o.approve) === Boolean(o.deny))
        throw new AppError("invalid_input", "give exactly one of --approve or --deny", "decision");
      await withApi(async (api) => {
        const res = await api.call<{ status: string; caseId: string }>(
          "POST",
          `/api/v1/reviews/${encodeURIComponent(id)}/decision`,
          {
            decision: o.approve ? "approved" : "denied",
            reason: o.reason,
          },
        );
        if (o.json) return printJson(res);
        console.log(`review ${id} ${res.status}; recorded on case ${res.caseId}`);
      });
    });
}
