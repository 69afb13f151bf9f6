import { quantile } from "d3-array";
import { isPlusModelled, PLUS_METRICS, plusIndex, plusOffset, type PlusMetric, type ResultShape } from "../model/index.js";
import type { Forecast, Spread } from "./forecast.js";

/** One replication's Cafcass Plus flows summed over the reporting weeks: rows (areas, then national) × PLUS_METRICS. */
export function plusTotals(plus: Float64Array, shape: ResultShape): Float64Array {
  const rows = shape.areas.length + 1, totals = new Float64Array(rows * PLUS_METRICS.length);
  for (let w = 0; w < shape.weeks; w++) {
    for (let row = 0; row < rows; row++) {
      for (let m = 0; m < PLUS_METRICS.length; m++) totals[row * PLUS_METRICS.length + m]! += plus[plusOffset(shape, w, row, m)]!;
    }
  }
  return totals;
}

/** The Cafcass Plus figures for one area (or England) over the horizon, across replications. */
export interface PlusRow {
  readonly name: string;
  readonly liveWeeks: number;
  readonly plusCases: Spread;
  readonly fcaHours: Spread;
  readonly decided: Spread;
  readonly diverted: Spread;
  /** Diverted as a percentage of cohort cases decided (replications with none decided are left out). */
  readonly divertedPct: Spread;
}

/** Cafcass Plus in a forecast: each live area, then England; undefined when the scenario does not model the cohort. */
export function plusSummary(f: Forecast): { readonly rows: readonly PlusRow[] } | undefined {
  if (!isPlusModelled(f.scenario)) return undefined;
  const rows = f.shape.areas.length + 1, width = rows * PLUS_METRICS.length;
  const values = (row: number, pick: (get: (m: PlusMetric) => number) => number): number[] =>
    Array.from({ length: f.plan.replications }, (_, r) => pick((m) => f.plus[r * width + row * PLUS_METRICS.length + plusIndex(m)]!)).filter((v) => !Number.isNaN(v));
  const row = (index: number, name: string): PlusRow => ({
    name, liveWeeks: spread(values(index, (g) => g("plus_live"))).mean,
    plusCases: spread(values(index, (g) => g("plus_cases_started"))), fcaHours: spread(values(index, (g) => g("plus_fca_hours"))),
    decided: spread(values(index, (g) => g("cohort_diverted") + g("cohort_proceedings"))), diverted: spread(values(index, (g) => g("cohort_diverted"))),
    divertedPct: spread(values(index, (g) => (100 * g("cohort_diverted")) / (g("cohort_diverted") + g("cohort_proceedings")))),
  });
  const live = f.shape.areas.map((name, i) => row(i, name)).filter((r) => r.liveWeeks > 0);
  return { rows: [...live, row(rows - 1, "England")] };
}

function spread(values: readonly number[]): Spread {
  const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
  return { mean, median: quantile(values, 0.5) ?? NaN, p5: quantile(values, 0.05) ?? NaN, p95: quantile(values, 0.95) ?? NaN };
}
