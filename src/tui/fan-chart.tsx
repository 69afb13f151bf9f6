import type { ChalkInstance } from "chalk";
import { BAND_CONTENT_WORDS, type BandContent } from "../experiment/index.js";
import { axisRange, compactNumber, FAN_CHARS, fanChartRows, type TextFan } from "../report/index.js";
import { maxOf, minOf, weekLabel } from "./view-model.js";

const GUTTER = 6;

/** Paints a chart row run by run: the median line bright, the 50% band blue, the 90% band grey. */
export function paintRow(paint: ChalkInstance, row: string): string {
  return row.replace(/(.)\1*/gu, (run) => {
    switch (run[0]) {
      case FAN_CHARS.median: return paint.cyanBright(run);
      case FAN_CHARS.inner: return paint.blue(run);
      case FAN_CHARS.outer: return paint.gray(run);
      default: return run;
    }
  });
}

/** A fan chart's lines: `height` plot rows, an axis and a date row, `width` columns with a 6-column value gutter. */
export function fanChartLines(paint: ChalkInstance, fan: TextFan, weeks: number, width: number, height: number, startDate: string): string[] {
  const plotWidth = Math.max(10, width - GUTTER), { min, max } = axisRange(minOf(fan.p5), maxOf(fan.p95));
  const label = (r: number): string => (r === 0 ? compactNumber(max) : r === Math.floor(height / 2) && height >= 4 ? compactNumber((min + max) / 2) : "");
  const first = weekLabel(startDate, 0), last = weekLabel(startDate, weeks - 1);
  return [
    ...fanChartRows(fan, weeks, plotWidth, height, max, min).map((row, r) => paint.dim(`${label(r).padStart(GUTTER - 1)}│`) + paintRow(paint, row)),
    paint.dim(`${compactNumber(min).padStart(GUTTER - 1)}└${"─".repeat(plotWidth)}`),
    paint.dim(`${" ".repeat(GUTTER)}${first}${last.padStart(plotWidth - first.length)}`),
  ];
}

/** The legend that explains a fan chart's characters and says what its bands hold (79 columns today). */
export function fanLegend(paint: ChalkInstance, content: BandContent): string {
  return `${paint.cyanBright(FAN_CHARS.median)} median ${paint.blue(FAN_CHARS.inner)} 50% ${paint.gray(FAN_CHARS.outer)} 90% of replications · ${BAND_CONTENT_WORDS[content]}`;
}
