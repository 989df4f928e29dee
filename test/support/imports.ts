/** Importing through the HTTP API in tests: the same sink the CLI uses against a running server. */
import { Readable } from "node:stream";
import type { ImportSink, ImportStatus } from "../../src/app/integration/import-file.js";
import { runImport } from "../../src/app/integration/import-file.js";
import type { TestApp } from "./app.js";

export function apiSink(as: ReturnType<TestApp["as"]>): ImportSink {
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await as(method, url, body);
    if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return {
    start: (input) => call("POST", "/api/v1/imports/start", input),
    batch: (id, offset, rows) => call("POST", `/api/v1/imports/${id}/rows`, { offset, rows }),
    finish: (id, totalRows) => call("POST", `/api/v1/imports/${id}/finish`, { totalRows }),
    link: (id) => call("POST", `/api/v1/imports/${id}/link`, {}),
  };
}

export function importText(
  as: ReturnType<TestApp["as"]>,
  o: {
    source: string;
    content: string;
    mapping: unknown;
    format?: "csv" | "jsonl";
    batchSize?: number;
    thresholds?: { upper?: number; lower?: number };
  },
): Promise<ImportStatus> {
  return runImport(apiSink(as), {
    source: o.source,
    fileName: `${o.source}.${o.format ?? "csv"}`,
    format: o.format ?? "csv",
    mapping: o.mapping as never,
    open: () => Readable.from([Buffer.from(o.content)]),
    batchSize: o.batchSize ?? 50,
    thresholds: o.thresholds,
  });
}
