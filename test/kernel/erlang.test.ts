import { describe, expect, it } from "vitest";
import { erlangB, erlangC, mmcMeanWait, mmcPriorityMeanWaits } from "../../src/kernel/queueing/index.js";

describe("closed forms (textbook values from analytic.py's self-check)", () => {
  it("Erlang B(10, 5) = 0.0183846", () => expect(erlangB(10, 5)).toBeCloseTo(0.0183846, 7));
  it("Erlang C(2, 1) = 1/3", () => expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12));
  it("Erlang C is 1 when unstable", () => expect(erlangC(2, 3)).toBe(1));
  it("M/M/2 with λ = μ = 1 waits 1/3", () => expect(mmcMeanWait(1, 1, 2)).toBeCloseTo(1 / 3, 12));
  it("two-class M/M/1 priority waits 4/3 and 20/3", () => {
    const [w1, w2] = mmcPriorityMeanWaits([0.4, 0.4], 1, 1);
    expect(w1).toBeCloseTo(4 / 3, 12);
    expect(w2).toBeCloseTo(20 / 3, 12);
  });
  it("one priority class is FCFS", () => expect(mmcPriorityMeanWaits([18], 1, 20)[0]).toBeCloseTo(mmcMeanWait(18, 1, 20), 12));
  it("refuses an unstable queue, naming the loads", () => {
    expect(() => mmcMeanWait(2, 1, 2)).toThrow("unstable queue: λ = 2 ≥ cμ = 2");
  });
});
