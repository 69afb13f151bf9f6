import { mean, variance } from "d3-array";
import { studentTQuantile } from "./student-t-quantile.js";

/** A mean with the half-width of its confidence interval. */
export interface MeanInterval {
  readonly mean: number;
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
}

/**
 * Mean of independent observations (one per replication) and its Student-t confidence
 * interval at `level` (default 0.95). Empty input: NaN mean; one observation: infinite width.
 */
export function meanConfidenceInterval(values: readonly number[], level = 0.95): MeanInterval {
  const n = values.length;
  const m = mean(values) ?? NaN;
  const halfWidth = n < 2 ? Infinity : studentTQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt((variance(values) ?? NaN) / n);
  return { mean: m, halfWidth, lower: m - halfWidth, upper: m + halfWidth, n };
}
