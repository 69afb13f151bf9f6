import type { ScalarMetric } from "../model/index.js";
import { nationalValues } from "./national-values.js";
import type { Forecast } from "./forecast.js";
import type { ForecastBuilder } from "./forecast-builder.js";
import { relativeHalfWidth } from "./statistics/index.js";

/** Keep adding replications until every metric's 95% CI half-width is within `target` × its mean. */
export interface PrecisionRule {
  /** Relative half-width wanted, e.g. 0.05. */
  readonly target: number;
  readonly metrics: readonly ScalarMetric[];
  /** The most replications to run. */
  readonly maxReplications: number;
}

/** The national measures precision is judged on by default. */
// Relative precision is ill-posed for a measure that is usually zero but sometimes not (a
// rare hub): such measures must be asked for explicitly.
export const DEFAULT_PRECISION_METRICS: readonly ScalarMetric[] = ["avg_caseload", "fca_weeks_over_cap"];

/** Whether every builder meets the rule on every metric. */
export function isPrecise(builders: readonly ForecastBuilder[], rule: PrecisionRule): boolean {
  return builders.every((b) => rule.metrics.every((m) => b.relativeHalfWidth(m) <= rule.target));
}

/**
 * How many more replications to run: enough, by the usual n ∝ (half-width)² estimate, for the
 * least precise metric to reach the target — at least 2, at most up to the cap.
 */
export function nextBatch(builders: readonly ForecastBuilder[], rule: PrecisionRule): number {
  const done = builders[0]!.replications;
  const worst = Math.max(...builders.flatMap((b) => rule.metrics.map((m) => b.relativeHalfWidth(m))));
  const needed = Number.isFinite(worst) ? Math.ceil(done * (worst / rule.target) ** 2) : done * 2;
  return Math.max(0, Math.min(rule.maxReplications - done, Math.max(2, needed - done)));
}

/** Whether finished forecasts meet the rule on every metric. */
export function forecastsMeet(forecasts: readonly Forecast[], rule: PrecisionRule): boolean {
  return forecasts.every((f) => rule.metrics.every((m) => relativeHalfWidth(nationalValues(f, m)) <= rule.target));
}
