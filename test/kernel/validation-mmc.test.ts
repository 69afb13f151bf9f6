import { describe, expect, it } from "vitest";
import { erlangC, mmcMeanWait } from "../../src/kernel/queueing/index.js";
import { expectCovers, replicateMmc } from "../helpers/mmc-replications.js";

describe("M/M/20 at ρ = 0.9 against Erlang C", () => {
  const runs = replicateMmc({ arrivalRates: [18], serviceRate: 1, servers: 20, horizon: 30_000, warmup: 1_000, seed: 20261123 }, 40);
  const pWait = erlangC(20, 18), wq = mmcMeanWait(18, 1, 20);

  it("uses the closed forms of analytic.py", () => {
    expect(pWait).toBeCloseTo(0.5507690048161179, 12);
    expect(wq).toBeCloseTo(0.27538450240805895, 12);
  });

  it("has the Erlang C probability of waiting", () => {
    expectCovers(runs.map((r) => r.probabilityOfWaiting), pWait);
  });

  it("has the Erlang C mean wait", () => {
    expectCovers(runs.map((r) => r.meanWait), wq);
  });

  it("has mean queue length λ·Wq and obeys Little's law in each replication", () => {
    expectCovers(runs.map((r) => r.meanQueueLength), 18 * wq);
    for (const r of runs) expect(Math.abs(r.meanQueueLength - r.arrivalRate * r.meanWait) / r.meanQueueLength).toBeLessThan(0.005);
  });
});
