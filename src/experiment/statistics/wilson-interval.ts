import { normalQuantile } from "../../kernel/index.js";

/** A proportion with its confidence interval. */
export interface ProportionInterval {
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
}

/**
 * The share of `successes` in `n` trials with its Wilson score interval at `level` (default 0.95),
 * which stays inside [0, 1] and behaves at 0 and n successes. Empty input: NaN throughout.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  if (n === 0) return { p: NaN, lower: NaN, upper: NaN, n };
  const z = normalQuantile(1 - (1 - level) / 2), z2 = z * z, p = successes / n;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), n };
}
