/**
 * Runs solvePlacement in a worker thread so a server's event loop stays free
 * while HiGHS (synchronous WebAssembly) works. From TypeScript sources (tsx,
 * vitest) the worker registers tsx's loader itself before importing worker.ts.
 */
import { Worker } from "node:worker_threads";
import type { Instance, PlacementResult, SolveOptions } from "./types.js";
import type { WorkerMessage } from "./worker.js";

function startWorker(workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const workerUrl = new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url);
  if (!fromSource) return new Worker(workerUrl, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function solveInWorker(instance: Instance, options: SolveOptions = {}): Promise<PlacementResult> {
  const { onProgress, ...rest } = options;
  const worker = startWorker({ instance, options: rest });
  return new Promise<PlacementResult>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress?.(m.message);
      else if (m.type === "result") finish(() => resolve(m.result));
      else finish(() => reject(new Error(m.message)));
    });
    worker.on("error", (err) => finish(() => reject(err)));
    worker.on("exit", (code) => finish(() => reject(new Error(`placement worker exited with code ${code}`))));
  });
}
