import { describe, expect, it } from "vitest";
import { mmcMeanWait } from "../../src/kernel/queueing/index.js";
import { expectCovers, replicateMmc } from "../helpers/mmc-replications.js";

describe("M/M/1 at ρ = 0.8 against queueing theory", () => {
  const runs = replicateMmc({ arrivalRates: [0.8], serviceRate: 1, servers: 1, horizon: 100_000, warmup: 1_000, seed: 20261123 }, 40);

  it("has mean wait ρ/(μ − λ) = 4", () => {
    expect(mmcMeanWait(0.8, 1, 1)).toBeCloseTo(4, 12);
    expectCovers(runs.map((r) => r.meanWait), 4);
  });

  it("has P(wait > 0) = ρ", () => {
    expectCovers(runs.map((r) => r.probabilityOfWaiting), 0.8);
  });

  it("has mean queue length ρ²/(1 − ρ) = 3.2 from the time-weighted level", () => {
    expectCovers(runs.map((r) => r.meanQueueLength), 3.2);
  });

  it("obeys Little's law L = λW within each replication, up to customers cut off at the horizon", () => {
    for (const r of runs) expect(Math.abs(r.meanQueueLength - r.arrivalRate * r.meanWait) / r.meanQueueLength).toBeLessThan(0.005);
  });
});
