import type { DiscountStep } from "../experiment/index.js";
import { fmt } from "./number-format.js";

/** The discount schedule in words: "3.5% to year 30, 3.0% to year 75, then 2.5%". */
export function discountWords(steps: readonly DiscountStep[]): string {
  const pct = (r: number): string => `${fmt(100 * r, 1)}%`;
  if (steps.length === 1) return `${pct(steps[0]!.rate)} a year`;
  const parts = steps.map((s, i) => (i + 1 < steps.length ? `${pct(s.rate)} to year ${steps[i + 1]!.fromYear}` : `then ${pct(s.rate)}`));
  return parts.join(", ");
}

/** The line every appraisal output carries: price year, discounting and horizon. */
export function moneyConventions(priceYear: string, steps: readonly DiscountStep[], horizonWeeks: number): string {
  return `Money in ${priceYear} prices, present values discounted weekly at ${discountWords(steps)} (Green Book), over ${horizonWeeks} weeks.`;
}

/** What an appraisal's intervals hold, as a CSV column value: simulation noise and effect sizes, and parameter uncertainty with a posterior. */
export function appraisalBandContent(posterior?: string): string {
  return posterior === undefined ? "simulation-noise-and-effect-sizes" : "simulation-noise-effect-sizes-and-parameter";
}

/** What an appraisal's intervals across replications hold: each replication draws the Plus effect sizes (§8.6), and the calibrated inputs when a posterior is given. */
export function appraisalBandWords(posterior?: string): string {
  return posterior === undefined
    ? "intervals across replications hold simulation noise and the uncertainty in the interventions' effect sizes (drawn per replication); other parameters are fixed"
    : `intervals across replications hold simulation noise, the uncertainty in the interventions' effect sizes and parameter uncertainty (each replication draws the calibrated inputs from ${posterior})`;
}
