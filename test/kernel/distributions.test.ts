import { describe, expect, it } from "vitest";
import {
  bernoulli, binomial, DiscreteDistribution, exponential, gamma, Lognormal, lognormal, negativeBinomial, normal,
  poisson, streamFor, truncatedNormal, uniform,
} from "../../src/kernel/index.js";
import { expectMeanNear, expectVarianceNear, sample } from "../helpers/sample-moments.js";

const N = 100_000;
const rng = (name: string): (() => number) => streamFor(2024, 0, name);

describe("continuous distributions", () => {
  it("uniform has mean (a+b)/2 and variance (b−a)²/12", () => {
    const r = rng("u"), xs = sample(N, () => uniform(r, 2, 5));
    expectMeanNear(xs, 3.5);
    expectVarianceNear(xs, 0.75);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(5);
  });

  it("exponential has mean 1/rate and variance 1/rate²", () => {
    const r = rng("e"), xs = sample(N, () => exponential(r, 0.25));
    expectMeanNear(xs, 4);
    expectVarianceNear(xs, 16);
  });

  it("normal has the given mean and sd", () => {
    const r = rng("n"), xs = sample(N, () => normal(r, -3, 2));
    expectMeanNear(xs, -3);
    expectVarianceNear(xs, 4);
  });

  it("truncated normal stays in bounds and has the truncated mean", () => {
    const r = rng("tn"), xs = sample(N, () => truncatedNormal(r, 0.1, 0.08, -0.05, 0.3));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...xs)).toBeLessThanOrEqual(0.3);
    // E[X] = μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)) with α = −1.875, β = 2.5 (values from Python math)
    expectMeanNear(xs, 0.1 + 0.08 * ((0.0687862758 - 0.0175283005) / (0.9937903347 - 0.0303963618)));
  });

  it("truncated normal with bounds far in one tail still draws inside them", () => {
    const r = rng("tail"), xs = sample(1000, () => truncatedNormal(r, 0, 1, 4, 5));
    expect(xs.every((x) => x >= 4 && x <= 5)).toBe(true);
  });

  it("lognormal by mean and CV has that mean and CV", () => {
    const r = rng("ln"), xs = sample(N, () => lognormal(r, 43, 0.5));
    expectMeanNear(xs, 43);
    expectVarianceNear(xs, (43 * 0.5) ** 2);
  });

  it("a Lognormal worked out once draws exactly what lognormal draws from the same stream", () => {
    const once = new Lognormal(34 * 7, 0.7), a = rng("same"), b = rng("same");
    for (let i = 0; i < 1000; i++) expect(once.draw(a)).toBe(lognormal(b, 34 * 7, 0.7));
    expect(() => new Lognormal(-1, 0.5)).toThrow("mean must be a finite number > 0 (got -1)");
  });

  it("gamma has mean kθ and variance kθ², for shape above and below 1", () => {
    const r = rng("g");
    const big = sample(N, () => gamma(r, 3.5, 2));
    expectMeanNear(big, 7);
    expectVarianceNear(big, 14);
    const small = sample(N, () => gamma(r, 0.4, 1.5));
    expectMeanNear(small, 0.6);
    expectVarianceNear(small, 0.9);
  });
});

describe("count distributions", () => {
  it("Poisson has mean = variance, by inversion (small mean) and PTRS (large mean)", () => {
    const r = rng("p");
    for (const m of [0.7, 12, 30, 250]) {
      const xs = sample(N, () => poisson(r, m));
      expectMeanNear(xs, m);
      expectVarianceNear(xs, m);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
    expect(poisson(r, 0)).toBe(0);
  });

  it("binomial has mean np and variance np(1−p), by inversion and BTRS", () => {
    const r = rng("b");
    for (const [n, p] of [[20, 0.3], [1000, 0.35], [500, 0.9], [40, 1]] as const) {
      const xs = sample(N, () => binomial(r, n, p));
      expectMeanNear(xs, n * p);
      if (p < 1) expectVarianceNear(xs, n * p * (1 - p));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    }
  });

  it("Bernoulli is true with probability p", () => {
    const r = rng("bern"), xs = sample(N, () => (bernoulli(r, 0.37) ? 1 : 0));
    expectMeanNear(xs, 0.37);
  });

  it("negative binomial has mean r(1−p)/p and variance r(1−p)/p²", () => {
    const r = rng("nb"), xs = sample(N, () => negativeBinomial(r, 2.5, 0.4));
    expectMeanNear(xs, 3.75);
    expectVarianceNear(xs, 9.375);
  });

  it("a discrete distribution draws values in proportion to their weights", () => {
    const r = rng("d"), d = new DiscreteDistribution([10, 20, 30], [1, 2, 7]);
    const xs = sample(N, () => d.sample(r));
    for (const [v, p] of [[10, 0.1], [20, 0.2], [30, 0.7]] as const) expectMeanNear(xs.map((x) => (x === v ? 1 : 0)), p);
  });

  it("an empirical distribution resamples the observations equally", () => {
    const r = rng("emp"), d = DiscreteDistribution.empirical([1, 1, 4]);
    expectMeanNear(sample(N, () => d.sample(r)), 2);
  });
});

describe("distribution misuse names the parameter and value", () => {
  const r = rng("bad");
  it.each([
    [() => exponential(r, 0), "rate must be a finite number > 0 (got 0)"],
    [() => exponential(r, -2), "rate must be a finite number > 0 (got -2)"],
    [() => normal(r, NaN, 1), "mean must be a finite number (got NaN)"],
    [() => normal(r, 0, -1), "sd must be a finite number ≥ 0 (got -1)"],
    [() => truncatedNormal(r, 0, 1, 2, 1), "truncatedNormal needs lower ≤ upper (got lower 2, upper 1)"],
    [() => lognormal(r, 0, 0.5), "mean must be a finite number > 0 (got 0)"],
    [() => gamma(r, -1, 1), "shape must be a finite number > 0 (got -1)"],
    [() => poisson(r, -0.1), "mean must be a finite number ≥ 0 (got -0.1)"],
    [() => poisson(r, Infinity), "mean must be a finite number ≥ 0 (got Infinity)"],
    [() => binomial(r, 2.5, 0.5), "n must be an integer in [0, 9007199254740991] (got 2.5)"],
    [() => binomial(r, 10, 1.5), "p must be a probability in [0, 1] (got 1.5)"],
    [() => bernoulli(r, NaN), "p must be a probability in [0, 1] (got NaN)"],
    [() => uniform(r, 3, 1), "uniform needs finite min ≤ max (got min 3, max 1)"],
    [() => new DiscreteDistribution([1, 2], [1, -1]), "weights[1] must be a finite number ≥ 0 (got -1)"],
    [() => new DiscreteDistribution([1], [0]), "weights must not all be zero"],
  ])("%#", (call, message) => {
    expect(call).toThrow(message);
  });
});
