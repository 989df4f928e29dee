/**
 * Bulk load with PostgreSQL COPY (PostgreSQL servers only; PGlite has no COPY
 * FROM STDIN over a socket): the same row shapes as `insertBatch` in bulk.ts,
 * streamed in COPY's text format in one COPY per table. The caller owns the transaction, so
 * a batch and its audit entry land together or not at all. About 10-20 times
 * faster than multi-row INSERTs at agency scale (docs/performance.md).
 */
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { BulkBatch } from "./bulk.js";

type Cell = string | number | boolean | null | undefined | readonly string[];

/** jsonb values go as their JSON text (an array here is JSON, not a text[] literal). */
const json = (value: unknown): string => JSON.stringify(value);

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * One field in COPY's text format: NULL is \N; a backslash, tab, newline or carriage return is
 * escaped; nothing else is. Cheaper than CSV for JSON values, whose every quote CSV would double
 * (most values need no escape at all, which one regex test finds).
 */
function textField(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  const text = Array.isArray(value) ? pgArray(value as readonly string[]) : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPED[c]) : text;
}

/** A text[] literal: {"a","b"} with backslash escapes inside elements. */
function pgArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${String(s).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

const rowsText = (rows: readonly Cell[][]): string =>
  rows.map((row) => `${row.map(textField).join("\t")}\n`).join("");

/** Yields a COPY text in pieces of about 64 kB (cut at row ends): fewer, larger stream writes. */
function* pieces(text: string): Generator<string> {
  for (let at = 0; at < text.length; ) {
    const cut = text.indexOf("\n", at + 64 * 1024);
    const end = cut < 0 ? text.length : cut + 1;
    yield text.slice(at, end);
    at = end;
  }
}

async function copyText(client: pg.ClientBase, table: string, columns: readonly string[], text: string) {
  if (!text) return;
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const stream = client.query(copyFrom(`COPY ${table} (${cols}) FROM STDIN`));
  await pipeline(pieces(text), stream);
}

/** A batch as the COPY text of each table: built where the rows are generated (a worker thread). */
export interface BatchCsv {
  persons: string;
  cases: string;
  events: string;
}

const PERSON_COLUMNS = [
  "id",
  "a_number",
  "given_name",
  "family_name",
  "aliases",
  "search_names",
  "birth_date",
  "sex",
  "birth_country",
  "citizenship",
  "languages",
  "counsel_id",
  "facts",
] as const;
const CASE_COLUMNS = [
  "id",
  "number",
  "person_id",
  "kind",
  "court_code",
  "office_code",
  "stage",
  "state",
  "facility_code",
  "last_event_on",
  "event_count",
  "version",
] as const;
const EVENT_COLUMNS = ["case_id", "seq", "type", "on", "at", "body", "supersedes", "recorded_by"] as const;

export function batchCsv(b: BulkBatch): BatchCsv {
  return {
    persons: rowsText(
      b.persons.map((p) => [
        p.id,
        p.aNumber,
        p.givenName,
        p.familyName,
        json(p.aliases ?? []),
        p.searchNames,
        p.birthDate,
        p.sex,
        p.birthCountry,
        p.citizenship,
        p.languages,
        p.counselId,
        json(p.facts ?? {}),
      ]),
    ),
    cases: rowsText(
      b.cases.map((c) => [
        c.id,
        c.number,
        c.personId,
        c.kind,
        c.courtCode,
        c.officeCode,
        c.stage,
        json(c.state),
        c.facilityCode,
        c.lastEventOn,
        c.eventCount ?? 0,
        c.version ?? 0,
      ]),
    ),
    events: rowsText(
      b.events.map((e) => [e.caseId, e.seq, e.type, e.on, e.at, json(e.body), e.supersedes, e.recordedBy]),
    ),
  };
}

/** COPYs persons, then cases, then events (foreign-key order) on `client`, inside its open transaction. */
export async function copyCsv(client: pg.ClientBase, csv: BatchCsv): Promise<void> {
  await copyText(client, "persons", PERSON_COLUMNS, csv.persons);
  await copyText(client, "cases", CASE_COLUMNS, csv.cases);
  await copyText(client, "case_events", EVENT_COLUMNS, csv.events);
}

export async function copyBatch(client: pg.ClientBase, b: BulkBatch): Promise<void> {
  await copyCsv(client, batchCsv(b));
}

/** What `deferForLoad` took away, to put back after the load. */
export interface DeferredDdl {
  /** CREATE INDEX statements, largest index first. */
  indexes: { name: string; table: string; def: string }[];
  foreignKeys: { name: string; table: string; def: string }[];
}

/*
 * DDL cannot take identifiers as bind parameters, so these three statements are the only text built
 * here: every name comes from the PostgreSQL catalogue (never from input) and is quoted with
 * escapeIdentifier; a constraint's definition is the server's own pg_get_constraintdef.
 */
const quoteTable = (table: string) => pg.escapeIdentifier(table);
const dropConstraint = (fk: { table: string; name: string }) =>
  ["ALTER TABLE", quoteTable(fk.table), "DROP CONSTRAINT", pg.escapeIdentifier(fk.name)].join(" ");
const dropIndex = (ix: { name: string }) => ["DROP INDEX", pg.escapeIdentifier(ix.name)].join(" ");
const addConstraint = (fk: { table: string; name: string; def: string }) =>
  ["ALTER TABLE", quoteTable(fk.table), "ADD CONSTRAINT", pg.escapeIdentifier(fk.name), fk.def].join(" ");

/**
 * Drops the secondary indexes (those no constraint uses; the GIN trigram index on names is the
 * costliest) and the foreign keys of `tables`, so that COPY only appends to the heap and the
 * primary keys: one sorted build per index at the end beats millions of single-row insertions, and
 * one validating join per foreign key beats a trigger query per row. Primary keys and unique
 * constraints stay (foreign keys of other tables rely on them). The caller owns the database: this
 * is for an empty bench database, not a live one (the tables have no name index meanwhile).
 */
export async function deferForLoad(client: pg.ClientBase, tables: readonly string[]): Promise<DeferredDdl> {
  const { rows: indexes } = await client.query<{ name: string; table: string; def: string }>(
    `select i.indexname as name, i.tablename as table, i.indexdef as def
       from pg_indexes i join pg_class c on c.relname = i.indexname and c.relkind = 'i'
      where i.schemaname = current_schema() and i.tablename = any($1)
        and c.relnamespace = current_schema()::regnamespace
        and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
      order by (i.indexdef ilike '%using gin%') desc, pg_relation_size(c.oid) desc`,
    [tables],
  );
  const { rows: foreignKeys } = await client.query<{ name: string; table: string; def: string }>(
    `select conname as name, (select relname from pg_class r where r.oid = conrelid) as table, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1)`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(dropConstraint(fk));
  for (const ix of indexes) await client.query(dropIndex(ix));
  return { indexes, foreignKeys };
}

/**
 * Rebuilds what `deferForLoad` dropped: the indexes on the given connections in parallel (the
 * largest first, each connection taking the next), with `maintenance_work_mem` raised so each sort
 * fits in memory; then the foreign keys (validated by one join each). A duplicate the unique
 * indexes would have refused fails here, as it would have failed the load.
 */
export async function restoreAfterLoad(
  clients: readonly pg.ClientBase[],
  ddl: DeferredDdl,
  maintenanceWorkMem = "1GB",
  onStep?: (what: string, seconds: number) => void,
): Promise<void> {
  const queue = [...ddl.indexes];
  await Promise.all(
    clients.map(async (client) => {
      await client.query("select set_config('maintenance_work_mem', $1, false)", [maintenanceWorkMem]);
      await client.query("SET max_parallel_maintenance_workers = 2");
      for (let ix = queue.shift(); ix; ix = queue.shift()) {
        const t0 = performance.now();
        await client.query(ix.def);
        onStep?.(`index ${ix.name}`, (performance.now() - t0) / 1000);
      }
    }),
  );
  for (const fk of ddl.foreignKeys) {
    const t0 = performance.now();
    await clients[0].query(addConstraint(fk));
    onStep?.(`foreign key ${fk.name}`, (performance.now() - t0) / 1000);
  }
}
