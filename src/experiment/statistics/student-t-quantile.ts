import { normalQuantile } from "../../kernel/index.js";

/**
 * Quantile of Student's t distribution with `df` degrees of freedom: exact for df 1 and 2,
 * otherwise the Cornish–Fisher expansion of Abramowitz & Stegun 26.7.5 (error below 0.003 at
 * df = 3 and p = 0.975, falling fast with df).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1) (got ${String(p)})`);
  if (!(df >= 1)) throw new RangeError(`df must be ≥ 1 (got ${String(df)})`);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const x = normalQuantile(p), x2 = x * x, x3 = x2 * x, x5 = x3 * x2, x7 = x5 * x2, x9 = x7 * x2;
  const g1 = (x3 + x) / 4;
  const g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
  const g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
  const g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
  return x + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}
