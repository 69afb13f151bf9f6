import { runReplication, type ReplicationResult, type Scenario } from "../model/index.js";

/** One replication to run: plain data, so it can cross to a worker thread. */
export interface ReplicationTask {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replication: number;
}

/** Runs replication tasks somewhere: in this thread, or in a pool of workers (see src/cli). */
export interface ReplicationExecutor {
  /** How many tasks it runs at once. */
  readonly concurrency: number;
  run(task: ReplicationTask): Promise<ReplicationResult>;
  close(): Promise<void>;
}

/** An executor that runs each task in the calling thread (tests, one worker). */
export function inProcessExecutor(): ReplicationExecutor {
  return {
    concurrency: 1,
    run: (task) => Promise.resolve(runReplication(task.scenario, task.seed, task.replication)),
    close: () => Promise.resolve(),
  };
}
