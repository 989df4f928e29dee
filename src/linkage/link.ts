/**
 * The linkage pipeline: prepare -> block -> compare -> train -> score -> cluster.
 * Pure: records in, clusters and scored pairs out; no I/O.
 */
import { blockingRulesFor, type CandidatePairs, candidatePairs } from "./blocking.js";
import { clusterPairs, type Edge } from "./cluster.js";
import { comparisonsFor } from "./comparisons.js";
import { type PreparedData, prepare } from "./dataset.js";
import { computeLevels, type LinkageModel, train } from "./model.js";
import { computeLevelsParallel, defaultThreads } from "./parallel.js";
import { probability, weightForProbability, weightOf, weightOfLevels } from "./score.js";
import type { PersonRecord, ProgressReporter } from "./types.js";

export interface LinkOptions {
  /**
   * Match probability a pair needs to be linked. Default 0.5: with the prior from the data, a
   * pair is then more likely a match than not (the Bayes decision rule for equal error costs).
   */
  threshold?: number;
  clustering?: "average" | "connected";
  maxBlock?: number;
  randomPairs?: number;
  onProgress?: ProgressReporter;
  /** Threads for the compare stage (linkRecordsParallel only); default: the machine's cores, at most 4. */
  threads?: number;
}

export interface LinkResult {
  data: PreparedData;
  model: LinkageModel;
  candidates: Pick<CandidatePairs, "a" | "b" | "count" | "perRule">;
  /** Level of every comparison for every candidate pair: levels[p * C + c] (C = model.comparisons.length). */
  levels: Int8Array;
  threshold: number;
  /** Pairs at or above the threshold. */
  links: Edge[];
  /** Cluster number (1-based) per record, in input order. */
  clusterOf: Int32Array;
  timings: Record<string, number>;
}

export function linkRecords(records: readonly PersonRecord[], options: LinkOptions = {}): LinkResult {
  const run = startLink(records, options);
  const { data, comparisons, candidates } = run;
  const levels = computeLevels(data, comparisons, candidates.a, candidates.b, candidates.count, (d, n) =>
    run.progress("compare", d, n),
  );
  return finishLink(run, levels);
}

/** linkRecords with the compare stage (the largest) split over worker threads; the same result. */
export async function linkRecordsParallel(
  records: readonly PersonRecord[],
  options: LinkOptions = {},
): Promise<LinkResult> {
  const run = startLink(records, options);
  const { data, comparisons, candidates } = run;
  const levels = await computeLevelsParallel(
    data,
    comparisons,
    candidates.a,
    candidates.b,
    candidates.count,
    options.threads ?? defaultThreads(),
    (d, n) => run.progress("compare", d, n),
  );
  return finishLink(run, levels);
}

function startLink(records: readonly PersonRecord[], options: LinkOptions) {
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  progress("prepare", 0, 1);
  const data = prepare(records);
  const comparisons = comparisonsFor(data);
  lap("prepare");

  const candidates = candidatePairs(data, blockingRulesFor(data), options.maxBlock ?? 32, (d, n) =>
    progress("block", d, n),
  );
  lap("block");
  return { options, progress, timings, lap, data, comparisons, candidates };
}

function finishLink(run: ReturnType<typeof startLink>, levels: Int8Array): LinkResult {
  const { options, progress, timings, lap, data, comparisons, candidates } = run;
  const threshold = options.threshold ?? 0.5;
  progress("compare", candidates.count, candidates.count);
  lap("compare");

  progress("train", 0, 1);
  const model = train(data, comparisons, candidates, levels, options.randomPairs);
  lap("train");

  const C = comparisons.length;
  const minWeight = weightForProbability(threshold);
  const links: Edge[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const weight = weightOfLevels(model, data, candidates.a[p], levels, p * C);
    if (weight >= minWeight) links.push({ a: candidates.a[p], b: candidates.b[p], weight });
  }
  lap("score");

  progress("cluster", 0, 1);
  const clusterOf = clusterPairs(data.n, links, (a, b) => probability(weightOf(model, data, a, b)), {
    threshold,
    method: options.clustering ?? "average",
  });
  progress("cluster", 1, 1);
  lap("cluster");

  return {
    data,
    model,
    candidates: { a: candidates.a, b: candidates.b, count: candidates.count, perRule: candidates.perRule },
    levels,
    threshold,
    links,
    clusterOf,
    timings,
  };
}
