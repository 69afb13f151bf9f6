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

/**
 * Runs the planned replications on the executor, keeping it busy, and yields results in
 * replication order whatever order they finish in — so every summary is the same whatever
 * the number of workers. Aborting `signal` stops them (the generator then throws ReplicationCancelled).
 */
export async function* runReplications(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): AsyncGenerator<ReplicationResult> {
  const scenarioFor = plan.posterior === undefined ? () => scenario : posteriorScenarios(scenario, plan.posterior, plan.seed);
  // Only a caller's signal is passed on: a replication watched for nothing runs without the per-week check.
  // Two tasks a worker in flight, so none waits for its next; one that ends early starts the next at
  // once rather than when slower ones before it are taken (up to a bounded window of results held).
  const concurrency = Math.max(1, executor.concurrency);
  const runs = new OrderedRuns(plan.first ?? 0, plan.replications, { size: concurrency * 2, counts: "running", held: concurrency * 8 },
    (replication) => executor.run({ scenario: scenarioFor(replication), seed: plan.seed, replication }, signal === undefined ? undefined : { signal }));
  try {
    while (!runs.finished) yield await runs.next();
  } finally {
    runs.close();
  }
}
