import { join } from "node:path";
import { forecastSummary, type Backtest, type Forecast } from "../experiment/index.js";
import { forecastText, htmlReport, parseWeeklyCsv, transitionsCsv, weeklyCsv, type ReportInput } from "../report/index.js";
import type { Io } from "./context.js";
import type { Outputs } from "./outputs.js";
import { packageInfo } from "./package-info.js";
import { runRecord } from "./run-record.js";

/** The default scenario: scenarios/baseline.json in the package. */
export const defaultScenario = (): string => join(packageInfo().root, "scenarios", "baseline.json");

/**
 * Prints a finished forecast's summary; with --out writes weekly.csv, transitions.csv, summary.json and run.json,
 * and with --html the HTML report (with the back-test section when one is given).
 */
export function reportForecast(result: Forecast, file: string, options: { json?: boolean }, outputs: Outputs, io: Io, started: Date, backtest?: Backtest): void {
  const summary = forecastSummary(result);
  if (backtest === undefined) io.out(options.json ? JSON.stringify(summary, null, 2) : forecastText(summary));
  if (outputs.dir === undefined && outputs.html === undefined) return;
  const record = runRecord({ scenario: result.scenario, scenarioFile: file, seed: result.plan.seed, replications: result.plan.replications, command: io.argv ?? [], started, finished: new Date(), ...(result.plan.posterior === undefined ? {} : { posterior: result.plan.posterior }) });
  const weekly = weeklyCsv(result);
  if (outputs.dir !== undefined) {
    const written = outputs.dir.write({
      "weekly.csv": weekly,
      "transitions.csv": transitionsCsv(result),
      "summary.json": JSON.stringify(summary, null, 2) + "\n",
      "run.json": JSON.stringify(record, null, 2) + "\n",
    });
    if (!options.json) io.err(`wrote ${written.join(", ")}`);
  }
  if (outputs.html !== undefined) {
    const html = htmlReport({ summary, weekly: parseWeeklyCsv(weekly), record: record as unknown as ReportInput["record"], ...(backtest === undefined ? {} : { backtest }) });
    io.err(`wrote ${outputs.html.write(html)}`);
  }
}
