import { Worker } from "node:worker_threads";
import type { ReplicationExecutor, ReplicationTask } from "../experiment/index.js";
import type { ReplicationResult } from "../model/index.js";

interface Reply { id: number; result?: ReplicationResult; error?: string }

/** An executor backed by `size` worker threads, each running whole replications. */
export function workerPool(size: number): ReplicationExecutor {
  const url = new URL("./replication-worker.js", import.meta.url);
  const waiting = new Map<number, { resolve: (r: ReplicationResult) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [], queue: { id: number; task: ReplicationTask }[] = [];
  let nextId = 0;
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) idle.pop()!.postMessage(queue.shift());
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url);
    w.on("message", (reply: Reply) => {
      const entry = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (reply.result !== undefined) entry.resolve(reply.result);
      else entry.reject(new Error(`replication failed in a worker: ${reply.error ?? "unknown error"}`));
      idle.push(w);
      dispatch();
    });
    w.on("error", (error) => waiting.forEach((entry) => entry.reject(error)));
    idle.push(w);
    return w;
  });
  return {
    concurrency: size,
    run: (task) => new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      queue.push({ id, task });
      dispatch();
    }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
