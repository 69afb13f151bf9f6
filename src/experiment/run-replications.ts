import type { ReplicationResult, Scenario } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import { posteriorScenarios, type PosteriorDraws } from "./calibration/posterior.js";

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
  const first = plan.first ?? 0, end = first + plan.replications;
  const pending = new Map<number, Promise<ReplicationResult>>();
  let next = first, running = 0;
  let failed = false;
  const scenarioFor = plan.posterior === undefined ? () => scenario : posteriorScenarios(scenario, plan.posterior, plan.seed);
  // Two tasks a worker in flight, so none waits for its next; a replication that ends early launches
  // the next at once rather than when the slower ones before it are taken (up to a window of results).
  const concurrency = Math.max(1, executor.concurrency);
  const launch = (): void => {
    while (!failed && next < end && running < concurrency * 2 && pending.size < concurrency * 8) {
      const run = executor.run({ scenario: scenarioFor(next), seed: plan.seed, replication: next }, signal === undefined ? undefined : { signal });
      running++;
      // Awaited in order below; until then a failure must not surface as an unhandled rejection.
      run.then(() => {
        running--;
        launch();
      }, () => {
        running--;
        failed = true;
      });
      pending.set(next, run);
      next++;
    }
  };
  for (let r = first; r < end; r++) {
    launch();
    const result = await pending.get(r)!;
    pending.delete(r);
    yield result;
  }
}
