import { inProcessExecutor, type ReplicationExecutor } from "../experiment/index.js";
import { workerPool } from "./worker-pool.js";

/** Worker threads when more than one is asked for and there is more than one replication; else this thread. */
export function executorFor(workers: number, replications: number): ReplicationExecutor {
  const size = Math.min(workers, replications);
  return size > 1 ? workerPool(size) : inProcessExecutor();
}
