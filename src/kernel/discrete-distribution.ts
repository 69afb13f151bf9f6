import type { Rng } from "./random-streams.js";

/** A finite distribution over given values with given weights, sampled by inversion (one uniform per draw). */
export class DiscreteDistribution {
  private readonly cumulative: Float64Array;
  private readonly outcomes: readonly number[];

  constructor(values: readonly number[], weights: readonly number[]) {
    if (values.length === 0) throw new RangeError("a discrete distribution needs at least one value");
    if (values.length !== weights.length) {
      throw new RangeError(`values and weights differ in length (${values.length} values, ${weights.length} weights)`);
    }
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0) || w === Infinity) throw new RangeError(`weights[${i}] must be a finite number ≥ 0 (got ${String(w)})`);
      total += w;
      this.cumulative[i] = total;
    });
    if (!(total > 0)) throw new RangeError("weights must not all be zero");
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i]! /= total;
    this.outcomes = [...values];
  }

  /** An empirical distribution: each observed value equally likely. */
  static empirical(observations: readonly number[]): DiscreteDistribution {
    return new DiscreteDistribution(observations, observations.map(() => 1));
  }

  /** Draws one value. */
  sample(rng: Rng): number {
    const u = rng(), c = this.cumulative;
    let lo = 0, hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < c[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.outcomes[lo]!;
  }
}
