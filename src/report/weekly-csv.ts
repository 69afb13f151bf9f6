import { BAND_QUANTILES, type Forecast } from "../experiment/index.js";
import { addDays, WEEKLY_METRICS, weeklyOffset } from "../model/index.js";
import { csvNumber } from "./csv-line.js";

/**
 * Tidy weekly output: one row per week × area × metric with median, p5, p25, p75, p95 and what the
 * band holds, as a short code ("simulation-noise": fixed parameters; "simulation-and-parameter":
 * parameters drawn from a posterior), so the column costs little in a file of a million rows.
 */
export function weeklyCsv(f: Forecast): string {
  const lines = ["week,week_start,area,metric,median,p5,p25,p75,p95,band_content"];
  const names = [...f.shape.areas, "England"].map(csvField), content = f.bandContent;
  const q = BAND_QUANTILES.length;
  for (let w = 0; w < f.shape.weeks; w++) {
    const date = addDays(f.scenario.startDate, w * 7);
    names.forEach((name, row) => {
      WEEKLY_METRICS.forEach((metric, m) => {
        const cell = weeklyOffset(f.shape, w, row, m) * q;
        const v = (i: number): string => csvNumber(f.bands[cell + i]);
        lines.push(`${w + 1},${date},${name},${metric},${v(2)},${v(0)},${v(1)},${v(3)},${v(4)},${content}`);
      });
    });
  }
  return lines.join("\n") + "\n";
}

/** Quoted only when it must be, so area names without commas stay bare (as weekly.csv has always written them). */
function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
