import { mean, quantile } from "d3-array";
import {
  SCALAR_METRICS, scalarOffset, WEEKLY_METRICS, weeklyIndex, weeklyOffset,
  type ResultShape, type ScalarMetric, type Scenario,
} from "../model/index.js";
import type { RunPlan } from "./run-replications.js";
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
