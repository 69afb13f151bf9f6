import { quantileSorted } from "d3-array";
import { meanConfidenceInterval } from "../statistics/index.js";

/** A measure across replications: mean with its 95% CI, and the 90% interval (5th–95th centile) of the values. */
export interface ValueSpread {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly p5: number;
  readonly median: number;
  readonly p95: number;
  readonly n: number;
}

/** The spread of per-replication values; NaN values are left out (empty input: NaN throughout). */
export function valueSpread(values: readonly number[]): ValueSpread {
  const finite = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const ci = meanConfidenceInterval(finite);
  const q = (p: number): number => quantileSorted(finite, p) ?? NaN;
  return { mean: ci.mean, lower: ci.lower, upper: ci.upper, p5: q(0.05), median: q(0.5), p95: q(0.95), n: finite.length };
}
