/**
 * Worker side of the parallel compare stage (parallel.ts): rebuilds the prepared data from the
 * snapshot it is sent, computes the levels of its share of the candidate pairs and sends them
 * back (transferred, not copied).
 */
import { parentPort } from "node:worker_threads";
import { comparisonsFor } from "./comparisons.js";
import { computeLevels } from "./model.js";
import { type DataSnapshot, fromSnapshot } from "./snapshot.js";

interface Job {
  snapshot: DataSnapshot;
  comparisonNames: string[];
  a: Int32Array;
  b: Int32Array;
}

parentPort?.on("message", (job: Job) => {
  const data = fromSnapshot(job.snapshot);
  const comparisons = comparisonsFor(data);
  const names = comparisons.map((c) => c.name);
  if (names.join() !== job.comparisonNames.join())
    throw new Error(`comparisons differ in the worker: ${names.join()} vs ${job.comparisonNames.join()}`);
  const levels = computeLevels(data, comparisons, job.a, job.b, job.a.length);
  parentPort?.postMessage(levels, [levels.buffer as ArrayBuffer]);
});
