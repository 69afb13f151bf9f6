import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { ReplicationCancelled, runReplication, type ReplicationWatch, type Scenario } from "../model/index.js";
import { SCENARIOS_KEPT, type WorkerMessage, type WorkerReply, type WorkerSetup } from "./worker-messages.js";
import { warmUpScenario } from "./warm-up-scenario.js";

// Scenarios arrive once each (tasks name them by key); weekly buffers come back for reuse,
// so a long run allocates no new output arrays.
const scenarios = new Map<number, Scenario>();
const spare: Float64Array[] = [];
const setup = workerData as WorkerSetup;
const cancel = new Int32Array(setup.cancel);

// Replications of a tiny scenario before the first real one (messages wait meanwhile), so the
// JIT has compiled the model's hot paths by the time a run arrives at a pool started ahead of it.
const WARM_UP_REPLICATIONS = 3;
if (setup.warmUp) {
  const scenario = warmUpScenario();
  for (let r = 0; r < WARM_UP_REPLICATIONS; r++) runReplication(scenario, 0, r);
  parentPort?.postMessage({ id: -1, warm: true } satisfies WorkerReply);
}

// Partials feed a live chart: the first as soon as a week is done, then a few a second.
const FIRST_PARTIAL_WEEKS = 1;
const PARTIAL_INTERVAL_MS = 80;

function watchFor(id: number, partials: boolean, horizonWeeks: number): ReplicationWatch {
  let last = -Infinity;
  return (weeks, weekly) => {
    if (Atomics.load(cancel, 0) !== 0) return false;
    if (partials && weeks >= FIRST_PARTIAL_WEEKS && performance.now() - last >= PARTIAL_INTERVAL_MS) {
      last = performance.now();
      const slice = weekly.slice(0, (weekly.length / horizonWeeks) * weeks);
      parentPort?.postMessage({ id, partial: { weeks, weekly: slice } } satisfies WorkerReply, [slice.buffer as ArrayBuffer]);
    }
    return true;
  };
}

/** A worker thread that runs replications sent by the pool and posts the typed arrays back. */
parentPort?.on("message", (message: WorkerMessage) => {
  if (message.kind === "scenario") {
    scenarios.set(message.key, message.scenario);
    // The pool forgets the oldest in step (its SCENARIOS_KEPT), so it resends one it needs again.
    if (scenarios.size > SCENARIOS_KEPT) scenarios.delete(scenarios.keys().next().value!);
    return;
  }
  if (message.kind === "spare") {
    if (spare.length < 2) spare.push(new Float64Array(message.buffer));
    return;
  }
  try {
    const scenario = scenarios.get(message.key);
    if (scenario === undefined) throw new Error(`scenario ${message.key} was never sent to this worker`);
    const result = runReplication(scenario, message.seed, message.replication, spare.pop(), watchFor(message.id, message.partials, scenario.horizonWeeks));
    parentPort?.postMessage({ id: message.id, result } satisfies WorkerReply, [result.weekly.buffer as ArrayBuffer, result.scalars.buffer as ArrayBuffer, result.plus.buffer as ArrayBuffer]);
  } catch (error) {
    if (error instanceof ReplicationCancelled) parentPort?.postMessage({ id: message.id, cancelled: true } satisfies WorkerReply);
    else parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
