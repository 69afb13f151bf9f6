import { BAND_QUANTILES, type Forecast } from "../experiment/index.js";
import { addDays, WEEKLY_METRICS, weeklyOffset } from "../model/index.js";

/** Tidy weekly output: one row per week × area × metric with median, p5, p25, p75, p95. */
export function weeklyCsv(f: Forecast): string {
  const lines = ["week,week_start,area,metric,median,p5,p25,p75,p95"];
  const names = [...f.shape.areas, "England"];
  const q = BAND_QUANTILES.length;
  for (let w = 0; w < f.shape.weeks; w++) {
    const date = addDays(f.scenario.startDate, w * 7);
    names.forEach((name, row) => {
      WEEKLY_METRICS.forEach((metric, m) => {
        const cell = weeklyOffset(f.shape, w, row, m) * q;
        const v = (i: number): string => number(f.bands[cell + i]!);
        lines.push(`${w + 1},${date},${csvField(name)},${metric},${v(2)},${v(0)},${v(1)},${v(3)},${v(4)}`);
      });
    });
  }
  return lines.join("\n") + "\n";
}

function number(x: number): string {
  return Number.isNaN(x) ? "" : String(Math.round(x * 1e4) / 1e4);
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
