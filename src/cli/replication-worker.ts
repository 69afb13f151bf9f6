import { parentPort } from "node:worker_threads";
import { runReplication, type Scenario } from "../model/index.js";
import type { WorkerMessage } from "./worker-messages.js";

// Scenarios arrive once each (tasks name them by key); weekly buffers come back for reuse,
// so a long run allocates no new output arrays.
const scenarios = new Map<number, Scenario>();
const spare: Float64Array[] = [];

/** A worker thread that runs replications sent by the pool and posts the typed arrays back. */
parentPort?.on("message", (message: WorkerMessage) => {
  if (message.kind === "scenario") {
    scenarios.set(message.key, message.scenario);
    return;
  }
  if (message.kind === "spare") {
    if (spare.length < 2) spare.push(new Float64Array(message.buffer));
    return;
  }
  try {
    const scenario = scenarios.get(message.key);
    if (scenario === undefined) throw new Error(`scenario ${message.key} was never sent to this worker`);
    const result = runReplication(scenario, message.seed, message.replication, spare.pop());
    parentPort?.postMessage({ id: message.id, result }, [result.weekly.buffer as ArrayBuffer, result.scalars.buffer as ArrayBuffer, result.plus.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
