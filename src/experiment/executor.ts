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
  /** Takes back a result's weekly buffer once it has been folded in, so the next replication reuses it. */
  recycle(result: ReplicationResult): void;
  close(): Promise<void>;
}

/** An executor that runs each task in the calling thread (tests, one worker). */
export function inProcessExecutor(): ReplicationExecutor {
  const spare: Float64Array[] = [];
  return {
    concurrency: 1,
    run: (task) => Promise.resolve(runReplication(task.scenario, task.seed, task.replication, spare.pop())),
    recycle: (result) => {
      if (spare.length < 2) spare.push(result.weekly);
    },
    close: () => Promise.resolve(),
  };
}
