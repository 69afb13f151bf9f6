import { availableParallelism } from "node:os";
import { inProcessExecutor, type ReplicationExecutor } from "../experiment/index.js";
import type { Io } from "./context.js";
import { workerPool } from "./worker-pool.js";

/**
 * Worker threads when more than one is asked for and there is more than one replication; else this
 * thread. More workers than cores only slow the run down, so --workers is capped at the cores (with a warning).
 */
export function executorFor(workers: number, replications: number, io?: Io): ReplicationExecutor {
  const cores = availableParallelism();
  if (workers > cores && io !== undefined) io.err(`warning: --workers ${workers} is more than the ${cores} core${cores === 1 ? "" : "s"} here; using ${cores}`);
  const size = Math.min(workers, cores, replications);
  return size > 1 ? workerPool(size) : yielding(inProcessExecutor());
}

/**
 * The in-process executor, letting the event loop turn before each replication: a signal (Ctrl-C,
 * SIGTERM) is then handled between replications, so its handler can release locks and temporaries.
 */
function yielding(executor: ReplicationExecutor): ReplicationExecutor {
  return {
    concurrency: executor.concurrency,
    run: (task, watch) => new Promise<void>((resolve) => setImmediate(resolve)).then(() => executor.run(task, watch)),
    recycle: (result) => executor.recycle(result),
    close: () => executor.close(),
  };
}
