import { splitCsvLine } from "../csv-line.js";
import type { FanSeries } from "./fan-chart.js";

/** Weekly fan series by area and metric, read back from a run's tidy weekly.csv. */
export type WeeklySeries = ReadonlyMap<string, ReadonlyMap<string, FanSeries>>;

const COLUMNS = ["week", "area", "metric", "median", "p5", "p25", "p75", "p95"] as const;

/**
 * Parses weekly.csv into series, finding its columns by the header (week, area, metric, median, p5,
 * p25, p75, p95; others such as week_start and band_content are ignored), so files written before
 * band_content was added read the same.
 */
export function parseWeeklyCsv(text: string): WeeklySeries {
  const [head = "", ...rows] = text.split("\n");
  const header = splitCsvLine(head), at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) throw new Error(`weekly.csv has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}`);
  const out = new Map<string, Map<string, { p5: number[]; p25: number[]; median: number[]; p75: number[]; p95: number[] }>>();
  for (const line of rows) {
    if (line.trim() === "") continue;
    const cells = splitCsvLine(line), area = cells[at.area]!, metric = cells[at.metric]!;
    const byMetric = out.get(area) ?? out.set(area, new Map()).get(area)!;
    const s = byMetric.get(metric) ?? byMetric.set(metric, { p5: [], p25: [], median: [], p75: [], p95: [] }).get(metric)!;
    const w = Number(cells[at.week]) - 1, num = (i: number): number => (cells[i] === undefined || cells[i] === "" ? NaN : Number(cells[i]));
    s.median[w] = num(at.median); s.p5[w] = num(at.p5); s.p25[w] = num(at.p25); s.p75[w] = num(at.p75); s.p95[w] = num(at.p95);
  }
  return out;
}
