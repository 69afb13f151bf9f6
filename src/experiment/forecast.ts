import { mean, quantile } from "d3-array";
import {
  SCALAR_METRICS, scalarOffset, WEEKLY_METRICS, weeklyIndex, weeklyOffset,
  type ReplicationResult, type ResultShape, type ScalarMetric, type Scenario,
} from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import { ForecastBuilder } from "./forecast-builder.js";
import { isPrecise, nextBatch, type PrecisionRule } from "./precision.js";
import { runReplications, type RunPlan } from "./run-replications.js";
import { BAND_QUANTILES } from "./weekly-bands.js";

/** Mean and 90% band (5th–95th centile across replications) of one scalar. */
export interface Spread {
  readonly mean: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

/**
 * What the spread across replications holds: simulation noise only (every replication uses the
 * scenario's fixed parameters), or parameter uncertainty too (each replication draws its parameters
 * from a calibration's posterior). Every band shown anywhere says which.
 */
export type BandContent = "simulation-noise" | "simulation-and-parameter";

/** The words every band carries, by content. */
export const BAND_CONTENT_WORDS: Readonly<Record<BandContent, string>> = {
  "simulation-noise": "simulation noise only (fixed parameters)",
  "simulation-and-parameter": "simulation noise and parameter uncertainty",
};

/** A forecast: per-cell weekly bands and per-replication scalars for every area and nationally. */
export interface Forecast {
  readonly scenario: Scenario;
  readonly shape: ResultShape;
  readonly plan: RunPlan;
  readonly warmupWeeks: number;
  /** cells × BAND_QUANTILES, cells in model weekly order. */
  readonly bands: Float64Array;
  /** replications × rows × scalar metrics. */
  readonly scalars: Float64Array;
  /** replications × rows × PLUS_METRICS, each summed over the reporting weeks. */
  readonly plus: Float64Array;
  readonly conservationChecks: number;
  readonly protocolTransitions: number;
  /** What the bands across replications hold. */
  readonly bandContent: BandContent;
  /** Every protocol transition of every replication: the replication, then TRANSITION_FIELDS (see protocol-history.ts). */
  readonly transitions: Float64Array;
}

/** What the forecast yields while it runs: progress, then the forecast. */
export type ForecastEvent = { readonly kind: "progress"; readonly done: number; readonly total: number } | { readonly kind: "done"; readonly forecast: Forecast };

/**
 * Runs the replications and folds them into a Forecast, yielding progress after each one.
 * With a precision rule, `plan.replications` is the first batch and more batches follow until
 * the rule is met or its cap is reached; the replications are the same ones a fixed run of that
 * size would use, so the result is too. `observe` sees each replication's result before it is folded away.
 */
export async function* forecast(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, precision?: PrecisionRule, observe?: (r: ReplicationResult) => void): AsyncGenerator<ForecastEvent> {
  const builder = new ForecastBuilder(scenario, plan, precision?.maxReplications ?? plan.replications);
  let batch = precision === undefined ? plan.replications : Math.min(plan.replications, precision.maxReplications);
  while (batch > 0) {
    const total = builder.replications + batch;
    for await (const r of runReplications(scenario, { ...plan, replications: batch, first: builder.replications }, executor)) {
      builder.add(r);
      observe?.(r);
      executor.recycle(r);
      yield { kind: "progress", done: builder.replications, total };
    }
    batch = precision === undefined || isPrecise([builder], precision) ? 0 : nextBatch([builder], precision);
  }
  yield { kind: "done", forecast: builder.build() };
}

/** Runs a forecast to the end, ignoring progress. */
export async function runForecast(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, precision?: PrecisionRule): Promise<Forecast> {
  for await (const event of forecast(scenario, plan, executor, precision)) if (event.kind === "done") return event.forecast;
  throw new Error("forecast ended without a result");
}

/** A quantile band of a weekly metric for one row (area index, or areas.length for national) and week. */
export function weeklyBand(f: Forecast, week: number, row: number, metric: (typeof WEEKLY_METRICS)[number]): readonly number[] {
  const cell = weeklyOffset(f.shape, week, row, weeklyIndex(metric));
  return BAND_QUANTILES.map((_, i) => f.bands[cell * BAND_QUANTILES.length + i]!);
}

/** A weekly metric's 5/25/50/75/95% quantiles for one row, week by week. */
export function weeklyFan(f: Forecast, row: number, metric: (typeof WEEKLY_METRICS)[number]): { readonly p5: Float64Array; readonly p25: Float64Array; readonly median: Float64Array; readonly p75: Float64Array; readonly p95: Float64Array } {
  const n = f.shape.weeks, cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  for (let w = 0; w < n; w++) weeklyBand(f, w, row, metric).forEach((v, i) => (cols[i]![w] = v));
  return { p5: cols[0], p25: cols[1], median: cols[2], p75: cols[3], p95: cols[4] };
}

/** The spread across replications of one scalar metric for one row. */
export function scalarSpread(f: Forecast, row: number, metric: ScalarMetric): Spread {
  const rows = f.shape.areas.length + 1, k = SCALAR_METRICS.indexOf(metric);
  const values = Array.from({ length: f.plan.replications }, (_, r) => f.scalars[r * rows * SCALAR_METRICS.length + scalarOffset(row, k)]!).filter((v) => !Number.isNaN(v));
  return { mean: mean(values) ?? NaN, median: quantile(values, 0.5) ?? NaN, p5: quantile(values, 0.05) ?? NaN, p95: quantile(values, 0.95) ?? NaN };
}
