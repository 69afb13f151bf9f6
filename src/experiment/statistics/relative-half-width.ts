import { meanConfidenceInterval } from "./mean-confidence-interval.js";

/**
 * 95% CI half-width of values relative to their mean, ignoring undefined (NaN) values: 0 when
 * all are equal, Infinity with fewer than two or a zero mean that still varies.
 */
export function relativeHalfWidth(values: readonly number[]): number {
  const ci = meanConfidenceInterval(values.filter((v) => !Number.isNaN(v)));
  if (ci.halfWidth === 0) return 0;
  return Math.abs(ci.mean) > 0 ? ci.halfWidth / Math.abs(ci.mean) : Infinity;
}
