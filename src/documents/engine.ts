/**
 * The Typst compiler, kept warm: created once per process with the immos
 * fonts, it keeps parsed templates and fonts in memory, so a two-page
 * document costs milliseconds. Output is PDF/A-2u; the creation date is the
 * document's issue date, set by the template, so the bytes depend only on
 * (template version, data, fonts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { NodeCompiler as NodeCompilerType } from "@myriaddreamin/typst-ts-node-compiler";
import { fontSet } from "./fonts.js";

const require = createRequire(import.meta.url);
// The package is CommonJS with a native addon; require keeps its loading simple under ESM.
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler") as {
  NodeCompiler: typeof NodeCompilerType;
};

export const templatesDir = fileURLToPath(new URL("./templates/", import.meta.url));
export const pdfStandard = "a-2u";

let compiler: NodeCompilerType | undefined;
let compiles = 0;
const EVICT_EVERY = 25;
const EVICT_MAX_AGE = 2;

/** The file a template reads its data from; a shadow (in-memory) file, replaced on every render. */
const dataPath = `${templatesDir}data.json`;

function warmCompiler(): NodeCompilerType {
  if (compiler) return compiler;
  const c = NodeCompiler.create({ workspace: templatesDir, fontArgs: [{ fontBlobs: fontSet().blobs }] });
  // Templates live in memory: Typst then sees only the data change between documents and reuses
  // everything else (parsed templates, styles, unchanged layout), which is most of its work.
  for (const file of readdirSync(templatesDir)) {
    if (file.endsWith(".typ")) c.mapShadow(templatesDir + file, readFileSync(templatesDir + file));
  }
  compiler = c;
  return c;
}

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly diagnostics: unknown[],
  ) {
    super(`template ${template} failed: ${JSON.stringify(diagnostics)}`);
    this.name = "TemplateError";
  }
}

/** Compiles `templates/<file>` with `data` as its input; returns the PDF bytes. */
export function compileTemplate(file: string, version: string, data: unknown): Uint8Array {
  const c = warmCompiler();
  c.mapShadow(dataPath, Buffer.from(JSON.stringify(data), "utf8"));
  const result = c.compile({ mainFilePath: templatesDir + file, inputs: { version } });
  const error = result.takeError();
  const doc = result.result;
  if (error || !doc) throw new TemplateError(file, error ? c.fetchDiagnostics(error) : ["no document"]);
  const pdf = c.pdf(doc, { pdfStandard });
  // Memoised layouts of earlier documents are of no further use. Typst ages every cached result at each
  // eviction and drops those not used for `maxAge` evictions, so this keeps about the last 50 documents'
  // layouts (about 1 MiB each) while the templates and fonts, used by every document, stay cached.
  // (Every 200 with age 10 kept 2,000 documents' worth: memory grew by 1 MiB a document up to 2 GB.)
  if (++compiles % EVICT_EVERY === 0) c.evictCache(EVICT_MAX_AGE);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
