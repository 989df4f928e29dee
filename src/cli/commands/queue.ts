import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { printJson, withApi } from "../transport.js";

interface Task {
  id: string;
  kind: string;
  title: string;
  due: string | null;
  officeCode: string;
  caseNumber: string;
  personName: string;
  assignee: string | null;
  overdue: boolean;
  held: boolean;
  holdUntil: string | null;
}

export function register(program: Command) {
  const q = program.command("queue").description("work queues: tasks from deadlines and reviews");
  q.command("list")
    .description("an office's queue (earliest due first, then oldest) or your own")
    .option("--office <code>", "this office's queue")
    .option("--mine", "tasks assigned to you")
    .option("--held", "include tasks on hold")
    .option("--limit <n>", "how many", "100")
    .option("--json", "JSON output")
    .action(async (o: { office?: string; mine?: boolean; held?: boolean; limit: string; json?: boolean }) => {
      if (Boolean(o.office) === Boolean(o.mine))
        throw new AppError("invalid_input", "give exactly one of --office <code> or --mine", "office");
      await withApi(async (api) => {
        const qs = new URLSearchParams({ limit: o.limit, ...(o.held ? { includeHeld: "true" } : {}) });
        const path = o.mine ? "/api/v1/queues/mine" : `/api/v1/queues/${encodeURIComponent(o.office ?? "")}`;
        const r = await api.call<{ items: Task[] }>("GET", `${path}?${qs}`);
        if (o.json) return printJson(r.items);
        for (const t of r.items) {
          const mark = t.overdue ? "OVERDUE" : t.held ? "HELD" : "";
          console.log(
            `${t.id}  ${mark.padEnd(7)} ${String(t.due ?? "-").padEnd(16)} ${t.title.padEnd(40)} ${t.caseNumber}  ${t.personName}${t.assignee ? `  → ${t.assignee}` : ""}${t.held ? `  held until ${t.holdUntil}` : ""}`,
          );
        }
        if (!r.items.length) console.log("the queue is empty");
      });
    });
  q.command("assign <task>")
    .description("assign a task to a user (by user name) or to yourself")
    .option("--user <username>", "the user")
    .option("--me", "yourself")
    .action(async (id: string, o: { user?: string; me?: boolean }) => {
      if (Boolean(o.user) === Boolean(o.me))
        throw new AppError("invalid_input", "give exactly one of --user <username> or --me", "user");
      await withApi(async (api) => {
        await api.call(
          "POST",
          `/api/v1/tasks/${encodeURIComponent(id)}/assign`,
          o.me ? { me: true } : { username: o.user },
        );
        console.log(`task ${id} assigned to ${o.me ? "you" : o.user}`);
      });
    });
  q.command("hold <task>")
    .description("hold a task until a date or time; it returns to the queue by itself then")
    .requiredOption("--until <when>", "YYYY-MM-DD (start of that day, UTC) or an ISO 8601 instant")
    .option("--reason <text>", "why")
    .action(async (id: string, o: { until: string; reason?: string }) => {
      await withApi(async (api) => {
        await api.call("POST", `/api/v1/tasks/${encodeURIComponent(id)}/hold`, {
          until: o.until,
          reason: o.reason,
        });
        console.log(`task ${id} held until ${o.until}`);
      });
    });
  q.command("done <task>")
    .description("mark a task done")
    .action(async (id: string) => {
      await withApi(async (api) => {
        await api.call("POST", `/api/v1/tasks/${encodeURIComponent(id)}/done`);
        console.log(`task ${id} done`);
      });
    });
}
