/**
 * `immos movement`: removal logistics through the API.
 *   immos movement create --kind flight --country SV --on 2026-12-01 --at 10:00 --facility HOU-1 --seats 120
 *   immos movement list [--status open]
 *   immos movement add <movement> <case> [--alternate] [--acknowledge]
 *   immos movement lock <movement>
 *   immos movement board <movement> --completed 2026-12-01T09:40
 *   immos movement show <movement>
 *   immos movement strike <movement> <case> --reason "..."
 *   immos movement depart <movement> <case> --on 2026-12-01 [--at 14:05]     (I-296 verification)
 */
import type { Command } from "commander";
import { type Api, printJson, withApi } from "../transport.js";

interface Entry {
  caseNumber: string;
  familyName: string;
  givenName: string;
  role: string;
  status: string;
  lastGate: string;
  lastOutcome: string;
  struckReason: { message?: string } | null;
}
interface Movement {
  id: string;
  number: string;
  kind: string;
  country: string;
  departOn: string;
  departAt: string;
  tz: string;
  seats: number;
  status: string;
  stagingFacilityCode: string;
}
interface GateResult {
  gate: string;
  checked: number;
  kept: number;
  struck: { caseId: string; message: string }[];
}

const path = (ref: string, rest = "") => `/api/v1/movements/${encodeURIComponent(ref)}${rest}`;

function printGate(g: GateResult) {
  console.log(`${g.gate} gate: ${g.checked} checked, ${g.kept} allowed, ${g.struck.length} struck`);
  for (const s of g.struck) console.log(`  STRUCK ${s.message}`);
}

async function show(api: Api, ref: string, json?: boolean) {
  const v = await api.call<{
    movement: Movement;
    entries: Entry[];
    alerts: { message: string; acknowledgedAt: string | null }[];
  }>("GET", path(ref));
  if (json) return printJson(v);
  const m = v.movement;
  console.log(
    `${m.number} ${m.kind} to ${m.country} ${m.departOn} ${m.departAt} (${m.tz}) from ${m.stagingFacilityCode}; ${m.seats} seats; ${m.status}`,
  );
  for (const e of v.entries) {
    const why = e.status === "struck" && e.struckReason?.message ? ` — ${e.struckReason.message}` : "";
    console.log(
      `  ${e.caseNumber.padEnd(16)} ${`${e.familyName}, ${e.givenName}`.padEnd(28)} ${e.role.padEnd(9)} ${e.status.padEnd(11)} ${e.lastGate}: ${e.lastOutcome}${why}`,
    );
  }
  const open = v.alerts.filter((a) => !a.acknowledgedAt);
  if (open.length) console.log(`${open.length} open alert(s) for the officer in charge`);
}

