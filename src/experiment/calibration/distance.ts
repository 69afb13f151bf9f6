import { median } from "d3-array";

/** How a simulated summary is set against the observed one: a scale per observation, and the measure each belongs to. */
export interface DistanceRule {
  readonly observed: readonly number[];
  /** The measure (group) of each observation: each measure weighs the same however many observations it has. */
  readonly groups: readonly string[];
  readonly scales: readonly number[];
}

/**
 * Scales from the first generation's simulated summaries, as pyABC's "pcmad" scale: each
 * observation's median absolute deviation plus the median absolute deviation of the simulated
 * values from the observed one, or 1 when both are zero. The second term keeps an observation
 * the model rarely reproduces (an area whose hub is seldom open) from dominating the distance
 * with a tiny scale.
 */
export function scalesFrom(summaries: readonly (readonly number[])[], observed: readonly number[]): number[] {
  return observed.map((y, i) => {
    const xs = summaries.map((s) => s[i]!).filter(Number.isFinite);
    const mid = median(xs) ?? 0;
    const scale = (median(xs.map((x) => Math.abs(x - mid))) ?? 0) + (median(xs.map((x) => Math.abs(x - y))) ?? 0);
    return scale > 0 ? scale : 1;
  });
}

/**
 * The distance of a simulated summary from the observed: the root of the mean, over measures,
 * of each measure's mean squared scaled error. A summary with a missing value is infinitely far.
 */
export function distance(rule: DistanceRule, simulated: readonly number[]): number {
  const sums = new Map<string, { sum: number; n: number }>();
  for (let i = 0; i < rule.observed.length; i++) {
    const s = simulated[i]!;
    if (!Number.isFinite(s)) return Infinity;
    const e = (s - rule.observed[i]!) / rule.scales[i]!;
    const g = sums.get(rule.groups[i]!) ?? { sum: 0, n: 0 };
    sums.set(rule.groups[i]!, { sum: g.sum + e * e, n: g.n + 1 });
  }
  let total = 0;
  for (const g of sums.values()) total += g.sum / g.n;
  return Math.sqrt(total / Math.max(1, sums.size));
}
