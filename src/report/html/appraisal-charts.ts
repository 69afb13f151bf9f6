import { bin, max, min } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import type { AppraisalSummary } from "../../experiment/index.js";
import { PAYER_LABELS } from "../appraisal-text.js";
import { appraisalBandWords } from "../appraisal-conventions.js";
import { fmt, money, percent } from "../number-format.js";
import { escapeHtml } from "./escape-html.js";
import { fanChart } from "./fan-chart.js";

/** Money short enough for an axis: £1.5m, £250k, −£3m. */
function shortMoney(v: number): string {
  const a = Math.abs(v), sign = v < 0 ? "−" : "";
  if (a >= 1e6) return `${sign}£${fmt(a / 1e6, a >= 1e7 || a % 1e6 === 0 ? 0 : 1)}m`;
  if (a >= 1e3) return `${sign}£${fmt(a / 1e3, 0)}k`;
  return `${sign}£${fmt(a, 0)}`;
}

/** The cumulative discounted net saving by week, with its 50% and 90% bands and the median break-even week marked. */
export function cumulativeNetChart(s: AppraisalSummary): string {
  const week = s.breakEven.medianWeek;
  return fanChart(s.cumulativeNet, {
    title: "Cumulative discounted net saving, all payers (£)", yLabel: "£ (present value)", width: 900, height: 280,
    bandContent: appraisalBandWords(s.posterior), yTickFormat: shortMoney,
    markers: week === null ? [] : [{ index: week, label: `break-even (median): week ${fmt(week, 1)}` }],
  });
}

/** The distribution of total NPV across replications: bars above zero (a saving) shaded, with P(saving) in the title. */
export function npvHistogram(s: AppraisalSummary): string {
  const width = 900, height = 240, m = { top: 30, right: 16, bottom: 34, left: 52 };
  const lo = min(s.npvs) ?? 0, hi = max(s.npvs) ?? 1;
  const x = scaleLinear().domain([Math.min(0, lo), Math.max(0, hi > lo ? hi : lo + 1)]).nice().range([m.left, width - m.right]);
  const bins = bin().domain(x.domain() as [number, number]).thresholds(x.ticks(20))([...s.npvs]);
  const y = scaleLinear().domain([0, max(bins, (b) => b.length) ?? 1]).nice().range([height - m.bottom, m.top]);
  const title = `Total NPV across ${s.npvs.length} replications: P(saving) ${percent(s.pSaving.p)}`;
  const bars = bins.map((b) => {
    const x0 = x(b.x0!), x1 = x(b.x1!), saving = b.x0! >= 0;
    return `<rect class="${saving ? "saving" : "loss"}" x="${x0 + 0.5}" y="${y(b.length)}" width="${Math.max(0, x1 - x0 - 1)}" height="${y(0) - y(b.length)}" fill="${saving ? "#41ab5d" : "#bdbdbd"}"><title>${escapeHtml(`${money(b.x0!)} to ${money(b.x1!)}: ${b.length}`)}</title></rect>`;
  });
  const xTicks = x.ticks(8).map((t) => `<g transform="translate(${x(t)},${height - m.bottom})"><line y2="4" stroke="#555"/><text y="16" text-anchor="middle">${escapeHtml(shortMoney(t))}</text></g>`);
  const yTicks = y.ticks(4).filter(Number.isInteger).map((t) => `<g transform="translate(${m.left},${y(t)})"><line x2="${width - m.left - m.right}" stroke="#e4e4e4"/><text x="-6" dy="0.32em" text-anchor="end">${t}</text></g>`);
  return `<svg class="npv-histogram" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" font-family="sans-serif">
<title>${escapeHtml(`${title} (${appraisalBandWords(s.posterior)})`)}</title>
<text x="${m.left}" y="16" font-weight="bold" font-size="13">${escapeHtml(title)}</text>
${yTicks.join("")}
${bars.join("")}
<line x1="${x(0)}" x2="${x(0)}" y1="${m.top}" y2="${height - m.bottom}" stroke="#333"/>
${xTicks.join("")}
<text x="4" y="${height - 2}" font-size="10" fill="#555">green: replications that save money; count of replications on the left</text>
</svg>`;
}

/** Costs (left, below zero) and savings (right) by payer, means across replications, as diverging bars. */
export function payerBars(s: AppraisalSummary): string {
  const rows = s.payers.filter((p) => p.payer !== "total");
  const width = 900, m = { top: 30, right: 24, bottom: 34, left: 170 }, height = m.top + m.bottom + 26 * Math.max(1, rows.length);
  const extent = max(rows, (p) => Math.max(p.costs.mean, p.savings.mean)) ?? 1;
  const x = scaleLinear().domain([-extent, extent > 0 ? extent : 1]).nice().range([m.left, width - m.right]);
  const y = scaleBand().domain(rows.map((p) => p.payer)).range([m.top, height - m.bottom]).padding(0.25);
  const bars = rows.map((p) => {
    const top = y(p.payer)!, h = y.bandwidth(), label = PAYER_LABELS[p.payer];
    return `<g class="payer"><text x="${m.left - 8}" y="${top + h / 2}" dy="0.32em" text-anchor="end">${escapeHtml(label)}</text>
<rect class="cost" x="${x(-p.costs.mean)}" y="${top}" width="${x(0) - x(-p.costs.mean)}" height="${h}" fill="#ef6548"><title>${escapeHtml(`${label}: costs ${money(p.costs.mean)}`)}</title></rect>
<rect class="saving" x="${x(0)}" y="${top}" width="${x(p.savings.mean) - x(0)}" height="${h}" fill="#41ab5d"><title>${escapeHtml(`${label}: savings ${money(p.savings.mean)}`)}</title></rect></g>`;
  });
  const xTicks = x.ticks(8).map((t) => `<g transform="translate(${x(t)},${height - m.bottom})"><line y2="4" stroke="#555"/><text y="16" text-anchor="middle">${escapeHtml(shortMoney(Math.abs(t)))}</text></g>`);
  const title = "Costs (left) and savings (right) by payer, present value, mean across replications";
  return `<svg class="payer-bars" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" font-family="sans-serif">
<text x="${m.left}" y="16" font-weight="bold" font-size="13">${escapeHtml(title)}</text>
${bars.join("\n")}
<line x1="${x(0)}" x2="${x(0)}" y1="${m.top}" y2="${height - m.bottom}" stroke="#333"/>
${xTicks.join("")}
</svg>`;
}
