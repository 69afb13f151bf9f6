import { describe, expect, it } from "vitest";
import { mmcMeanWait, mmcPriorityMeanWaits } from "../../src/kernel/queueing/index.js";
import { expectCovers, replicateMmc } from "../helpers/mmc-replications.js";

describe("non-preemptive priority M/M/10 with 3 classes at ρ = 0.9 against Cobham's formula", () => {
  const runs = replicateMmc({ arrivalRates: [3, 3, 3], serviceRate: 1, servers: 10, horizon: 80_000, warmup: 1_000, seed: 20261123 }, 30);
  const exact = mmcPriorityMeanWaits([3, 3, 3], 1, 10);

  it("uses the closed forms of analytic.py, including the conservation law", () => {
    expect(exact.map((w) => w.toFixed(6))).toEqual(["0.095533", "0.238833", "1.671829"]);
    expect(exact.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(mmcMeanWait(9, 1, 10), 12);
  });

  it.each([0, 1, 2])("has class %i's mean wait", (k) => {
    expectCovers(runs.map((r) => r.meanWaitByClass[k]!), exact[k]!);
  });
});
