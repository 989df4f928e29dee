/**
 * The data dictionary, generated from the schema: every table and column of
 * src/store/schema*.ts from drizzle's table metadata (type, null, default,
 * keys, references), described by the descriptions map, else by the comment
 * the schema's author wrote next to the column, else (for a few conventional
 * columns) by convention. A column with none of these is listed as
 * undocumented, and a test fails on it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { type Actor, authorize } from "../access.js";
import { descriptions, exportFields } from "./field-descriptions.js";

export interface ColumnEntry {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  key: string | null;
  references: string | null;
  description: string;
  source: "map" | "schema comment" | "convention" | "missing";
}
export interface TableEntry {
  name: string;
  file: string;
  description: string;
  columns: ColumnEntry[];
}
export interface DataDictionary {
  tables: TableEntry[];
  exports: { field: string; description: string }[];
  undocumented: string[];
}

const storeDir = fileURLToPath(new URL("../../store/", import.meta.url));

export function schemaFiles(): string[] {
  return readdirSync(storeDir)
    .filter((f) => /^schema(-[a-z0-9-]+)?\.ts$/.test(f))
    .sort((a, b) => (a === "schema.ts" ? -1 : b === "schema.ts" ? 1 : a.localeCompare(b)));
}

/** Comments the schema's author wrote: the JSDoc above a table or column, or a trailing // on its lines. */
export function schemaComments(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = source.split("\n");
  let table = "";
  let pending: string[] = [];
  let inDoc = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.startsWith("/**")) {
      inDoc = true;
      pending = [];
    }
    if (inDoc) {
      const text = line.replace(/^\/\*\*|\*\/$|^\*\/?/g, "").trim();
      if (text) pending.push(text);
      if (line.endsWith("*/")) inDoc = false;
      continue;
    }
    const tableMatch =
      /pgTable\(\s*"([a-z_]+)"/.exec(line) ??
      (/pgTable\($/.test(line) ? /"([a-z_]+)"/.exec(lines[i + 1] ?? "") : null);
    if (tableMatch) {
      table = tableMatch[1];
      if (pending.length) out.set(table, pending.join(" "));
      pending = [];
      continue;
    }
    const col = /^\w+: \w+\("([a-z_0-9]+)"/.exec(line);
    if (col && table) {
      let trailing = "";
      for (let j = i; j < lines.length && j < i + 6; j++) {
        const m = /\/\/\s*(.+)$/.exec(lines[j]);
        if (m) trailing = m[1].trim();
        if (/,\s*(\/\/.*)?$/.test(lines[j].trim())) break;
      }
      const text = pending.length ? pending.join(" ") : trailing;
      if (text) out.set(`${table}.${col[1]}`, text);
    }
    if (line && !line.startsWith("//")) pending = [];
  }
  return out;
}

function byConvention(column: string, references: string | null): string | null {
  if (column === "id") return "Identifier (UUID).";
  if (column === "created_at") return "When the row was created.";
  if (column === "updated_at") return "When the row last changed.";
  if (references)
    return `The ${references.split(".")[0].replace(/_/g, " ")} row this refers to (${references}).`;
  return null;
}

function defaultText(c: { hasDefault: boolean; default?: unknown }): string | null {
  if (!c.hasDefault) return null;
  const d = c.default;
  if (d === undefined) return "generated";
  if (typeof d === "object" && d !== null && "queryChunks" in d) return "now()";
  return JSON.stringify(d);
}

export async function buildDataDictionary(): Promise<DataDictionary> {
  const tables: TableEntry[] = [];
  const undocumented: string[] = [];
  for (const file of schemaFiles()) {
    const comments = schemaComments(readFileSync(`${storeDir}${file}`, "utf8"));
    const mod = (await import(pathToFileURL(`${storeDir}${file}`).href)) as Record<string, unknown>;
    // Sorted by name: a module namespace's key order differs between loaders (tsx, vitest).
    const found = Object.values(mod).filter((v): v is PgTable => is(v, PgTable));
    found.sort((a, b) => getTableConfig(a).name.localeCompare(getTableConfig(b).name));
    for (const value of found) {
      const cfg = getTableConfig(value);
      const refs = new Map<string, string>();
      for (const fk of cfg.foreignKeys) {
        const r = fk.reference();
        for (const [i, c] of r.columns.entries())
          refs.set(c.name, `${getTableConfig(r.foreignTable).name}.${r.foreignColumns[i].name}`);
      }
      const pkCols = new Set(cfg.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
      const columns = cfg.columns.map((c): ColumnEntry => {
        const id = `${cfg.name}.${c.name}`;
        const references = refs.get(c.name) ?? null;
        const fromMap = descriptions[id];
        const fromComment = comments.get(id);
        const conventional = byConvention(c.name, references);
        const description = fromMap ?? fromComment ?? conventional ?? "";
        const source = fromMap
          ? "map"
          : fromComment
            ? "schema comment"
            : conventional
              ? "convention"
              : "missing";
        if (source === "missing") undocumented.push(id);
        return {
          name: c.name,
          type: c.getSQLType(),
          nullable: !c.notNull,
          default: defaultText(c as unknown as { hasDefault: boolean; default?: unknown }),
          key: c.primary || pkCols.has(c.name) ? "primary" : c.isUnique ? "unique" : null,
          references,
          description,
          source,
        };
      });
      const description = descriptions[cfg.name] ?? comments.get(cfg.name) ?? "";
      if (!description) undocumented.push(cfg.name);
      tables.push({ name: cfg.name, file: `src/store/${file}`, description, columns });
    }
  }
  return {
    tables,
    exports: Object.entries(exportFields).map(([field, description]) => ({ field, description })),
    undocumented,
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function dictionaryMarkdown(d: DataDictionary): string {
  const out = [
    "# Data dictionary",
    "",
    "Generated by `npx tsx scripts/gen-data-dictionary.ts` from the schema (`src/store/schema*.ts`, drizzle",
    "table metadata) and the descriptions in `src/app/analytics/field-descriptions.ts` or the schema's own",
    "comments. Do not edit by hand. Also served at `GET /api/v1/data-dictionary` and in the web app at",
    "`/data-dictionary`.",
    "",
    "Dates of facts (`on`, `due`, `birth_date` ...) are calendar dates `YYYY-MM-DD`; instants",
    "(`*_at` timestamps) are UTC.",
    "",
  ];
  if (d.undocumented.length) out.push(`**Undocumented:** ${d.undocumented.join(", ")}`, "");
  out.push("## Tables", "");
  for (const t of d.tables) out.push(`- [${t.name}](#${t.name.replace(/_/g, "_")}) — ${cell(t.description)}`);
  for (const t of d.tables) {
    out.push("", `## ${t.name}`, "", `${t.description} (\`${t.file}\`)`, "");
    out.push(
      "| Column | Type | Null | Default | Key / reference | Description |",
      "|---|---|---|---|---|---|",
    );
    for (const c of t.columns) {
      const key = [c.key, c.references ? `→ ${c.references}` : null].filter(Boolean).join(" ");
      out.push(
        `| \`${c.name}\` | ${c.type} | ${c.nullable ? "yes" : "no"} | ${c.default ?? ""} | ${key} | ${cell(c.description)} |`,
      );
    }
  }
  out.push(
    "",
    "## Export fields (CSV)",
    "",
    "Columns of `GET /api/v1/exports/cases` and of dashboard drill-down exports.",
    "",
  );
  out.push("| Field | Description |", "|---|---|");
  for (const e of d.exports) out.push(`| \`${e.field}\` | ${cell(e.description)} |`);
  return `${out.join("\n")}\n`;
}

let built: Promise<DataDictionary> | undefined;

/** The dictionary for a signed-in user (every role may read reference data). */
export async function getDataDictionary(actor: Actor | undefined) {
  authorize(actor, "reference.read");
  built ??= buildDataDictionary();
  return built;
}
