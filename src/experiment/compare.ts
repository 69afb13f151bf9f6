import { mean } from "d3-array";
import { SCALAR_METRICS, scalarOffset, type ScalarMetric, type Scenario } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import { runForecast, type Forecast } from "./forecast.js";
import type { RunPlan } from "./run-replications.js";
import { meanConfidenceInterval } from "./statistics/index.js";

/** The national measures a comparison reports, in order. */
export const COMPARE_METRICS = [
  "hub_backlog_end", "peak_hub_backlog", "hub_wait_mean_weeks", "hub_wait_p90_weeks", "forced_allocations",
  "fca_weeks_over_cap", "sickness_days", "protocol_weeks_active",
] as const satisfies readonly ScalarMetric[];
export type CompareMetric = (typeof COMPARE_METRICS)[number];

/** One scenario's mean of a measure, and its paired difference from the first scenario. */
export interface ComparisonCell {
  readonly scenario: string;
  readonly mean: number;
  /** Against the first scenario: mean of the per-replication differences with its 95% CI (absent for the first). */
  readonly difference?: { readonly mean: number; readonly lower: number; readonly upper: number; readonly pairs: number; readonly significant: boolean };
}

/** A comparison: for each measure, one cell per scenario. */
export interface Comparison {
  readonly scenarios: readonly string[];
  readonly replications: number;
  readonly seed: number;
  readonly rows: readonly { readonly metric: CompareMetric; readonly cells: readonly ComparisonCell[] }[];
}

/** One national scalar per replication (NaN where the measure is undefined, e.g. no hub exits). */
export function nationalValues(f: Forecast, metric: ScalarMetric): number[] {
  const rows = f.shape.areas.length + 1, k = SCALAR_METRICS.indexOf(metric);
  return Array.from({ length: f.plan.replications }, (_, r) => f.scalars[r * rows * SCALAR_METRICS.length + scalarOffset(rows - 1, k)]!);
}

/**
 * Runs every scenario with the same seed and replication indices — common random numbers:
 * replication r of each draws from the same named streams — and sets each against the first
 * with paired 95% confidence intervals (pairs where either value is undefined are left out).
 */
export async function compareScenarios(scenarios: readonly Scenario[], plan: RunPlan, executor: ReplicationExecutor): Promise<Comparison> {
  const forecasts: Forecast[] = [];
  for (const s of scenarios) forecasts.push(await runForecast(s, plan, executor));
  return compareForecasts(forecasts);
}

/** The comparison of forecasts already run on common random numbers (the first is the reference). */
export function compareForecasts(forecasts: readonly Forecast[]): Comparison {
  const first = forecasts[0]!;
  const rows = COMPARE_METRICS.map((metric) => {
    const base = nationalValues(first, metric);
    const cells = forecasts.map((f, i): ComparisonCell => {
      const values = nationalValues(f, metric);
      const cell = { scenario: f.scenario.name, mean: mean(values.filter((v) => !Number.isNaN(v))) ?? NaN };
      if (i === 0) return cell;
      const diffs = values.map((v, r) => v - base[r]!).filter((d) => !Number.isNaN(d));
      const ci = meanConfidenceInterval(diffs);
      return { ...cell, difference: { mean: ci.mean, lower: ci.lower, upper: ci.upper, pairs: diffs.length, significant: ci.lower > 0 || ci.upper < 0 } };
    });
    return { metric, cells };
  });
  return { scenarios: forecasts.map((f) => f.scenario.name), replications: first.plan.replications, seed: first.plan.seed, rows };
}
