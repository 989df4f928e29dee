/**
 * An import in flight when the server is SIGKILLed (test/crash/harness.ts): the harness uploads a
 * CSV file's rows in small chunks through the import API (`/imports/start`, `/imports/:id/rows`,
 * `/imports/:id/finish`, `/imports/:id/link`), remembering which calls were acknowledged. After the
 * kill it checks, on the database alone, that
 *   - every acknowledged chunk's rows are stored, each exactly once (valid rows as source records,
 *     bad rows in quarantine with a reason naming the field), and nothing past the recorded offset,
 *   - the import's counts match what is stored,
 *   - a client that sends an acknowledged chunk again changes nothing,
 * then resumes the import with `resumeImport` (src/app/integration/resume-import.ts) and checks that
 * it finishes with every row of the file stored exactly once, every record linked, and the batches'
 * audit entries covering rows 1..n without a gap or an overlap.
 */
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../src/app/context.js";
import { readRows } from "../../src/app/integration/mapping.js";
import { localSink, resumeImport } from "../../src/app/integration/resume-import.js";
import type { Db } from "../../src/store/db.js";
import { MAPPING, personRows, toCsv } from "../support/person-rows.js";

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
type RawRow = Record<string, unknown>;

/** What a row of the file must become: a source record, a duplicate of an earlier row, or quarantine. */
type Expect =
  | { kind: "record"; sourceId: string }
  | { kind: "duplicate"; sourceId: string }
  | { kind: "bad"; field: string };

export interface ImportCheck {
  importId: string | undefined;
  /** Rows recorded when the server died (the import's offset). */
  offset: number;
  /** Rows in acknowledged chunks. */
  ackedRows: number;
  status: string;
}

