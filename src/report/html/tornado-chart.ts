import { max, min } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import type { TornadoRow } from "../../experiment/index.js";
import { money } from "../number-format.js";
import { escapeHtml } from "./escape-html.js";

/** An SVG tornado chart: one bar per input from its NPV at the low end to its NPV at the high end, around the base NPV. */
export function tornadoChart(rows: readonly TornadoRow[], baseNpv: number, title: string): string {
  const width = 900, m = { top: 30, right: 24, bottom: 34, left: 290 }, height = m.top + m.bottom + 22 * Math.max(1, rows.length);
  const lo = min([baseNpv, ...rows.flatMap((r) => [r.npvLow, r.npvHigh])]) ?? 0, hi = max([baseNpv, ...rows.flatMap((r) => [r.npvLow, r.npvHigh])]) ?? 1;
  const x = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).nice().range([m.left, width - m.right]);
  const y = scaleBand().domain(rows.map((r) => r.input)).range([m.top, height - m.bottom]).padding(0.25);
  const bar = (r: TornadoRow, value: number, fill: string, end: string): string => {
    const x0 = Math.min(x(baseNpv), x(value)), w = Math.abs(x(value) - x(baseNpv));
    return `<rect x="${x0}" y="${y(r.input)}" width="${w}" height="${y.bandwidth()}" fill="${fill}"><title>${escapeHtml(`${r.input} at ${end} (${r.kind === "model" ? "re-run" : "re-costed"}): NPV ${money(value)}`)}</title></rect>`;
  };
  const bars = rows.map((r) => `${bar(r, r.npvLow, "#9ecae1", `low ${r.low}`)}${bar(r, r.npvHigh, "#3182bd", `high ${r.high}`)}<text x="${m.left - 8}" y="${y(r.input)! + y.bandwidth() / 2}" dy="0.32em" text-anchor="end">${escapeHtml(r.input)}</text>`);
  const ticks = x.ticks(6).map((t) => `<g transform="translate(${x(t)},${height - m.bottom})"><line y1="${m.top - height + m.bottom}" stroke="#e4e4e4"/><text y="16" text-anchor="middle">${escapeHtml(money(t))}</text></g>`);
  return `<svg class="tornado-chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" font-family="sans-serif">
<text x="${m.left}" y="16" font-weight="bold" font-size="13">${escapeHtml(title)}</text>
${ticks.join("")}${bars.join("")}
<line x1="${x(baseNpv)}" x2="${x(baseNpv)}" y1="${m.top - 4}" y2="${height - m.bottom}" stroke="#d62728"/>
<text x="${(width + m.left) / 2}" y="${height - 4}" text-anchor="middle">mean total NPV (light: input at its low end; dark: high end; red line: base)</text>
</svg>`;
}
