import { bin, max } from "d3-array";
import { scaleLinear } from "d3-scale";
import { BAND_CONTENT_WORDS, compareWis, priorDensity, type HoldoutScore } from "../../experiment/index.js";
import type { PriorDistribution } from "../../model/index.js";
import { fmt, wholePercent as pct } from "../number-format.js";
import { escapeHtml } from "./escape-html.js";
import { fanChart, type FanSeries } from "./fan-chart.js";
import { htmlPage, htmlTable } from "./html-page.js";
import { wisVerdict } from "../wis-verdict.js";

/** What a calibration page shows: each parameter's prior and weighted posterior sample, the generations, and optionally a hold-out score. */
export interface CalibrationPage {
  readonly title: string;
  readonly parameters: readonly { readonly label: string; readonly source: string; readonly prior: PriorDistribution; readonly values: readonly number[]; readonly weights: readonly number[] }[];
  readonly generations: readonly { readonly index: number; readonly tolerance: number | null; readonly simulated: number; readonly acceptanceRate: number; readonly ess: number }[];
  /** Hold-out scores of the calibrated and fixed-input (uncalibrated) forecasts, and of the prior predictive when run. */
  readonly holdout?: { readonly calibrated: HoldoutScore; readonly uncalibrated: HoldoutScore; readonly prior?: HoldoutScore | undefined };
  /** Fitted series to draw: each forecast's fan of a national measure, with every observation of it (fitted and held out). */
  readonly series?: readonly { readonly title: string; readonly yLabel: string; readonly fan: FanSeries; readonly bandContent: string; readonly observed: readonly (readonly [number, number])[] }[];
}

/** An SVG histogram of a weighted sample (blue) over the prior's density (grey), both scaled to the same area. */
export function posteriorHistogram(label: string, prior: PriorDistribution, values: readonly number[], weights: readonly number[]): string {
  const width = 340, height = 170, m = { top: 22, right: 10, bottom: 30, left: 10 };
  const [lo, hi] = prior.kind === "uniform" ? [prior.min, prior.max] : [Math.min(...values), Math.max(...values)];
  const x = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).nice().range([m.left, width - m.right]);
  // d3's bin can end with an empty-width bin at the upper edge; a density needs widths.
  const bins = bin().domain(x.domain() as [number, number]).thresholds(x.ticks(20))([]).filter((b) => b.x1! > b.x0!);
  // Weighted density per bin: each particle's weight in the bin holding its value (the last bin includes its upper edge).
  const mass = bins.map(() => 0);
  values.forEach((v, i) => {
    const k = bins.findIndex((b, j) => v >= b.x0! && (v < b.x1! || j === bins.length - 1));
    if (k >= 0) mass[k]! += weights[i]!;
  });
  bins.forEach((b, k) => (mass[k] = mass[k]! / Math.max(1e-12, b.x1! - b.x0!)));
  const grid = Array.from({ length: 81 }, (_, i) => x.domain()[0]! + (i / 80) * (x.domain()[1]! - x.domain()[0]!));
  const density = grid.map((g) => priorDensity(prior, g));
  const y = scaleLinear().domain([0, (max([...mass, ...density]) ?? 1) * 1.05 || 1]).range([height - m.bottom, m.top]);
  const bars = bins.map((b, i) => `<rect x="${x(b.x0!)}" y="${y(mass[i]!)}" width="${Math.max(0, x(b.x1!) - x(b.x0!) - 1)}" height="${y(0) - y(mass[i]!)}" fill="#6baed6"/>`).join("");
  const line = density.map((d, i) => `${i === 0 ? "M" : "L"}${x(grid[i]!).toFixed(1)},${y(d).toFixed(1)}`).join("");
  const ticks = x.ticks(5).map((t) => `<text x="${x(t)}" y="${height - 12}" text-anchor="middle">${escapeHtml(fmt(t, Math.abs(t) < 10 ? 2 : 0))}</text>`).join("");
  return `<svg class="posterior" role="img" aria-label="${escapeHtml(`${label}: posterior (bars) over prior (line)`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="10" font-family="sans-serif">
<text x="${m.left}" y="13" font-weight="bold">${escapeHtml(label)}</text>${bars}<path d="${line}" fill="none" stroke="#555" stroke-dasharray="4 2"/>
<line x1="${m.left}" x2="${width - m.right}" y1="${y(0)}" y2="${y(0)}" stroke="#999"/>${ticks}</svg>`;
}