const rowsOf = async <T>(db: Db, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export class CrashImport {
  readonly source: string;
  readonly content: string;
  private rows: RawRow[] = [];
  private expected: Expect[] = [];
  id: string | undefined;
  /** Acknowledged chunks, [from, to) in data rows, in the order sent. */
  readonly acked: { from: number; to: number; rows: RawRow[] }[] = [];
  finished = false;
  linked = false;

  /**
   * `clockFrom`: which acknowledgement starts the kill's clock (`importAck`): the first chunk (the
   * kill lands while rows load), or `finish` (it lands while the import links, or after).
   */
  constructor(
    run: number,
    tag: string,
    size = 80,
    private readonly clockFrom: "first-chunk" | "finish" = "first-chunk",
  ) {
    this.source = `crash-${tag}-${run}`;
    const rows = personRows(size, 1000 + run, `c${run}-`);
    // Bad rows (kept in quarantine with a reason) and one exact duplicate of an earlier row.
    const bad = new Map<number, string>([
      [Math.floor(size * 0.2), "birthDate"],
      [Math.floor(size * 0.55), "givenName"],
      [size - 2, "birthDate"],
    ]);
    for (const [k, field] of bad)
      if (field === "birthDate") rows[k].dob = "31/02/1990";
      else rows[k].given = "";
    const dupAt = Math.floor(size * 0.7);
    rows[dupAt] = { ...rows[3] };
    this.content = toCsv(rows);
    this.expected = rows.map((r, k) => {
      const field = bad.get(k);
      if (field) return { kind: "bad", field };
      return k === dupAt ? { kind: "duplicate", sourceId: r.rec_id } : { kind: "record", sourceId: r.rec_id };
    });
  }

  private open = () => Readable.from([Buffer.from(this.content, "utf8")]);

  private async hash(): Promise<string> {
    const { createHash } = await import("node:crypto");
    return createHash("sha256").update(this.content).digest("hex");
  }

  /** Sends the file's rows in chunks of 3-12 until it is done or the server dies. */
  async drive(call: Call, stop: { dead: boolean; importAck: () => void }): Promise<void> {
    for await (const r of readRows(this.open(), "csv")) this.rows.push(r);
    if (this.rows.length !== this.expected.length) throw new Error("the CSV did not read back row for row");
    try {
      const start = await call("POST", "/imports/start", {
        source: this.source,
        fileName: `${this.source}.csv`,
        fileHash: await this.hash(),
        format: "csv",
        mapping: MAPPING,
        totalRows: this.rows.length,
      });
      if (start.status !== 200)
        throw new Error(`import start: ${start.status} ${JSON.stringify(start.body)}`);
      this.id = start.body.id;
      let from = 0;
      while (from < this.rows.length && !stop.dead) {
        const to = Math.min(this.rows.length, from + 3 + Math.floor(Math.random() * 10));
        const chunk = this.rows.slice(from, to);
        const r = await call("POST", `/imports/${this.id}/rows`, { offset: from, rows: chunk });
        if (r.status !== 200)
          throw new Error(`import rows ${from}-${to}: ${r.status} ${JSON.stringify(r.body)}`);
        if (r.body.offset !== to)
          throw new Error(`import rows ${from}-${to}: answered offset ${r.body.offset}`);
        this.acked.push({ from, to, rows: chunk });
        if (this.clockFrom === "first-chunk") stop.importAck();
        from = to;
        // Spread the import over the kill window (0-1.5 s) so the kill usually lands inside it.
        await new Promise((res) => setTimeout(res, 20 + Math.random() * 60));
      }
      if (stop.dead) return;
      const fin = await call("POST", `/imports/${this.id}/finish`, { totalRows: this.rows.length });
      if (fin.status !== 200) throw new Error(`import finish: ${fin.status} ${JSON.stringify(fin.body)}`);
      this.finished = true;
      stop.importAck();
      const link = await call("POST", `/imports/${this.id}/link`, {});
      if (link.status !== 200) throw new Error(`import link: ${link.status} ${JSON.stringify(link.body)}`);
      this.linked = true;
    } catch (err) {
      if (stop.dead) return; // the connection died with the server: not acknowledged
      throw err;
    }
  }

  private ackedRows(): number {
    return this.acked.reduce((m, c) => Math.max(m, c.to), 0);
  }

  /** After the kill, on the database alone. */
  async verifyAfterKill(db: Db): Promise<ImportCheck> {
    if (!this.id) return { importId: undefined, offset: 0, ackedRows: 0, status: "not started" };
    const [imp] = await rowsOf<{ offset: number; status: string }>(
      db,
      sql`select "offset", status from imports where id = ${this.id}`,
    );
    if (!imp) throw new Error(`acknowledged import ${this.id} is missing`);
    const ackedRows = this.ackedRows();
    if (imp.offset < ackedRows)
      throw new Error(`import ${this.id}: offset ${imp.offset} but rows 1-${ackedRows} were acknowledged`);
    if (this.finished && imp.status === "loading")
      throw new Error(`import ${this.id}: finish was acknowledged but the import is still loading`);
    if (this.linked && imp.status !== "done")
      throw new Error(`import ${this.id}: link acknowledged, ${imp.status}`);
    await this.checkStored(db, imp.offset);
    return { importId: this.id, offset: imp.offset, ackedRows, status: imp.status };
  }

  /** Every row 1..offset stored exactly once as expected, nothing past offset, counts that match. */
  private async checkStored(db: Db, offset: number): Promise<void> {
    const id = this.id as string;
    const records = await rowsOf<{ row_number: number; source_id: string }>(
      db,
      sql`select row_number, source_id from source_records where import_id = ${id}`,
    );
    const quarantined = await rowsOf<{ row_number: number; field: string; reason: string }>(
      db,
      sql`select row_number, field, reason from import_quarantine where import_id = ${id}`,
    );
    const bySource = await rowsOf<{ source_id: string; n: number }>(
      db,
      sql`select source_id, count(*)::int as n from source_records where source = ${this.source} group by 1`,
    );
    const [counts] = await rowsOf<{ accepted: number; duplicates: number; quarantined: number }>(
      db,
      sql`select accepted, duplicates, quarantined from imports where id = ${id}`,
    );
    const recordAt = new Map<number, string[]>();
    for (const r of records) recordAt.set(r.row_number, [...(recordAt.get(r.row_number) ?? []), r.source_id]);
    const badAt = new Map<number, { field: string; reason: string }[]>();
    for (const q of quarantined) badAt.set(q.row_number, [...(badAt.get(q.row_number) ?? []), q]);
    const sourceCount = new Map(bySource.map((s) => [s.source_id, s.n]));
    const where = (k: number) => `import ${id} row ${k}`;
    for (let k = 1; k <= this.expected.length; k++) {
      const e = this.expected[k - 1];
      const stored = recordAt.get(k) ?? [];
      const bad = badAt.get(k) ?? [];
      if (k > offset) {
        if (stored.length || bad.length)
          throw new Error(`${where(k)}: stored past the recorded offset ${offset}`);
        continue;
      }
      if (e.kind === "record" && (stored.length !== 1 || stored[0] !== e.sourceId || bad.length))
        throw new Error(
          `${where(k)}: expected one record ${e.sourceId}, found ${stored.length} (+${bad.length} bad)`,
        );
      if (e.kind === "duplicate" && (stored.length || bad.length))
        throw new Error(`${where(k)}: a duplicate row was stored again`);
      if (
        e.kind === "bad" &&
        (bad.length !== 1 || bad[0].field !== e.field || !bad[0].reason.includes(e.field))
      )
        throw new Error(
          `${where(k)}: expected one quarantined row (${e.field}), found ${JSON.stringify(bad)}`,
        );
      if (e.kind !== "bad" && sourceCount.get(e.sourceId) !== 1)
        throw new Error(
          `${where(k)}: source id ${e.sourceId} stored ${sourceCount.get(e.sourceId) ?? 0} times`,
        );
    }
    const recorded = this.expected.slice(0, offset);
    const want = {
      accepted: recorded.filter((e) => e.kind === "record").length,
      duplicates: recorded.filter((e) => e.kind === "duplicate").length,
      quarantined: recorded.filter((e) => e.kind === "bad").length,
    };
    if (records.length !== want.accepted || quarantined.length !== want.quarantined)
      throw new Error(
        `import ${id}: ${records.length} records, ${quarantined.length} quarantined; want ${JSON.stringify(want)}`,
      );
    if (
      counts.accepted !== want.accepted ||
      counts.duplicates !== want.duplicates ||
      counts.quarantined !== want.quarantined
    )
      throw new Error(`import ${id}: counts ${JSON.stringify(counts)}, want ${JSON.stringify(want)}`);
  }

  /**
   * Resumes the import in this process (the server is down): first sends the last acknowledged
   * chunk again, as a client that did not know it landed would, which must change nothing; then
   * `resumeImport` from the recorded offset to the end, linking included. Returns the rows the resume recorded.
   */
  async resume(ctx: AppContext): Promise<number> {
    if (!this.id) return 0;
    const db = ctx.database.db;
    const before = await this.verifyAfterKill(db);
    const last = this.acked.at(-1);
    if (last && before.status === "loading") {
      const again = await localSink(ctx, "system").batch(this.id, last.from, last.rows);
      if (again.offset !== before.offset)
        throw new Error(`chunk sent again moved the offset to ${again.offset}`);
      await this.checkStored(db, before.offset);
    }
    const status = await resumeImport(ctx, "system", this.id, this.open);
    if (status.status !== "done" || status.offset !== this.expected.length)
      throw new Error(
        `resumed import ${this.id} ended ${status.status} at ${status.offset}/${this.expected.length}`,
      );
    await this.verifyDone(db);
    return this.expected.length - before.offset;
  }

  /** The whole file is in, each row once, all records linked, the batches' audit entries tile 1..n. */
  async verifyDone(db: Db): Promise<void> {
    const id = this.id as string;
    const [imp] = await rowsOf<{ status: string; offset: number; total_rows: number }>(
      db,
      sql`select status, "offset", total_rows from imports where id = ${id}`,
    );
    if (
      imp.status !== "done" ||
      imp.offset !== this.expected.length ||
      imp.total_rows !== this.expected.length
    )
      throw new Error(`import ${id} not finished: ${JSON.stringify(imp)}`);
    await this.checkStored(db, this.expected.length);
    const [unlinked] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from source_records where import_id = ${id} and person_id is null`,
    );
    if (unlinked.n) throw new Error(`import ${id}: ${unlinked.n} records not linked`);
    const batches = await rowsOf<{ from: number; to: number }>(
      db,
      sql`select (detail->>'from')::int as "from", (detail->>'to')::int as "to" from audit_log
           where action = 'import.batch' and entity_id = ${id} order by 1`,
    );
    let at = 0;
    for (const b of batches) {
      if (b.from !== at) throw new Error(`import ${id}: audited batches jump from row ${at} to ${b.from}`);
      at = b.to;
    }
    if (at !== this.expected.length) throw new Error(`import ${id}: audited batches end at ${at}`);
  }
}
