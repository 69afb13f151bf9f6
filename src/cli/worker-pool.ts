import { Worker } from "node:worker_threads";
import type { ReplicationExecutor, ReplicationTask } from "../experiment/index.js";
import type { ReplicationResult, Scenario } from "../model/index.js";
import type { WorkerMessage, WorkerReply } from "./worker-messages.js";

interface Job { readonly id: number; readonly task: ReplicationTask }

// A replication allocates fast and keeps little: left alone, V8 grows each worker's young
// generation to tens of MiB over a long run, so memory would climb with the replication count.
const YOUNG_GENERATION_MB = 48;

/** An executor backed by `size` worker threads, each running whole replications. */
export function workerPool(size: number): ReplicationExecutor {
  const url = new URL("./replication-worker.js", import.meta.url);
  const waiting = new Map<number, { resolve: (r: ReplicationResult) => void; reject: (e: Error) => void }>();
  const keys = new Map<Scenario, number>();
  const sent = new Map<Worker, Set<number>>();
  const idle: Worker[] = [], queue: Job[] = [];
  let nextId = 0, nextSpare = 0;
  let broken: Error | undefined;
  const send = (w: Worker, job: Job): void => {
    const key = keys.get(job.task.scenario) ?? keys.set(job.task.scenario, keys.size).get(job.task.scenario)!;
    const known = sent.get(w)!;
    if (!known.has(key)) {
      w.postMessage({ kind: "scenario", key, scenario: job.task.scenario } satisfies WorkerMessage);
      known.add(key);
    }
    w.postMessage({ kind: "run", id: job.id, key, seed: job.task.seed, replication: job.task.replication } satisfies WorkerMessage);
  };
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) send(idle.pop()!, queue.shift()!);
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    sent.set(w, new Set());
    w.on("message", (reply: WorkerReply) => {
      const entry = waiting.get(reply.id);
      if (entry === undefined) return;
      waiting.delete(reply.id);
      if (reply.result !== undefined) entry.resolve(reply.result);
      else entry.reject(new Error(`replication failed in a worker: ${reply.error ?? "unknown error"}`));
      idle.push(w);
      dispatch();
    });
    w.on("error", (error) => {
      // A worker that dies takes its replication with it: fail the whole run, once.
      broken = error;
      waiting.forEach((entry) => entry.reject(error));
      waiting.clear();
    });
    idle.push(w);
    return w;
  });
  return {
    concurrency: size,
    run: (task) => new Promise((resolve, reject) => {
      if (broken !== undefined) return reject(broken);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      queue.push({ id, task });
      dispatch();
    }),
    recycle: (result) => {
      const buffer = result.weekly.buffer as ArrayBuffer;
      workers[nextSpare++ % size]!.postMessage({ kind: "spare", buffer } satisfies WorkerMessage, [buffer]);
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
