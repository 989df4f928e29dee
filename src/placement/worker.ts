/** Worker-thread entry: solves one instance and posts progress messages, then the result. */
import { parentPort, workerData } from "node:worker_threads";
import { solvePlacement } from "./solve.js";
import type { Instance, SolveOptions } from "./types.js";

export type WorkerMessage =
  | { type: "progress"; message: string }
  | { type: "result"; result: Awaited<ReturnType<typeof solvePlacement>> }
  | { type: "error"; message: string };

const { instance, options } = workerData as { instance: Instance; options: Omit<SolveOptions, "onProgress"> };
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
solvePlacement(instance, { ...options, onProgress: (message) => post({ type: "progress", message }) }).then(
  (result) => post({ type: "result", result }),
  (err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }),
);
