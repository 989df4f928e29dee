/**
 * `immos detention`: the population board, placement proposals and counsel notices.
 *   immos detention board [--office X] [--json]
 *   immos detention propose --office X [--mode arrivals|rebalance] [--all-facilities] [--json]
 *   immos detention accept <proposal-id> <case> [--acknowledge] [--review <id>]
 *   immos detention notices [--office X] [--dry-run] [--json]
 */
import type { Command } from "commander";
import { printJson, withApi } from "../transport.js";

interface Board {
  asOf: string;
  facilities: {
    code: string;
    name: string;
    officeCode: string;
    capacity: { male: number; female: number; total: number };
    held: { male: number; female: number; unknown: number; total: number };
    byLevel: Record<string, { male: number; female: number; unknown: number }>;
  }[];
  totals: { capacity: number; held: number };
  history: { days: string[]; total: number[] };
}

interface Proposal {
  id: string;
  office: string;
  counts: Record<string, number>;
  assumptions: {
    assumed: Record<string, number>;
    skipped: { number: string; reason: string }[];
    people: number;
  };
  objective: number;
  bound: number;
  items: { caseNumber: string; from: string | null; to: string | null; status: string; reason: string }[];
}

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : "-");

export function register(program: Command) {
  const d = program
    .command("detention")
    .description("population board, placement proposals, counsel notices");

  d.command("board")
    .description("each facility's occupancy against capacity, by sex and security level")
    .option("--office <code>", "only this office's facilities")
    .option("--days <n>", "days of history", "30")
    .option("--json", "JSON output")
    .action(async (o: { office?: string; days: string; json?: boolean }) => {
      await withApi(async (api) => {
        const qs = new URLSearchParams({ days: o.days, ...(o.office ? { office: o.office } : {}) });
        const b = await api.call<Board>("GET", `/api/v1/detention/board?${qs}`);
        if (o.json) return printJson(b);
        console.log(
          `as of ${b.asOf}: ${b.totals.held} held, ${b.totals.capacity} beds (${pct(b.totals.held, b.totals.capacity)})`,
        );
        console.log(
          `${"facility".padEnd(10)} ${"office".padEnd(6)} ${"male".padStart(9)} ${"female".padStart(9)} ${"?".padStart(3)}  by level`,
        );
        for (const f of b.facilities) {
          const levels = Object.entries(f.byLevel)
            .map(([l, c]) => `${l === "unrecorded" ? "level?" : `L${l}`}:${c.male + c.female + c.unknown}`)
            .join(" ");
          console.log(
            `${f.code.padEnd(10)} ${f.officeCode.padEnd(6)} ${`${f.held.male}/${f.capacity.male}`.padStart(9)} ${`${f.held.female}/${f.capacity.female}`.padStart(9)} ${String(f.held.unknown).padStart(3)}  ${levels}`,
          );
        }
        const { days, total } = b.history;
        console.log(
          `population ${days[0]}: ${total[0]} → ${days.at(-1)}: ${total.at(-1)} (min ${Math.min(...total)}, max ${Math.max(...total)})`,
        );
      });
    });

  d.command("propose")
    .description("propose placements with the optimizer (reasons for each)")
    .requiredOption("--office <code>", "office")
    .option("--mode <mode>", "arrivals | rebalance", "arrivals")
    .option("--case <ref...>", "place these cases (mode cases)")
    .option("--all-facilities", "consider every facility, not only the office's")
    .option("--counsel-weight <w>", "weight of distance from counsel of record")
    .option("--court-weight <w>", "weight of distance from the court of a pending case")
    .option("--family-weight <w>", "weight of distance from family")
    .option("--transfer-penalty <km>", "cost of moving someone already placed")
    .option("--json", "JSON output")
    .action(
      async (o: {
        office: string;
        mode: string;
        case?: string[];
        allFacilities?: boolean;
        counselWeight?: string;
        courtWeight?: string;
        familyWeight?: string;
        transferPenalty?: string;
        json?: boolean;
      }) => {
        await withApi(async (api) => {
          const num = (v?: string) => (v === undefined ? undefined : Number(v));
          const p = await api.call<Proposal>("POST", "/api/v1/detention/proposals", {
            office: o.office,
            mode: o.case ? "cases" : o.mode,
            ...(o.case ? { cases: o.case } : {}),
            facilities: o.allFacilities ? "all" : "office",
            weights: {
              counsel: num(o.counselWeight),
              court: num(o.courtWeight),
              family: num(o.familyWeight),
            },
            ...(o.transferPenalty ? { transferPenalty: Number(o.transferPenalty) } : {}),
          });
          if (o.json) return printJson(p);
          console.log(
            `proposal ${p.id} (${o.office}): ${p.assumptions.people} people; ${JSON.stringify(p.counts)}`,
          );
          console.log(`objective ${p.objective.toFixed(1)}, bound ${p.bound.toFixed(1)}`);
          const a = p.assumptions.assumed;
          console.log(
            `defaults used (not on record): level 1 for ${a.level}, medical need 0 for ${a.medicalNeed}, adult for ${a.kind}`,
          );
          for (const s of p.assumptions.skipped) console.log(`  left out ${s.number}: ${s.reason}`);
          const order = ["proposed", "unplaced", "stay"];
          const sorted = [...p.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
          for (const i of sorted) {
            console.log(
              `${i.caseNumber.padEnd(22)} ${(i.from ?? "-").padEnd(8)} → ${(i.to ?? "-").padEnd(8)} ${i.status}`,
            );
            console.log(`    ${i.reason}`);
          }
        });
      },
    );

  d.command("accept <proposal> <case>")
    .description("accept a recommendation: the transfer action, through the law engine")
    .option("--acknowledge", "acknowledge the law engine's warnings")
    .option("--review <id>", "an approved review for this transfer")
    .option("--reason <text>", "why (kept with a review request)")
    .option("--json", "JSON output")
    .action(
      async (
        proposal: string,
        ref: string,
        o: { acknowledge?: boolean; review?: string; reason?: string; json?: boolean },
      ) => {
        await withApi(async (api) => {
          const r = await api.call<{
            caseNumber: string;
            outcome: {
              status: string;
              verdict: { outcome: string; findings: { outcome: string; message: string }[] };
              reviewId?: string;
            };
            notes: string[];
            notice: { notice: { text: string } } | null;
          }>("POST", `/api/v1/detention/proposals/${proposal}/cases/${encodeURIComponent(ref)}/accept`, {
            ...(o.acknowledge ? { acknowledge: true } : {}),
            ...(o.review ? { reviewId: o.review } : {}),
            ...(o.reason ? { reason: o.reason } : {}),
          });
          if (o.json) return printJson(r);
          console.log(
            `${r.caseNumber}: ${r.outcome.status} (${r.outcome.verdict.outcome})${r.outcome.reviewId ? ` review ${r.outcome.reviewId}` : ""}`,
          );
          for (const n of r.notes) console.log(`  ${n}`);
          for (const f of r.outcome.verdict.findings.filter((x) => x.outcome !== "ALLOW"))
            console.log(`  ${f.outcome} ${f.message}`);
          if (r.notice) console.log(`  notice sent: ${r.notice.notice.text}`);
        });
      },
    );

  d.command("notices")
    .description("recent transfers and their notices to counsel; opens a task for each overdue one")
    .option("--office <code>", "only this office")
    .option("--lookback <days>", "transfers in the last N days", "30")
    .option("--dry-run", "list only, open no task")
    .option("--json", "JSON output")
    .action(async (o: { office?: string; lookback: string; dryRun?: boolean; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{
          transfers: number;
          overdue: number;
          tasksOpened: number;
          items: {
            caseNumber: string;
            facility: string | null;
            transferredAt: string;
            dueAt: string;
            status: string;
          }[];
        }>("POST", "/api/v1/detention/counsel-notices/sweep", {
          ...(o.office ? { office: o.office } : {}),
          lookbackDays: Number(o.lookback),
          dryRun: o.dryRun === true,
        });
        if (o.json) return printJson(r);
        console.log(
          `${r.transfers} transfers of represented people; ${r.overdue} notices overdue; ${r.tasksOpened} new tasks`,
        );
        for (const i of r.items)
          console.log(
            `${i.caseNumber.padEnd(22)} ${(i.facility ?? "-").padEnd(8)} ${i.transferredAt}  due ${i.dueAt}  ${i.status}`,
          );
      });
    });
}
