import { describe, expect, it } from "vitest";
import { priorDensity, priorLogDensity, priorSupport, samplePrior } from "../../../src/experiment/calibration/prior-distribution.js";
import { streamFor } from "../../../src/kernel/index.js";
import type { PriorDistribution } from "../../../src/model/index.js";

const PRIORS: [string, PriorDistribution, number, number][] = [
  ["uniform", { kind: "uniform", min: 2, max: 6 }, 0, 8],
  ["truncated normal", { kind: "normal", mean: 1, sd: 0.5, min: 0.8, max: 3 }, 0, 4],
  ["lognormal", { kind: "lognormal", mean: 30, cv: 0.4 }, 0, 200],
  ["gamma", { kind: "gamma", shape: 3, rate: 0.5 }, 0, 80],
];

describe("prior distributions", () => {
  it.each(PRIORS)("the %s density integrates to 1 over its support, and its draws have the same mean", (_, d, lo, hi) => {
    const n = 40_000, step = (hi - lo) / n;
    let mass = 0, first = 0;
    for (let i = 0; i < n; i++) {
      const x = lo + (i + 0.5) * step, p = priorDensity(d, x);
      mass += p * step;
      first += x * p * step;
    }
    expect(mass).toBeCloseTo(1, 3);
    const rng = streamFor(1, 0, "prior-test"), draws = Array.from({ length: 20_000 }, () => samplePrior(d, rng));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1));
    expect(Math.abs(mean - first)).toBeLessThan(4 * sd / Math.sqrt(draws.length));
    const [a, b] = priorSupport(d);
    expect(draws.every((x) => x >= a && x <= b)).toBe(true);
  });

  it("gives no density outside the support", () => {
    expect(priorLogDensity({ kind: "uniform", min: 2, max: 6 }, 6.01)).toBe(-Infinity);
    expect(priorDensity({ kind: "normal", mean: 1, sd: 0.5, min: 0.8 }, 0.7)).toBe(0);
    expect(priorDensity({ kind: "gamma", shape: 3, rate: 0.5 }, -1)).toBe(0);
    expect(priorDensity({ kind: "lognormal", mean: 30, cv: 0.4 }, 0)).toBe(0);
  });
});
