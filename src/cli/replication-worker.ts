import { parentPort } from "node:worker_threads";
import { runReplication } from "../model/index.js";
import type { ReplicationTask } from "../experiment/index.js";

/** A worker thread that runs replications sent by the pool and posts the typed arrays back. */
parentPort?.on("message", (message: { id: number; task: ReplicationTask }) => {
  try {
    const { scenario, seed, replication } = message.task;
    const result = runReplication(scenario, seed, replication);
    parentPort?.postMessage({ id: message.id, result }, [result.weekly.buffer as ArrayBuffer, result.scalars.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
