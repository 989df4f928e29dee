/**
 * `immos doc`: legal documents. render (to a PDF file), list, serve, and bulk
 * generation with a progress bar. In local mode a bulk job runs in this
 * process (the job loop starts with the in-process server); with a running
 * server it runs there and this command follows its progress.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { progressBar } from "../progress.js";
import { printJson, withApi } from "../transport.js";

interface DocMeta {
  id: string;
  form: string;
  lang: string;
  templateVersion: string;
  pdfSha256: string;
  pdfBytes: number;
  generatedBy: string;
  generatedAt: string;
  warnings: { code: string; message: string }[];
  services: { servedTo: string; method: string; on: string }[];
}

interface JobView {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  items: { caseNumber: string; status: string; error: { code: string; message: string } | null }[];
}

function readDetails(file: string | undefined): unknown {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new AppError(
      "invalid_input",
      `cannot read details from ${file}: ${(err as Error).message}`,
      "--details",
    );
  }
}

export function register(program: Command) {
  const d = program.command("doc").description("legal documents (render, list, serve, bulk)");

  d.command("render <form>")
    .description(
      "generate a document for a case and write its PDF (e.g. immos doc render I-862 --case HOU-2026-... --out nta.pdf)",
    )
    .requiredOption("--case <case>", "case id or number")
    .requiredOption("--out <file>", "where to write the PDF")
    .option("--lang <code>", "language of the notice parts (default: the person's first language)")
    .option(
      "--details <file.json>",
      'form details not in the history, e.g. {"nta":{"charges":[...],"hearing":{...}}}',
    )
    .option("--json", "print the metadata as JSON")
    .action(
      async (
        form: string,
        o: { case: string; out: string; lang?: string; details?: string; json?: boolean },
      ) => {
        await withApi(async (api) => {
          const body = { form: form.toUpperCase(), lang: o.lang, details: readDetails(o.details) };
          const meta = await api.call<DocMeta>(
            "POST",
            `/api/v1/cases/${encodeURIComponent(o.case)}/documents`,
            body,
          );
          if (!api.bytes) throw new Error("this connection cannot download files");
          const pdf = await api.bytes(`/api/v1/documents/${meta.id}/pdf`);
          writeFileSync(o.out, pdf);
          if (o.json) return printJson(meta);
          console.log(
            `${meta.form} ${meta.lang} ${meta.templateVersion} -> ${o.out} (${pdf.byteLength} bytes, sha256 ${meta.pdfSha256})`,
          );
          console.log(`document ${meta.id}`);
          for (const w of meta.warnings) console.log(`warning: ${w.code}: ${w.message}`);
        });
      },
    );

  d.command("list")
    .description("a case's documents, newest first")
    .requiredOption("--case <case>", "case id or number")
    .option("--json", "JSON output")
    .action(async (o: { case: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{ items: DocMeta[] }>(
          "GET",
          `/api/v1/cases/${encodeURIComponent(o.case)}/documents`,
        );
        if (o.json) return printJson(r.items);
        for (const m of r.items) {
          const served =
            m.services.map((s) => `${s.servedTo}/${s.method} ${s.on}`).join(", ") || "not served";
          console.log(
            `${m.id}  ${m.form.padEnd(18)} ${m.lang}  ${m.generatedAt.slice(0, 16)}  ${m.generatedBy.padEnd(10)} ${served}`,
          );
        }
        if (!r.items.length) console.log("no documents");
      });
    });

  d.command("serve <documentId>")
    .description(
      "record service of a document; serving an NTA appends nta.served (counsel of record must be served)",
    )
    .requiredOption("--on <date>", "date of service, YYYY-MM-DD")
    .option("--at <time>", "time of service, HH:MM")
    .requiredOption("--to <list>", "recipients as to:method, e.g. person:personal,counsel:mail")
    .option("--lang <code>", "language the document was served in")
    .option("--expected-version <n>", "the case version you read (required for an NTA)")
    .option("--acknowledge", "go ahead despite warnings")
    .action(
      async (
        id: string,
        o: {
          on: string;
          at?: string;
          to: string;
          lang?: string;
          expectedVersion?: string;
          acknowledge?: boolean;
        },
      ) => {
        const recipients = o.to.split(",").map((part) => {
          const [to, method] = part.split(":");
          return { to, method: method ?? "personal" };
        });
        await withApi(async (api) => {
          const r = await api.call("POST", `/api/v1/documents/${id}/service`, {
            on: o.on,
            at: o.at,
            lang: o.lang,
            recipients,
            expectedVersion: o.expectedVersion === undefined ? undefined : Number(o.expectedVersion),
            acknowledge: o.acknowledge,
          });
          printJson(r);
        });
      },
    );

  d.command("bulk")
    .description("generate a form for every case of an office (at a stage) or a list of cases, as a job")
    .requiredOption("--form <form>", "form, e.g. I-862")
    .option("--office <code>", "office code")
    .option("--stage <stage>", "only cases at this stage")
    .option("--cases <list>", "comma-separated case ids or numbers (instead of --office)")
    .option("--lang <code>", "language of the notice parts")
    .option("--details <file.json>", "form details applied to every case")
    .option("--json", "print the finished job as JSON")
    .action(
      async (o: {
        form: string;
        office?: string;
        stage?: string;
        cases?: string;
        lang?: string;
        details?: string;
        json?: boolean;
      }) => {
        if (!o.office && !o.cases)
          throw new AppError("invalid_input", "give --office or --cases", "--office");
        const selection = o.cases
          ? {
              caseIds: o.cases
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : { officeCode: o.office, stage: o.stage };
        await withApi(async (api) => {
          const started = performance.now();
          let job = await api.call<JobView>("POST", "/api/v1/document-jobs", {
            form: o.form.toUpperCase(),
            lang: o.lang,
            details: readDetails(o.details),
            selection,
          });
          process.stderr.write(
            `job ${job.id}: ${job.total} cases (${api.mode === "local" ? "running in this process" : "running in the server"})\n`,
          );
          const bar = progressBar(o.form.toUpperCase(), job.total);
          try {
            while (job.status !== "done") {
              await new Promise((r) => setTimeout(r, 250));
              job = await api.call<JobView>("GET", `/api/v1/document-jobs/${job.id}`);
              bar.update(job.done + job.failed);
            }
          } finally {
            bar.stop();
          }
          const seconds = (performance.now() - started) / 1000;
          if (o.json) return printJson({ ...job, seconds });
          console.log(
            `job ${job.id}: ${job.done} printed, ${job.failed} refused or failed, in ${seconds.toFixed(1)} s`,
          );
          const refusals = job.items.filter((i) => i.status !== "done");
          for (const i of refusals.slice(0, 20))
            console.log(`  ${i.caseNumber}  ${i.error?.code}: ${i.error?.message}`);
          if (refusals.length > 20) console.log(`  … and ${refusals.length - 20} more (--json for all)`);
        });
      },
    );

  d.command("job <jobId>")
    .description("a bulk job's status and results")
    .action(async (id: string) => {
      await withApi(async (api) => printJson(await api.call("GET", `/api/v1/document-jobs/${id}`)));
    });
}
