/**
 * A generator thread of the COPY load (bench/load-persons.ts): asked for cases [from, to), it
 * generates them (`generateCases` is deterministic per case index), builds their rows
 * (`rowsFor`: person, case with its projection, events) and answers with the CSV text of each
 * table, so the main thread only streams text to PostgreSQL.
 *
 * A-numbers are the one thing generators share: each thread only draws numbers in its own
 * partition (the number modulo the thread count), and remembers the ones it gave, so no two
 * threads can give the same one.
 */
import { parentPort, workerData } from "node:worker_threads";
import { rowsFor } from "../src/app/seed-rows.js";
import { generateCases, referenceData } from "../src/seed/index.js";
import type { BulkBatch } from "../src/store/repositories/bulk.js";
import { batchCsv } from "../src/store/repositories/copy-load.js";

export interface WorkerSetup {
  seed: number;
  today: string;
  worker: number;
  workers: number;
}

export interface BatchRequest {
  from: number;
  to: number;
}

export interface BatchAnswer extends BatchRequest {
  persons: number;
  cases: number;
  events: number;
  csv: ReturnType<typeof batchCsv>;
}

/** A-numbers taken by this thread; every number outside its partition counts as taken. */
class PartitionANumbers extends Set<string> {
  constructor(
    private readonly worker: number,
    private readonly workers: number,
  ) {
    super();
  }
  override has(aNumber: string): boolean {
    return Number(aNumber.slice(1)) % this.workers !== this.worker || super.has(aNumber);
  }
}

const setup = workerData as WorkerSetup;
const ref = referenceData();
const aNumbers = new PartitionANumbers(setup.worker, setup.workers);

parentPort?.on("message", ({ from, to }: BatchRequest) => {
  const batch: BulkBatch = { persons: [], cases: [], events: [] };
  for (const c of generateCases(to, setup.seed, setup.today, ref, { from, aNumbers }))
    rowsFor(c, setup.today.slice(0, 4), batch);
  const answer: BatchAnswer = {
    from,
    to,
    persons: batch.persons.length,
    cases: batch.cases.length,
    events: batch.events.length,
    csv: batchCsv(batch),
  };
  parentPort?.postMessage(answer);
});
