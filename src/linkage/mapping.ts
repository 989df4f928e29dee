/**
 * The column mapping of a source file and the reading of CSV files into person records.
 * A mapping names the id column and maps fields to a column, a list of columns (joined with
 * spaces), or { column(s), format } for birth dates.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { z } from "zod";
import { PERSON_FIELDS, type PersonField, type PersonRecord } from "./types.js";

const columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const fieldSpec = z.union([columns, z.object({ column: columns, format: z.string().min(1).optional() })]);

export const mappingSchema = z.object({
  id: z.string().min(1),
  fields: z.partialRecord(z.enum(PERSON_FIELDS), fieldSpec),
});

export type Mapping = z.infer<typeof mappingSchema>;

interface ResolvedField {
  field: PersonField;
  columns: string[];
  convert: (value: string) => string;
}

/**
 * Turns a date pattern made of YYYY, MM, DD and separators into a converter to YYYYMMDD.
 * A value that does not fit the pattern becomes missing rather than a wrong date.
 */
export function dateConverter(format: string): (value: string) => string {
  const order: string[] = [];
  const source = format.replace(/YYYY|MM|DD|[.*+?^${}()|[\]\\]/g, (token) => {
    if (token === "YYYY") {
      order.push("Y");
      return "(\\d{4})";
    }
    if (token === "MM" || token === "DD") {
      order.push(token[0]);
      return "(\\d{1,2})";
    }
    return `\\${token}`;
  });
  if (!["Y", "M", "D"].every((t) => order.includes(t)))
    throw new Error(`date format ${format} needs YYYY, MM and DD`);
  const pattern = new RegExp(`^${source}$`);
  return (value) => {
    const m = pattern.exec(value);
    if (!m) return /^\d{4}$/.test(value) ? value : "";
    const part = (t: string) => m[order.indexOf(t) + 1];
    return `${part("Y")}${part("M").padStart(2, "0")}${part("D").padStart(2, "0")}`;
  };
}

function resolve(mapping: Mapping): ResolvedField[] {
  const out: ResolvedField[] = [];
  for (const field of PERSON_FIELDS) {
    const spec = mapping.fields[field];
    if (spec === undefined) continue;
    const cols = typeof spec === "string" || Array.isArray(spec) ? spec : spec.column;
    const format = typeof spec === "object" && !Array.isArray(spec) ? spec.format : undefined;
    const convert = field === "birthDate" ? dateConverter(format ?? "YYYYMMDD") : (v: string) => v;
    out.push({ field, columns: Array.isArray(cols) ? cols : [cols], convert });
  }
  return out;
}

/** Builds a record from one CSV row (an object keyed by header). Values trimmed; empty = missing. */
export function toRecord(
  row: Record<string, string>,
  fields: ResolvedField[],
  idColumn: string,
  source: string,
) {
  const record: PersonRecord = { id: (row[idColumn] ?? "").trim(), source, fields: {} };
  for (const { field, columns, convert } of fields) {
    const joined = columns
      .map((c) => (row[c] ?? "").trim())
      .filter((v) => v !== "")
      .join(" ");
    const value = joined === "" ? "" : convert(joined);
    if (value !== "") record.fields[field] = value;
  }
  return record;
}

/** Reads a CSV file with a header row into person records, streaming (files may be large). */
export async function readRecords(path: string, mapping: Mapping, onRow?: (rows: number) => void) {
  const fields = resolve(mapping);
  const parser = createReadStream(path).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
      trim: true,
      skip_empty_lines: true,
      bom: true,
    }),
  );
  const records: PersonRecord[] = [];
  let first = true;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (first) {
      const missing = [mapping.id, ...fields.flatMap((f) => f.columns)].filter((c) => !(c in row));
      if (missing.length > 0) throw new Error(`${path}: no column ${missing.join(", ")}`);
      first = false;
    }
    const record = toRecord(row, fields, mapping.id, path);
    if (record.id === "") throw new Error(`${path}: row ${records.length + 2} has no ${mapping.id}`);
    records.push(record);
    if (onRow && records.length % 10_000 === 0) onRow(records.length);
  }
  return records;
}
