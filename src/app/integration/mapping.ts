/**
 * The import mapping (docs/import.md): the linkage mapping (id column, fields -> column(s),
 * date formats) plus what immos keeps about a person (aliases, citizenship, languages, sex).
 * And the reading of a source file, CSV or JSON Lines, as raw rows, streaming.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { z } from "zod";
import { dateConverter } from "../../linkage/mapping.js";

const columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const plain = z.union([columns, z.object({ column: columns })]);
const dated = z.union([columns, z.object({ column: columns, format: z.string().min(1).optional() })]);
/** A column holding several values (citizenships, languages, aliases), split on a separator. */
const listed = z.union([columns, z.object({ column: columns, separator: z.string().min(1).optional() })]);

export const importMappingSchema = z.object({
  id: z.string().min(1),
  format: z.enum(["csv", "jsonl"]).optional(),
  fields: z.strictObject({
    givenName: plain,
    familyName: plain,
    birthDate: dated.optional(),
    aNumber: plain.optional(),
    sex: plain.optional(),
    citizenship: listed.optional(),
    languages: listed.optional(),
    aliases: listed.optional(),
    addressLine: plain.optional(),
    locality: plain.optional(),
    postalCode: plain.optional(),
  }),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportField = keyof ImportMapping["fields"];

/** A raw row: column -> value, as the file has it (JSON Lines values may be numbers or lists). */
export type RawRow = Record<string, unknown>;

export interface ResolvedMapping {
  id: string;
  /** Reads a field from a raw row: the joined columns' text (trimmed; "" = missing). */
  text(row: RawRow, field: ImportField): string;
  /** Reads a list field: a JSON array as is, else the text split on the separator (default ";"). */
  list(row: RawRow, field: ImportField): string[];
  /** The birth date as YYYYMMDD (or YYYY), "" when it does not fit the format. */
  birthDate(raw: string): string;
  dateFormat: string;
  columns: string[];
}

/** A value at a column name, or at a dotted path into a JSON object ("address.city"). */
function valueAt(row: RawRow, column: string): unknown {
  if (column in row) return row[column];
  if (!column.includes(".")) return undefined;
  let value: unknown = row;
  for (const part of column.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const asText = (v: unknown): string =>
  v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v).trim();

export function resolveMapping(mapping: ImportMapping): ResolvedMapping {
  const specOf = (field: ImportField) => {
    const spec = mapping.fields[field];
    if (spec === undefined) return undefined;
    const cols = typeof spec === "string" || Array.isArray(spec) ? spec : spec.column;
    const options = typeof spec === "object" && !Array.isArray(spec) ? spec : {};
    return { columns: Array.isArray(cols) ? cols : [cols], ...options } as {
      columns: string[];
      format?: string;
      separator?: string;
    };
  };
  const specs = new Map((Object.keys(mapping.fields) as ImportField[]).map((f) => [f, specOf(f)] as const));
  const dateFormat = specs.get("birthDate")?.format ?? "YYYY-MM-DD";
  const toDate = dateConverter(dateFormat);
  return {
    id: mapping.id,
    dateFormat,
    columns: [mapping.id, ...[...specs.values()].flatMap((s) => s?.columns ?? [])],
    text(row, field) {
      const spec = specs.get(field);
      if (!spec) return "";
      return spec.columns
        .map((c) => asText(valueAt(row, c)))
        .filter((v) => v !== "")
        .join(" ");
    },
    list(row, field) {
      const spec = specs.get(field);
      if (!spec) return [];
      const out: string[] = [];
      for (const c of spec.columns) {
        const v = valueAt(row, c);
        if (Array.isArray(v)) out.push(...v.map(asText));
        else
          out.push(
            ...asText(v)
              .split(spec.separator ?? ";")
              .map((s) => s.trim()),
          );
      }
      return out.filter((s) => s !== "");
    },
    birthDate: (raw) => toDate(raw),
  };
}

export function formatOf(fileName: string, mapping: ImportMapping): "csv" | "jsonl" {
  if (mapping.format) return mapping.format;
  return /\.(jsonl|ndjson|json)$/i.test(fileName) ? "jsonl" : "csv";
}

/**
 * The data rows of a file, in order, each with its 1-based data row number (the header is not
 * a row). A JSON Lines line that is not a JSON object is yielded as { __unparsed: line } so it
 * is quarantined, not lost.
 */
export async function* readRows(input: Readable, format: "csv" | "jsonl"): AsyncGenerator<RawRow> {
  if (format === "csv") {
    const parser = input.pipe(
      parse({
        columns: (header: string[]) => header.map((h) => h.trim()),
        skip_empty_lines: true,
        bom: true,
        relax_column_count: true,
      }),
    );
    for await (const row of parser as AsyncIterable<RawRow>) yield row;
    return;
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      row = undefined;
    }
    yield row !== null && typeof row === "object" && !Array.isArray(row)
      ? (row as RawRow)
      : { __unparsed: line };
  }
}

export const openFile = (path: string) => createReadStream(path);
