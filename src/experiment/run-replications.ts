import type { ReplicationResult, Scenario } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import { posteriorScenarios, type PosteriorDraws } from "./calibration/posterior.js";
import { OrderedRuns } from "./ordered-runs.js";

/** The plan of a run: which replications, with which seed (data only). */
export interface RunPlan {
  readonly replications: number;
  readonly seed: number;
  /** First replication index (for shards); default 0. */
  readonly first?: number;
  /** Draw each replication's uncertain parameters from this posterior (see calibration/posterior.ts); absent: the scenario's own values. */
  readonly posterior?: PosteriorDraws;
}

/** One result of a batch: which of the scenarios it belongs to, and the result. */
export interface BatchResult {
  readonly scenario: number;
  readonly result: ReplicationResult;
}

/**
 * Runs the planned replications of each scenario in turn as one stream of tasks, so no worker idles
 * between one scenario's last replication and the next one's first, and yields results in order
 * (scenario by scenario, replication by replication) whatever order they finish in — so every
 * summary is the same whatever the number of workers. Aborting `signal` stops them (the generator
 * then throws ReplicationCancelled).
 */
export async function* runBatch(scenarios: readonly Scenario[], plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): AsyncGenerator<BatchResult> {
  const makers = scenarios.map((s) => (plan.posterior === undefined ? () => s : posteriorScenarios(s, plan.posterior, plan.seed)));
  const n = plan.replications, first = plan.first ?? 0;
  // Only a caller's signal is passed on: a replication watched for nothing runs without the per-week check.
  // Two tasks a worker in flight, so none waits for its next; one that ends early starts the next at
  // once rather than when slower ones before it are taken (up to a bounded window of results held).
  const concurrency = Math.max(1, executor.concurrency);
  const runs = new OrderedRuns(0, scenarios.length * n, { size: concurrency * 2, counts: "running", held: concurrency * 8 }, (k) => {
    const replication = first + (k % n);
    return executor.run({ scenario: makers[Math.floor(k / n)]!(replication), seed: plan.seed, replication }, signal === undefined ? undefined : { signal });
  });
  try {
    for (let k = 0; !runs.finished; k++) yield { scenario: Math.floor(k / n), result: await runs.next() };
  } finally {
    runs.close();
  }
}

/** Runs the planned replications of one scenario on the executor (see runBatch), yielding results in replication order. */
export async function* runReplications(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): AsyncGenerator<ReplicationResult> {
  for await (const { result } of runBatch([scenario], plan, executor, signal)) yield result;
}
