import type { Command } from "commander";
import { printJson, withApi } from "../transport.js";

interface PurgeReport {
  dryRun: boolean;
  asOf: string;
  sessions: number;
  tokens: number;
  ssoLogins: number;
  cases: { number: string; lastEventOn: string | null; events: number; documents: number }[];
  documents: { id: string; caseNumber: string; form: string; generatedAt: string }[];
  heldSkipped: number;
}

export function register(program: Command) {
  const r = program
    .command("retention")
    .description("retention rules, purge, legal holds (docs/oversight.md)");
  r.command("purge")
    .description("delete what the retention rules say; never a case under a legal hold")
    .option("--dry-run", "report what would be purged; change nothing")
    .option("--json", "JSON output")
    .action(async (o: { dryRun?: boolean; json?: boolean }) => {
      await withApi(async (api) => {
        const rep = await api.call<PurgeReport>("POST", "/api/v1/retention/purge", { dryRun: !!o.dryRun });
        if (o.json) return printJson(rep);
        const verb = rep.dryRun ? "would purge" : "purged";
        console.log(
          `${verb} (as of ${rep.asOf}): ${rep.sessions} expired session(s), ${rep.tokens} expired token(s), ` +
            `${rep.ssoLogins} stale sign-in(s), ${rep.cases.length} closed case(s), ` +
            `${rep.documents.length} document PDF(s)`,
        );
        for (const c of rep.cases)
          console.log(
            `  ${c.number}\tlast event ${c.lastEventOn}\t${c.events} events\t${c.documents} document(s)`,
          );
        for (const d of rep.documents)
          console.log(`  document ${d.id}\t${d.form}\tcase ${d.caseNumber}\tgenerated ${d.generatedAt}`);
        if (rep.heldSkipped) console.log(`  ${rep.heldSkipped} skipped: a legal hold was placed meanwhile`);
      });
    });
  r.command("policy")
    .description("show the retention rules, or set them from a JSON string")
    .option(
      "--set <json>",
      'e.g. \'{"closedCases":{"years":7,"stages":["removed","terminated"]},"documents":{"years":10}}\'',
    )
    .action(async (o: { set?: string }) => {
      await withApi(async (api) => {
        printJson(
          o.set
            ? await api.call("PUT", "/api/v1/retention/policy", JSON.parse(o.set))
            : await api.call("GET", "/api/v1/retention/policy"),
        );
      });
    });
  r.command("hold <case>")
    .description("place a legal hold on a case (it is then never purged)")
    .requiredOption("--reason <text>", "why (litigation, FOIA, investigation ...)")
    .action(async (ref: string, o: { reason: string }) => {
      await withApi(async (api) => {
        const h = await api.call<{ number: string }>(
          "POST",
          `/api/v1/cases/${encodeURIComponent(ref)}/legal-hold`,
          { reason: o.reason },
        );
        console.log(`legal hold placed on ${h.number}`);
      });
    });
  r.command("release <case>")
    .description("release a case's legal holds")
    .action(async (ref: string) => {
      await withApi(async (api) => {
        const h = await api.call<{ number: string; released: number }>(
          "DELETE",
          `/api/v1/cases/${encodeURIComponent(ref)}/legal-hold`,
        );
        console.log(`released ${h.released} hold(s) on ${h.number}`);
      });
    });
  r.command("holds")
    .description("list active legal holds")
    .option("--json", "JSON output")
    .action(async (o: { json?: boolean }) => {
      await withApi(async (api) => {
        const h = await api.call<{
          items: { caseId: string; reason: string; placedBy: string; placedAt: string }[];
        }>("GET", "/api/v1/legal-holds");
        if (o.json) return printJson(h);
        for (const x of h.items) console.log(`${x.caseId}\t${x.placedAt}\t${x.placedBy}\t${x.reason}`);
      });
    });
}
