import { splitCsvLine } from "../csv-line.js";
import type { FanSeries } from "./fan-chart.js";

/** Weekly fan series by area and metric, read back from a run's tidy weekly.csv. */
export type WeeklySeries = ReadonlyMap<string, ReadonlyMap<string, FanSeries>>;

/** Parses weekly.csv (week, week_start, area, metric, median, p5, p25, p75, p95) into series. */
export function parseWeeklyCsv(text: string): WeeklySeries {
  const out = new Map<string, Map<string, { p5: number[]; p25: number[]; median: number[]; p75: number[]; p95: number[] }>>();
  for (const line of text.split("\n").slice(1)) {
    if (line.trim() === "") continue;
    const [week, , area, metric, median, p5, p25, p75, p95] = splitCsvLine(line);
    const byMetric = out.get(area!) ?? out.set(area!, new Map()).get(area!)!;
    const s = byMetric.get(metric!) ?? byMetric.set(metric!, { p5: [], p25: [], median: [], p75: [], p95: [] }).get(metric!)!;
    const w = Number(week) - 1, num = (v: string | undefined): number => (v === undefined || v === "" ? NaN : Number(v));
    s.median[w] = num(median); s.p5[w] = num(p5); s.p25[w] = num(p25); s.p75[w] = num(p75); s.p95[w] = num(p95);
  }
  return out;
}
