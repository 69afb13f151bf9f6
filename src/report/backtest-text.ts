import type { Backtest } from "../experiment/index.js";
import { bandCaption } from "./band-caption.js";
import { csvText } from "./csv-line.js";
import { band, fmt, observedDecimals as decimals } from "./number-format.js";
import { textTable } from "./text-table.js";
import { wrapText } from "./wrap-text.js";

/** A back-test as text: each observation against the forecast's median and 90% band, then the fit per metric. */
export function backtestText(b: Backtest, title: string): string {
  const rows = b.rows.map((r) => [
    r.date, r.metric, fmt(r.value, decimals(r.metric)), band(r.median, r.p5, r.p95, decimals(r.metric)),
    `${fmt(100 * r.absolutePercentageError, 0)}%`, r.withinBand ? "yes" : "NO", r.source,
  ]);
  const fits = b.fits.map((f) => [f.metric, String(f.observations), `${fmt(f.mape, 1)}%`, `${fmt(f.coverage, 0)}%`]);
  return [
    title,
    "",
    ...wrapText(`Forecast: ${bandCaption(b.bandContent)}.`),
    textTable(["date", "measure", "observed", "forecast median (90% band)", "error", "in band", "source"], rows,
      ["left", "left", "right", "right", "right", "left", "left"]),
    "",
    textTable(["measure", "observations", "MAPE", "in 90% band"], fits, ["left", "right", "right", "right"]),
  ].join("\n");
}

/** A back-test as tidy CSV. */
export function backtestCsv(b: Backtest): string {
  const lines = ["date,week,metric,observed,median,p5,p95,ape,within_band,source"];
  for (const r of b.rows) lines.push([r.date, r.week, r.metric, r.value, r.median, r.p5, r.p95, Math.round(r.absolutePercentageError * 1e4) / 1e4, r.withinBand, csvText(r.source)].join(","));
  return lines.join("\n") + "\n";
}
