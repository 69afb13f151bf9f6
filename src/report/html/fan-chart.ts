import { extent } from "d3-array";
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
import type { WeeklyQuantiles } from "../../experiment/index.js";
import { escapeHtml } from "./escape-html.js";

/** A weekly series across replications: the 5/25/50/75/95% quantiles for each week (the experiment layer's own shape). */
export type FanSeries = WeeklyQuantiles;

/** Size and labels of a chart. */
export interface ChartOptions {
  readonly title: string;
  readonly yLabel: string;
  /** What the bands hold ("simulation noise only (fixed parameters)"), written in the chart's legend. */
  readonly bandContent: string;
  readonly width?: number;
  readonly height?: number;
  /** Optional observed points (week, value), drawn as dots. */
  readonly observed?: readonly (readonly [number, number])[];
  /** How the y axis writes its values (default: grouped digits). */
  readonly yTickFormat?: (value: number) => string;
  /** Optional vertical markers at a series index (0-based, as the quantile arrays), each labelled. */
  readonly markers?: readonly { readonly index: number; readonly label: string }[];
}

const MARGIN = { top: 28, right: 12, bottom: 30, left: 52 };

/** An SVG fan chart: the 90% band, the 50% band and the median line, with axes and a legend line saying what the bands hold. */
export function fanChart(series: FanSeries, o: ChartOptions): string {
  const width = o.width ?? 640, height = o.height ?? 240;
  const weeks = series.median.length;
  const x = scaleLinear().domain([1, Math.max(2, weeks)]).range([MARGIN.left, width - MARGIN.right]);
  const values = [...series.p5, ...series.p95, ...(o.observed ?? []).map(([, v]) => v)].filter(Number.isFinite);
  const [lo = 0, hi = 1] = extent(values);
  const y = scaleLinear().domain([Math.min(0, lo), hi > lo ? hi : lo + 1]).nice().range([height - MARGIN.bottom, MARGIN.top]);
  const at = (i: number): number => x(i + 1);
  const band = (low: readonly number[], high: readonly number[]): string =>
    area<number>().x((i) => at(i)).y0((i) => y(low[i]!)).y1((i) => y(high[i]!))(series.median.map((_, i) => i)) ?? "";
  const medianPath = line<number>().x((i) => at(i)).y((i) => y(series.median[i]!))(series.median.map((_, i) => i)) ?? "";
  const xTicks = x.ticks(Math.min(10, weeks)).map((t) => `<g transform="translate(${x(t)},${height - MARGIN.bottom})"><line y2="4" stroke="#555"/><text y="16" text-anchor="middle">${t}</text></g>`);
  const yTicks = y.ticks(5).map((t) => `<g transform="translate(${MARGIN.left},${y(t)})"><line x2="${width - MARGIN.left - MARGIN.right}" stroke="#e4e4e4"/><text x="-6" dy="0.32em" text-anchor="end">${escapeHtml(o.yTickFormat === undefined ? t.toLocaleString("en-GB") : o.yTickFormat(t))}</text></g>`);
  const dots = (o.observed ?? []).map(([w, v]) => `<circle class="observed" cx="${x(w)}" cy="${y(v)}" r="4"/>`);
  const markers = (o.markers ?? []).map((m) => `<g class="marker"><line x1="${at(m.index)}" x2="${at(m.index)}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}" stroke="#b30000" stroke-dasharray="4 3"/><text x="${at(m.index) + 4}" y="${MARGIN.top + 10}" fill="#b30000">${escapeHtml(m.label)}</text></g>`);
  return `<svg class="fan-chart" role="img" aria-label="${escapeHtml(o.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" font-family="sans-serif">
<title>${escapeHtml(`${o.title} (median, 50% and 90% bands across replications: ${o.bandContent})`)}</title>
<text x="${MARGIN.left}" y="16" font-weight="bold" font-size="13">${escapeHtml(o.title)}</text>
${yTicks.join("")}
<path class="band-90" d="${band(series.p5, series.p95)}" fill="#c6dbef"/>
<path class="band-50" d="${band(series.p25, series.p75)}" fill="#6baed6"/>
<path class="median" d="${medianPath}" fill="none" stroke="#08306b" stroke-width="2"/>
${dots.join("")}
${markers.join("")}
${xTicks.join("")}
<text class="band-content" x="4" y="${height - 2}" font-size="10" fill="#555">bands: ${escapeHtml(o.bandContent)}</text>
<text x="${width - MARGIN.right}" y="${height - 2}" text-anchor="end">week</text>
<text transform="translate(12,${(height + MARGIN.top - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(o.yLabel)}</text>
</svg>`;
}
