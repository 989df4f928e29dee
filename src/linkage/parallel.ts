/**
 * The compare stage on several threads. Comparing candidate pairs is the largest stage of a
 * link and its pairs are independent, so it splits evenly: this thread computes the first share
 * while worker threads compute the others from a snapshot of the prepared data. A worker is
 * started per call (a link is long; starting one costs well under a second).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Comparison } from "./comparisons.js";
import type { PreparedData } from "./dataset.js";
import { computeLevels } from "./model.js";
import { toSnapshot } from "./snapshot.js";

/** Below this many pairs a worker's start-up and the snapshot copy cost more than they save. */
const MIN_PAIRS_FOR_WORKERS = 200_000;

/** Default thread count: the machine's cores, at most 4 (beyond, the snapshot copies dominate). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The worker runs TypeScript: a small bootstrap registers tsx's loader in the worker first, as
 * bin/immos.js does for the main thread (a worker does not inherit an in-process registration).
 */
function startWorker(): Worker {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const script = new URL("./compare-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true });
}

function levelsInWorker(
  data: PreparedData,
  comparisons: readonly Comparison[],
  a: Int32Array,
  b: Int32Array,
): Promise<Int8Array> {
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    worker.once("message", (levels: Int8Array) => {
      resolve(levels);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`compare worker exited with code ${code}`));
    });
    worker.postMessage({ snapshot: toSnapshot(data), comparisonNames: comparisons.map((c) => c.name), a, b });
  });
}

/** computeLevels on `threads` threads (this one included); the same levels, in the same order. */
export async function computeLevelsParallel(
  data: PreparedData,
  comparisons: readonly Comparison[],
  a: Int32Array,
  b: Int32Array,
  count: number,
  threads = defaultThreads(),
  onProgress?: (done: number, total: number) => void,
): Promise<Int8Array> {
  if (threads <= 1 || count < MIN_PAIRS_FOR_WORKERS)
    return computeLevels(data, comparisons, a, b, count, onProgress);
  const C = comparisons.length;
  const share = Math.ceil(count / threads);
  const pending: Promise<Int8Array>[] = [];
  for (let t = 1; t < threads; t++) {
    const from = Math.min(count, t * share);
    const to = Math.min(count, from + share);
    pending.push(levelsInWorker(data, comparisons, a.slice(from, to), b.slice(from, to)));
  }
  const levels = new Int8Array(count * C);
  levels.set(computeLevels(data, comparisons, a, b, Math.min(share, count), onProgress));
  const parts = await Promise.all(pending);
  for (const [i, part] of parts.entries()) levels.set(part, (i + 1) * share * C);
  return levels;
}
