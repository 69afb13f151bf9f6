import { mean } from "d3-array";
import { daysBetween, type WeeklyMetric } from "../model/index.js";
import { BAND_CONTENT_WORDS, weeklyBand, type Forecast } from "./forecast.js";
import type { Observation } from "./observations.js";

/** One observation set against the forecast for its week. */
export interface BacktestRow extends Observation {
  /** Reporting week (1-based) the date falls in. */
  readonly week: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  /** |median − observed| ÷ observed. */
  readonly absolutePercentageError: number;
  readonly withinBand: boolean;
}

/** Error measures for one metric. */
export interface BacktestFit {
  readonly metric: WeeklyMetric;
  readonly observations: number;
  /** Mean absolute percentage error of the median, in %. */
  readonly mape: number;
  /** Share of observations inside the 90% band, in %. */
  readonly coverage: number;
}

/** A back-test: every observation in the horizon against the forecast, and the fit per metric. */
export interface Backtest {
  readonly rows: readonly BacktestRow[];
  readonly fits: readonly BacktestFit[];
  /** What the forecast's bands hold, in words: observations outside a band of simulation noise alone say little about the inputs' uncertainty. */
  readonly bandContent: string;
}

/** Sets the national observations within the forecast's horizon against its national weekly bands (an area's observations are left out). */
export function backtest(f: Forecast, observations: readonly Observation[]): Backtest {
  const national = f.shape.areas.length;
  const rows = observations.flatMap((o): BacktestRow[] => {
    if (o.area !== undefined) return [];
    const week = Math.floor(daysBetween(f.scenario.startDate, o.date) / 7) + 1;
    if (week < 1 || week > f.shape.weeks) return [];
    const [p5 = NaN, , median = NaN, , p95 = NaN] = weeklyBand(f, week - 1, national, o.metric);
    return [{ ...o, week, median, p5, p95, absolutePercentageError: Math.abs(median - o.value) / o.value, withinBand: o.value >= p5 && o.value <= p95 }];
  });
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const fits = metrics.map((metric) => {
    const these = rows.filter((r) => r.metric === metric);
    return {
      metric, observations: these.length,
      mape: 100 * (mean(these, (r) => r.absolutePercentageError) ?? NaN),
      coverage: (100 * these.filter((r) => r.withinBand).length) / these.length,
    };
  });
  return { rows, fits, bandContent: BAND_CONTENT_WORDS[f.bandContent] };
}
