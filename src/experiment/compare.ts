import { mean } from "d3-array";
import type { ScalarMetric, Scenario } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import type { BandContent, Forecast } from "./forecast.js";
import { ForecastBuilder } from "./forecast-builder.js";
import { nationalValues } from "./national-values.js";
import { isPrecise, nextBatch, type PrecisionRule } from "./precision.js";
import { runReplications, type RunPlan } from "./run-replications.js";
import { meanConfidenceInterval } from "./statistics/index.js";

/** The national measures a comparison reports, in order: the hubs, the wait for allocation outside them, then the workforce. */
export const COMPARE_METRICS = [
  "hub_backlog_end", "peak_hub_backlog", "hub_wait_mean_weeks", "hub_wait_p90_weeks", "forced_allocations",
  "awaiting_end", "awaiting_case_weeks", "allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "waited_over_12_weeks",
  "duty_allocations", "avg_caseload", "pct_fcas_over_cap", "fca_weeks_over_cap", "vacancy_pct", "sickness_days", "protocol_weeks_active",
  "children_open_mean", "public_over_26_weeks_pct", "public_duration_mean_weeks",
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
  /** Under a precision rule, whether every scenario met it. */
  readonly precisionMet?: boolean;
  /** What the replications' spread holds: simulation noise only, or parameter uncertainty too (a posterior). */
  readonly bandContent: BandContent;
}

/**
 * Runs every scenario with the same seed and replication indices — common random numbers:
 * replication r of each draws from the same named streams — and sets each against the first
 * with paired 95% confidence intervals (pairs where either value is undefined are left out).
 * With a precision rule, every scenario gets the same further batches until all meet it.
 */
export async function compareScenarios(scenarios: readonly Scenario[], plan: RunPlan, executor: ReplicationExecutor, precision?: PrecisionRule): Promise<Comparison> {
  const builders = scenarios.map((s) => new ForecastBuilder(s, plan, precision?.maxReplications ?? plan.replications));
  let batch = precision === undefined ? plan.replications : Math.min(plan.replications, precision.maxReplications);
  while (batch > 0) {
    for (const [i, scenario] of scenarios.entries()) {
      const b = builders[i]!;
      for await (const r of runReplications(scenario, { ...plan, replications: batch, first: b.replications }, executor)) {
        b.add(r);
        executor.recycle(r);
      }
    }
    batch = precision === undefined || isPrecise(builders, precision) ? 0 : nextBatch(builders, precision);
  }
  const comparison = compareForecasts(builders.map((b) => b.build()));
  return precision === undefined ? comparison : { ...comparison, precisionMet: isPrecise(builders, precision) };
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
  return { scenarios: forecasts.map((f) => f.scenario.name), replications: first.plan.replications, seed: first.plan.seed, rows, bandContent: first.bandContent };
}
