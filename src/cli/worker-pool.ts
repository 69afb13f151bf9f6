import { Worker } from "node:worker_threads";
import type { ReplicationExecutor, ReplicationTask, RunWatch } from "../experiment/index.js";
import { ReplicationCancelled, type ReplicationResult, type Scenario } from "../model/index.js";
import { SCENARIOS_KEPT, type WorkerMessage, type WorkerReply, type WorkerSetup } from "./worker-messages.js";

interface Job {
  readonly id: number;
  readonly task: ReplicationTask;
  readonly watch: RunWatch | undefined;
  readonly resolve: (r: ReplicationResult) => void;
  readonly reject: (e: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Raised (set to 1) to stop the replication this worker is running. */
  readonly cancel: Int32Array;
  readonly sentScenarios: Set<number>;
  job: Job | undefined;
}

// A replication allocates fast and keeps little: left alone, V8 grows each worker's young
// generation to tens of MiB over a long run, so memory would climb with the replication count.
const YOUNG_GENERATION_MB = 48;

/** A pool of worker threads: an executor, and word of when its workers have warmed up. */
export interface WorkerPool extends ReplicationExecutor {
  /** Settles when every worker has run its warm-up (at once without `warmUp`). */
  readonly warm: Promise<void>;
}

/**
 * An executor backed by `size` worker threads, each running whole replications, taken from one
 * queue as each worker comes free (so the workers finish within a replication of each other). A
 * watched task gets partial weeks while it runs and can be cancelled, queued or running. With
 * `warmUp`, each worker first runs a tiny built-in scenario, so a pool started ahead of its work
 * (the TUI's) runs its first replication at full speed.
 */
export function workerPool(size: number, options: { readonly warmUp?: boolean } = {}): WorkerPool {
  const warmUp = options.warmUp === true;
  const url = new URL("./replication-worker.js", import.meta.url);
  // Weak: a long TUI session makes a scenario object per edit, and none should outlive its runs.
  const keys = new WeakMap<Scenario, number>();
  const jobsOf = new WeakMap<AbortSignal, Set<Job>>();
  let nextKey = 0;
  const idle: PoolWorker[] = [], queue: Job[] = [];
  let nextId = 0, nextSpare = 0;
  let broken: Error | undefined;
  const send = (w: PoolWorker, job: Job): void => {
    const key = keys.get(job.task.scenario) ?? keys.set(job.task.scenario, nextKey++).get(job.task.scenario)!;
    if (!w.sentScenarios.has(key)) {
      w.worker.postMessage({ kind: "scenario", key, scenario: job.task.scenario } satisfies WorkerMessage);
      w.sentScenarios.add(key);
      // The worker keeps the same most recent scenarios, dropping the oldest in the same order.
      if (w.sentScenarios.size > SCENARIOS_KEPT) w.sentScenarios.delete(w.sentScenarios.values().next().value!);
    }
    w.job = job;
    Atomics.store(w.cancel, 0, 0);
    const { seed, replication } = job.task;
    w.worker.postMessage({ kind: "run", id: job.id, key, seed, replication, partials: job.watch?.onPartial !== undefined } satisfies WorkerMessage);
  };
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) send(idle.pop()!, queue.shift()!);
  };
  const warmed: Promise<void>[] = [];
  const workers = Array.from({ length: size }, (): PoolWorker => {
    const cancel = new SharedArrayBuffer(4);
    const worker = new Worker(url, { workerData: { cancel, warmUp } satisfies WorkerSetup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const w: PoolWorker = { worker, cancel: new Int32Array(cancel), sentScenarios: new Set(), job: undefined };
    if (warmUp) warmed.push(new Promise((resolve) => worker.once("message", () => resolve())));
    worker.on("message", (reply: WorkerReply) => {
      if (reply.warm === true) return;
      const job = w.job;
      if (job === undefined || job.id !== reply.id) return;
      if (reply.partial !== undefined) {
        job.watch?.onPartial?.(reply.partial.weeks, reply.partial.weekly);
        return;
      }
      w.job = undefined;
      if (reply.result !== undefined) job.resolve(reply.result);
      else if (reply.cancelled === true) job.reject(new ReplicationCancelled());
      else job.reject(new Error(`replication failed in a worker: ${reply.error ?? "unknown error"}`));
      idle.push(w);
      dispatch();
    });
    worker.on("error", (error) => {
      // A worker that dies takes its replication with it: fail every run from now on.
      broken = error;
      for (const other of workers) other.job?.reject(error);
      queue.splice(0).forEach((job) => job.reject(error));
    });
    idle.push(w);
    return w;
  });
  const cancelJob = (job: Job): void => {
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      job.reject(new ReplicationCancelled());
      return;
    }
    const running = workers.find((w) => w.job === job);
    if (running !== undefined) Atomics.store(running.cancel, 0, 1);
  };
  return {
    concurrency: size,
    // A worker that fails to start settles it too (its error reaches every run instead).
    warm: Promise.all(warmed.map((p, i) => Promise.race([p, new Promise<void>((resolve) => workers[i]!.worker.once("error", () => resolve()))]))).then(() => undefined),
    run: (task, watch) => new Promise((resolve, reject) => {
      if (broken !== undefined) return reject(broken);
      if (watch?.signal?.aborted === true) return reject(new ReplicationCancelled());
      const signal = watch?.signal;
      // One listener per signal, however many of its jobs are live: a run's replications share
      // a signal, and Node warns (over the TUI's screen) past ten listeners on one target.
      const settle = (): void => void (signal !== undefined && jobsOf.get(signal)?.delete(job));
      const job: Job = { id: nextId++, task, watch, resolve: (r) => (settle(), resolve(r)), reject: (e) => (settle(), reject(e)) };
      if (signal !== undefined) {
        const jobs = jobsOf.get(signal) ?? new Set<Job>();
        if (!jobsOf.has(signal)) {
          jobsOf.set(signal, jobs);
          signal.addEventListener("abort", () => [...jobs].forEach(cancelJob), { once: true });
        }
        jobs.add(job);
      }
      queue.push(job);
      dispatch();
    }),
    recycle: (result) => {
      const buffer = result.weekly.buffer as ArrayBuffer;
      workers[nextSpare++ % size]!.worker.postMessage({ kind: "spare", buffer } satisfies WorkerMessage, [buffer]);
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
