import type { Command } from "commander";
import { historyTree } from "../../app/checks/history-tree.js";
import { printJson, withApi } from "../transport.js";

interface CaseView {
  case: {
    id: string;
    number: string;
    stage: string;
    kind: string;
    version: number;
    office: { code: string; name: string };
    court: { name: string } | null;
    facility: { name: string } | null;
    state: Record<string, unknown>;
  };
  person: {
    givenName: string;
    familyName: string;
    aNumberDisplay: string | null;
    birthDate: string | null;
    citizenship: string[];
    languages: string[];
    counsel: { name: string } | null;
  } | null;
  history: {
    seq: number;
    event: { on: string; at?: string; type: string } & Record<string, unknown>;
    superseded: boolean;
  }[];
}

function describeEvent(e: Record<string, unknown>): string {
  const { on: _on, at: _at, type: _type, ...rest } = e;
  return Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" ");
}

export function printHistory(view: CaseView) {
  for (const h of view.history) {
    const mark = h.superseded ? " (superseded)" : "";
    console.log(
      `${String(h.seq).padStart(3)}  ${h.event.on}${h.event.at ? ` ${h.event.at}` : "      "}  ${h.event.type.padEnd(24)} ${describeEvent(h.event)}${mark}`,
    );
  }
}

export function register(program: Command) {
  const c = program.command("case").description("cases");
  c.command("list")
    .description("list and search cases (name in any script, or A-number)")
    .option("-q, --query <text>", "name or A-number")
    .option("--stage <stage>", "only this stage")
    .option("--limit <n>", "how many", "20")
    .option("--json", "JSON output")
    .action(async (o: { query?: string; stage?: string; limit: string; json?: boolean }) => {
      await withApi(async (api) => {
        const qs = new URLSearchParams({
          limit: o.limit,
          ...(o.query ? { q: o.query } : {}),
          ...(o.stage ? { stage: o.stage } : {}),
        });
        const r = await api.call<{ items: Record<string, string | string[] | null>[] }>(
          "GET",
          `/api/v1/cases?${qs}`,
        );
        if (o.json) return printJson(r.items);
        for (const i of r.items) {
          console.log(
            `${String(i.number).padEnd(22)} ${String(i.aNumber ?? "-").padEnd(11)} ${`${i.familyName}, ${i.givenName}`.padEnd(36)} ${String(i.stage).padEnd(15)} ${i.officeCode}`,
          );
        }
        if (!r.items.length) console.log("no cases found");
      });
    });
  c.command("show <case>")
    .description("a case: person, state and timeline (by id or number)")
    .option("--json", "JSON output")
    .action(async (ref: string, o: { json?: boolean }) => {
      await withApi(async (api) => {
        const v = await api.call<CaseView>("GET", `/api/v1/cases/${encodeURIComponent(ref)}`);
        if (o.json) return printJson(v);
        const p = v.person;
        console.log(
          `Case ${v.case.number}  (${v.case.kind}, stage ${v.case.stage}, version ${v.case.version})`,
        );
        console.log(
          `Office ${v.case.office.name}; court ${v.case.court?.name ?? "-"}; facility ${v.case.facility?.name ?? "-"}`,
        );
        if (p) {
          console.log(
            `Person ${p.familyName}, ${p.givenName}  ${p.aNumberDisplay ?? "no A-number"}  born ${p.birthDate ?? "unknown"}  ${p.citizenship.join(",")}  languages ${p.languages.join(",")}`,
          );
          console.log(`Counsel ${p.counsel?.name ?? "none of record"}`);
        }
        console.log("History:");
        printHistory(v);
      });
    });
  c.command("history <case>")
    .description("a case's history of dated events")
    .option("--json", "JSON output")
    .option("--tree", "the whole history as a tree: phases, corrections under what they correct, reviews")
    .action(async (ref: string, o: { json?: boolean; tree?: boolean }) => {
      await withApi(async (api) => {
        const v = await api.call<CaseView>("GET", `/api/v1/cases/${encodeURIComponent(ref)}`);
        if (o.json) return printJson(v.history);
        if (o.tree) return console.log(historyTree(v).join("\n"));
        printHistory(v);
      });
    });
}
