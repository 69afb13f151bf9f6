import { ReplicationCancelled, runReplication, type ReplicationResult, type Scenario } from "../model/index.js";

/** One replication to run: plain data, so it can cross to a worker thread. */
export interface ReplicationTask {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replication: number;
}

/** What a caller can ask of one replication while it runs. */
export interface RunWatch {
  /** Receives a copy of the weekly output so far, now and then while the replication runs. */
  readonly onPartial?: (weeksDone: number, weekly: Float64Array) => void;
  /** Aborting stops the replication (queued or running); its promise rejects with ReplicationCancelled. */
  readonly signal?: AbortSignal;
}

/** Runs replication tasks somewhere: in this thread, or in a pool of workers (see src/cli). */
export interface ReplicationExecutor {
  /** How many tasks it runs at once. */
  readonly concurrency: number;
  run(task: ReplicationTask, watch?: RunWatch): Promise<ReplicationResult>;
  /** Takes back a result's weekly buffer once it has been folded in, so the next replication reuses it. */
  recycle(result: ReplicationResult): void;
  close(): Promise<void>;
}

/** An executor that runs each task in the calling thread (tests, one worker). */
export function inProcessExecutor(): ReplicationExecutor {
  const spare: Float64Array[] = [];
  return {
    concurrency: 1,
    run: (task, watch) => {
      if (watch?.signal?.aborted === true) return Promise.reject(new ReplicationCancelled());
      try {
        return Promise.resolve(runReplication(task.scenario, task.seed, task.replication, spare.pop(), watch && inProcessWatch(watch)));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    recycle: (result) => {
      if (spare.length < 2) spare.push(result.weekly);
    },
    close: () => Promise.resolve(),
  };
}

// In this thread nothing else runs during a replication, so partials only matter to tests;
// a quarter's weeks at a time is plenty.
const PARTIAL_EVERY_WEEKS = 13;

function inProcessWatch(watch: RunWatch): (weeksDone: number, weekly: Float64Array) => boolean {
  return (weeksDone, weekly) => {
    if (watch.onPartial !== undefined && weeksDone > 0 && weeksDone % PARTIAL_EVERY_WEEKS === 0) watch.onPartial(weeksDone, weekly.slice());
    return watch.signal?.aborted !== true;
  };
}
