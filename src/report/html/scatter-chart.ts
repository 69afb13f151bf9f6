import { extent } from "d3-array";
import { scaleLinear } from "d3-scale";
import { escapeHtml } from "./escape-html.js";

/** One point of a scatter chart. */
export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly highlight: boolean;
}

/** An SVG scatter chart, highlighted points in red with their labels (a Pareto frontier, say). */
export function scatterChart(points: readonly ScatterPoint[], o: { title: string; xLabel: string; yLabel: string; width?: number; height?: number }): string {
  const width = o.width ?? 640, height = o.height ?? 360, m = { top: 28, right: 16, bottom: 40, left: 64 };
  const [x0 = 0, x1 = 1] = extent(points, (p) => p.x), [y0 = 0, y1 = 1] = extent(points, (p) => p.y);
  const x = scaleLinear().domain([x0, x1 > x0 ? x1 : x0 + 1]).nice().range([m.left, width - m.right]);
  const y = scaleLinear().domain([y0, y1 > y0 ? y1 : y0 + 1]).nice().range([height - m.bottom, m.top]);
  const dots = points.map((p) => `<circle cx="${x(p.x)}" cy="${y(p.y)}" r="${p.highlight ? 5 : 3.5}" fill="${p.highlight ? "#d62728" : "#9ecae1"}"><title>${escapeHtml(p.label)}</title></circle>${p.highlight ? labelAt(x(p.x), y(p.y), p.label, width) : ""}`);
  const xTicks = x.ticks(6).map((t) => `<g transform="translate(${x(t)},${height - m.bottom})"><line y2="4" stroke="#555"/><text y="16" text-anchor="middle">${t.toLocaleString("en-GB")}</text></g>`);
  const yTicks = y.ticks(6).map((t) => `<g transform="translate(${m.left},${y(t)})"><line x2="${width - m.left - m.right}" stroke="#e4e4e4"/><text x="-6" dy="0.32em" text-anchor="end">${t.toLocaleString("en-GB")}</text></g>`);
  return `<svg class="scatter-chart" role="img" aria-label="${escapeHtml(o.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" font-family="sans-serif">
<text x="${m.left}" y="16" font-weight="bold" font-size="13">${escapeHtml(o.title)}</text>
${yTicks.join("")}${xTicks.join("")}${dots.join("")}
<text x="${(width + m.left) / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(o.xLabel)}</text>
<text transform="translate(14,${(height + m.top - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(o.yLabel)}</text>
</svg>`;
}

/** A point's label beside it, on its left when the point is in the right third so it stays in the chart. */
function labelAt(px: number, py: number, text: string, width: number): string {
  const left = px > (2 * width) / 3;
  return `<text x="${left ? px - 7 : px + 7}" y="${py - 6}" font-size="10"${left ? ' text-anchor="end"' : ""}>${escapeHtml(text)}</text>`;
}