export function register(program: Command) {
  const mv = program.command("movement").description("removal movements, manifests and the final gate");

  mv.command("create")
    .description("create a flight or ground movement")
    .requiredOption("--country <code>", "destination, ISO 3166-1 alpha-2")
    .requiredOption("--on <date>", "departure date YYYY-MM-DD")
    .requiredOption("--at <time>", "departure time HH:MM")
    .requiredOption("--facility <code>", "staging facility")
    .requiredOption("--seats <n>", "seats")
    .option("--kind <kind>", "flight or ground", "flight")
    .option("--tz <zone>", "IANA time zone of the departure time (default: the facility's office)")
    .option("--label <text>", "carrier and flight number, or route")
    .option("--officer <user>", "officer in charge (default: you)")
    .option("--json", "JSON output")
    .action(
      async (o: {
        country: string;
        on: string;
        at: string;
        facility: string;
        seats: string;
        kind: string;
        tz?: string;
        label?: string;
        officer?: string;
        json?: boolean;
      }) => {
        await withApi(async (api) => {
          const m = await api.call<Movement>("POST", "/api/v1/movements", {
            kind: o.kind,
            country: o.country,
            departOn: o.on,
            departAt: o.at,
            stagingFacilityCode: o.facility,
            seats: Number(o.seats),
            ...(o.tz ? { tz: o.tz } : {}),
            ...(o.label ? { label: o.label } : {}),
            ...(o.officer ? { officerInCharge: o.officer } : {}),
          });
          if (o.json) return printJson(m);
          console.log(`created ${m.number} (${m.id})`);
        });
      },
    );

  mv.command("list")
    .description("movements of your offices")
    .option("--status <status>", "open, locked, boarded, departed")
    .option("--json", "JSON output")
    .action(async (o: { status?: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ items: (Movement & { onManifest: number; struck: number })[] }>(
          "GET",
          `/api/v1/movements${o.status ? `?status=${encodeURIComponent(o.status)}` : ""}`,
        );
        if (o.json) return printJson(r.items);
        for (const m of r.items)
          console.log(
            `${m.number.padEnd(24)} ${m.kind.padEnd(6)} ${m.country} ${m.departOn} ${m.departAt} ${m.status.padEnd(9)} ${m.onManifest}/${m.seats} on, ${m.struck} struck`,
          );
      });
    });

  mv.command("show <movement>")
    .description("the manifest with each person's verdict and reasons")
    .option("--json", "JSON output")
    .action(async (ref: string, o: { json?: boolean }) => withApi((api) => show(api, ref, o.json)));

  mv.command("add <movement> <case>")
    .description("add a person (the law engine decides: manifest.add)")
    .option("--alternate", "as an alternate")
    .option("--acknowledge", "acknowledge WARN findings")
    .option("--json", "JSON output")
    .action(
      async (
        ref: string,
        caseRef: string,
        o: { alternate?: boolean; acknowledge?: boolean; json?: boolean },
      ) => {
        await withApi(async (api) => {
          const r = await api.call<{
            verdict: { outcome: string; findings: { rule: string; outcome: string }[] };
          }>("POST", path(ref, "/manifest"), {
            caseId: caseRef,
            role: o.alternate ? "alternate" : "primary",
            acknowledge: o.acknowledge,
          });
          if (o.json) return printJson(r);
          console.log(`added ${caseRef} to ${ref}: ${r.verdict.outcome}`);
        });
      },
    );

  mv.command("lock <movement>")
    .description("lock the manifest; the final gate re-checks everyone")
    .option("--json", "JSON output")
    .action(async (ref: string, o: { json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ gate: GateResult }>("POST", path(ref, "/lock"));
        if (o.json) return printJson(r);
        printGate(r.gate);
      });
    });

  mv.command("board <movement>")
    .description("record boarding completed; the final gate (flight.depart) re-checks everyone")
    .requiredOption("--completed <datetime>", "boarding completed, YYYY-MM-DDTHH:MM in the movement's zone")
    .option("--json", "JSON output")
    .action(async (ref: string, o: { completed: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ gate: GateResult; boarded: string[]; leftBehind: string[] }>(
          "POST",
          path(ref, "/board"),
          { boardingCompletedAt: o.completed },
        );
        if (o.json) return printJson(r);
        printGate(r.gate);
        console.log(`${r.boarded.length} boarded, ${r.leftBehind.length} alternate(s) left behind`);
      });
    });

  mv.command("strike <movement> <case>")
    .description("strike a person by hand, with a reason")
    .requiredOption("--reason <text>", "why")
    .action(async (ref: string, caseRef: string, o: { reason: string }) => {
      await withApi(async (api) => {
        const r = await api.call<{ message: string }>("POST", path(ref, "/strike"), {
          caseId: caseRef,
          reason: o.reason,
        });
        console.log(r.message);
      });
    });

  mv.command("depart <movement> <case>")
    .description("departure verification (I-296): records the removal and closes the case")
    .requiredOption("--on <date>", "date YYYY-MM-DD")
    .option("--at <time>", "time HH:MM")
    .option("--json", "JSON output")
    .action(async (ref: string, caseRef: string, o: { on: string; at?: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ caseNumber: string; recorded: number[]; movementStatus: string }>(
          "POST",
          path(ref, "/departures"),
          { caseId: caseRef, on: o.on, ...(o.at ? { at: o.at } : {}) },
        );
        if (o.json) return printJson(r);
        console.log(
          `departure of ${r.caseNumber} verified (events ${r.recorded.join(", ")}); movement ${r.movementStatus}`,
        );
      });
    });
}
