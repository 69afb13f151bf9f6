export * from "./statistics/index.js";
export { kernelSelfCheck, type SelfCheckRow } from "./kernel-self-check.js";
export { inProcessExecutor, type ReplicationExecutor, type ReplicationTask } from "./executor.js";
export { runReplications, type RunPlan } from "./run-replications.js";
export { BAND_QUANTILES, EXACT_REPLICATIONS, WeeklyBands } from "./weekly-bands.js";
export { PSquareSketch } from "./p-square.js";
export { forecast, runForecast, scalarSpread, weeklyBand, type Forecast, type ForecastEvent, type Spread } from "./forecast.js";
export { forecastSummary, reportWeeks, SUMMARY_METRICS, type BacklogAt, type ForecastSummary, type RowSummary, type SummaryMetric } from "./forecast-summary.js";
export { COMPARE_METRICS, compareForecasts, compareScenarios, nationalValues, type CompareMetric, type Comparison, type ComparisonCell } from "./compare.js";
