import type { Costs } from "../../model/index.js";

/** One step of a declining discount schedule: `rate` applies from `fromYear` until the next step. */
export type DiscountStep = Costs["discount"][number];

/** Calendar weeks in a year: weeks are seven days and years are Julian, so week 52 is just short of a year. */
export const WEEKS_PER_YEAR = 365.25 / 7;

/**
 * Discount factor at `years` from the start under a stepped schedule: each segment of time is
 * discounted at its own rate and the segments compound, so the factor is continuous across a step
 * (Green Book: 1.035^−30 at year 30, then a further 1.03^−(t−30)).
 */
export function discountFactor(steps: readonly DiscountStep[], years: number): number {
  let factor = 1;
  steps.forEach((step, i) => {
    const end = steps[i + 1]?.fromYear ?? Infinity;
    const span = Math.min(years, end) - step.fromYear;
    if (span > 0) factor *= (1 + step.rate) ** -span;
  });
  return factor;
}

/** Discount factors for weeks 0…weeks−1, each week's flow counted at the start of its week (week 0 is undiscounted). */
export function weeklyDiscountFactors(steps: readonly DiscountStep[], weeks: number): Float64Array {
  return Float64Array.from({ length: weeks }, (_, w) => discountFactor(steps, w / WEEKS_PER_YEAR));
}

/** Present value of a weekly flow series under the given factors (which must be at least as long). */
export function presentValue(flows: ArrayLike<number>, factors: ArrayLike<number>): number {
  if (factors.length < flows.length) throw new RangeError(`${flows.length} weeks of flows but only ${factors.length} discount factors`);
  let pv = 0;
  for (let w = 0; w < flows.length; w++) pv += flows[w]! * factors[w]!;
  return pv;
}