/** A self-contained page: prior against posterior for every parameter, how the generations narrowed, and the hold-out scores when there are some. */
export function calibrationHtml(p: CalibrationPage): string {
  const charts = p.parameters.map((q) => posteriorHistogram(q.label, q.prior, q.values, q.weights)).join("");
  const generations = htmlTable("generations", ["generation", "tolerance", "simulated", "accepted", "ESS"],
    p.generations.map((g) => [String(g.index), g.tolerance === null ? "∞ (prior)" : g.tolerance.toPrecision(3), fmt(g.simulated), `${fmt(100 * g.acceptanceRate, 1)}%`, fmt(g.ess)]), (i) => i > 0);
  const sources = htmlTable("priors", ["parameter", "source of the prior"], p.parameters.map((q) => [q.label, q.source]), () => false);
  const holdout = p.holdout === undefined ? "" : holdoutSection(p.holdout.calibrated, p.holdout.uncalibrated, p.holdout.prior);
  return htmlPage(p.title, `<h1>${escapeHtml(p.title)}</h1>
<h2>Prior and posterior</h2>
<p class="legend">Bars: the last generation's weighted particles (the posterior); dashed line: the prior's density, on the same scale.</p>
<div class="grid">${charts}</div>
${sources}
<h2>Generations</h2>
<p>ABC-SMC: each generation keeps the parameter sets whose simulated series come within its tolerance of the observed ones (each error scaled by its spread in generation 0: median absolute deviation plus median distance from the observed value; each measure weighing the same).</p>
${generations}
${holdout}
${(p.series ?? []).length === 0 ? "" : `<h2>Fitted series</h2>\n<p class="legend">Median line, 50% and 90% bands across replications; red dots: every observation, fitted and held out.</p>\n<div class="grid">${p.series!.map((s) => fanChart(s.fan, { title: s.title, yLabel: s.yLabel, bandContent: s.bandContent, observed: s.observed, width: 540 })).join("")}</div>`}`);
}

function holdoutSection(c: HoldoutScore, u: HoldoutScore, prior?: HoldoutScore): string {
  const byGroup = new Map(u.fits.map((f) => [f.group, f]));
  const rows = c.fits.map((f) => {
    const g = byGroup.get(f.group)!;
    return [f.group, String(f.observations), pct(f.coverage50), pct(g.coverage50), pct(f.coverage90), pct(g.coverage90), fmt(f.wis, 2), fmt(g.wis, 2)];
  });
  return `<h2>Hold-out back-test: observations after ${escapeHtml(c.after)}</h2>
<p>Calibrated bands hold ${escapeHtml(BAND_CONTENT_WORDS[c.bandContent])}; fixed-input bands (uncalibrated: the values in the scenario) hold ${escapeHtml(BAND_CONTENT_WORDS[u.bandContent])}. National observations inside the 90% band: ${pct(c.nationalCoverage90)} calibrated, ${pct(u.nationalCoverage90)} with fixed inputs.</p>
${htmlTable("holdout", ["measure", "held out", "in 50% (calibrated)", "in 50% (fixed inputs)", "in 90% (calibrated)", "in 90% (fixed inputs)", "WIS (calibrated)", "WIS (fixed inputs)"], rows, (i) => i > 0)}
<p>${escapeHtml(wisVerdict(compareWis(c, u), "fixed inputs"))}</p>${prior === undefined ? "" : priorSection(c, prior)}`;
}

/** The calibrated forecast against the prior predictive (uncertain inputs drawn from the priors, no calibration). */
function priorSection(c: HoldoutScore, prior: HoldoutScore): string {
  const byGroup = new Map(prior.fits.map((f) => [f.group, f]));
  const rows = c.fits.map((f) => {
    const g = byGroup.get(f.group)!;
    return [f.group, pct(f.coverage90), pct(g.coverage90), fmt(f.wis, 2), fmt(g.wis, 2)];
  });
  return `
<h3>Against the prior predictive</h3>
<p>The same runs with each replication's uncertain inputs drawn from the priors instead of the posterior: what the priors alone forecast. Its bands hold ${escapeHtml(BAND_CONTENT_WORDS[prior.bandContent])}. National observations inside its 90% band: ${pct(prior.nationalCoverage90)}. ${escapeHtml(wisVerdict(compareWis(c, prior), "prior predictive"))}</p>
${htmlTable("holdout-prior", ["measure", "in 90% (calibrated)", "in 90% (prior predictive)", "WIS (calibrated)", "WIS (prior predictive)"], rows, (i) => i > 0)}`;
}
