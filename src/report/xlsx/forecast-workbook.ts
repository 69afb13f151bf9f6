import { addDays, WEEKLY_METRICS } from "../../model/index.js";
import { forecastSummary, SUMMARY_METRICS, weeklyBand, type Backtest, type Forecast } from "../../experiment/index.js";
import { metricLabel } from "../metric-labels.js";
import { areasSheet, metricFormat, parametersSheet } from "./scenario-sheets.js";
import { as, pairsSheet, type SheetData } from "./sheet.js";

/** The Summary sheet's run lines: what was run, how often, on which seed, and what the bands hold. */
export function runPairs(f: Forecast): [string, string | number | Date][] {
  return [
    ["scenario", f.scenario.name], ["start date", new Date(`${f.scenario.startDate}T00:00:00Z`)], ["horizon (weeks)", f.scenario.horizonWeeks],
    ["warm-up (weeks)", f.warmupWeeks], ["replications", f.plan.replications], ["seed", f.plan.seed], ["bands hold", f.bandContent],
  ];
}

/** The forecast's sheets: Summary (the run and the national means), Weekly (median of every weekly measure, per week and area), Area results, Areas, Parameters. */
export function forecastSheets(f: Forecast): SheetData[] {
  const summary = forecastSummary(f);
  const names = [...f.shape.areas, "England"];
  const weekly: SheetData = {
    name: "Weekly",
    columns: [{ header: "week", format: "count" }, { header: "week_start", format: "date" }, { header: "area", format: "text" }, ...WEEKLY_METRICS.map((m) => ({ header: m, format: metricFormat(m) }))],
    rows: Array.from({ length: f.shape.weeks }, (_, w) => names.map((name, row) =>
      [w + 1, new Date(`${addDays(f.scenario.startDate, w * 7)}T00:00:00Z`), name, ...WEEKLY_METRICS.map((m) => weeklyBand(f, w, row, m)[2]!)])).flat(),
  };
  const areaResults: SheetData = {
    name: "Area results",
    columns: [{ header: "area", format: "text" }, ...SUMMARY_METRICS.map((m) => ({ header: metricLabel(m), format: metricFormat(m) }))],
    rows: [...summary.areas, summary.national].map((r) => [r.name, ...SUMMARY_METRICS.map((m) => r.metrics[m].mean)]),
  };
  const national = SUMMARY_METRICS.map((m): [string, ReturnType<typeof as>] => [`England: ${metricLabel(m)} (mean)`, as(summary.national.metrics[m].mean, metricFormat(m))]);
  return [pairsSheet("Summary", [...runPairs(f), ...national]), weekly, areaResults, areasSheet(f.scenario), parametersSheet([f.scenario])];
}

/** A back-test's sheets: the forecast's, with the observations set against it and the fit per measure. */
export function backtestSheets(f: Forecast, b: Backtest): SheetData[] {
  const [summary, ...rest] = forecastSheets(f);
  const fit: SheetData = {
    name: "Fit",
    columns: [{ header: "metric", format: "text" }, { header: "observations", format: "count" }, { header: "MAPE of the median", format: "pct" }, { header: "inside the 90% band", format: "pct" }],
    rows: b.fits.map((x) => [x.metric, x.observations, x.mape, x.coverage]),
  };
  const observations: SheetData = {
    name: "Observations",
    columns: [{ header: "date", format: "date" }, { header: "week", format: "count" }, { header: "metric", format: "text" }, { header: "observed", format: "number" }, { header: "median", format: "number" },
      { header: "p5", format: "number" }, { header: "p95", format: "number" }, { header: "absolute % error", format: "share" }, { header: "inside band", format: "text" }, { header: "source", format: "text" }],
    rows: b.rows.map((r) => [new Date(`${r.date}T00:00:00Z`), r.week, r.metric, r.value, r.median, r.p5, r.p95, r.absolutePercentageError, r.withinBand, r.source]),
  };
  return [summary!, fit, observations, ...rest];
}
