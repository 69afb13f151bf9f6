import { describe, expect, it } from "vitest";
import { runReplications, type ReplicationExecutor } from "../../src/experiment/index.js";
import type { ReplicationResult } from "../../src/model/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

const result = (replication: number): ReplicationResult => ({
  replication, weekly: new Float64Array(0), scalars: new Float64Array(0), plus: new Float64Array(0), interventions: new Float64Array(0), conservationChecks: 0, transitions: new Float64Array(0), events: 0, reviews: 0, kernelEvents: 0,
});

/** Two workers whose replication 0 ends only when told to; every other replication ends at once. */
function slowFirst(): { executor: ReplicationExecutor; started: number[]; finishFirst: () => void } {
  const started: number[] = [];
  let finishFirst = (): void => undefined;
  const executor: ReplicationExecutor = {
    concurrency: 2,
    run: (task) => {
      started.push(task.replication);
      if (task.replication !== 0) return Promise.resolve(result(task.replication));
      return new Promise((resolve) => (finishFirst = () => resolve(result(0))));
    },
    recycle: () => undefined,
    close: () => Promise.resolve(),
  };
  return { executor, started, finishFirst: () => finishFirst() };
}

describe("runReplications", () => {
  it("keeps the other worker busy while a slow replication holds up the order, and still yields in order", async () => {
    const { executor, started, finishFirst } = slowFirst();
    const results = runReplications(smallScenario(), { replications: 30, seed: 1 }, executor);
    const first = results.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Replication 0 is still running (asked for): the others went on to fill a window of 8 results per worker beside it.
    expect(started).toEqual(Array.from({ length: 17 }, (_, i) => i));
    finishFirst();
    const order = [(await first).value!.replication];
    for await (const r of results) order.push(r.replication);
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
