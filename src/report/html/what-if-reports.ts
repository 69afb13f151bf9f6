import type { Comparison, SweepResult } from "../../experiment/index.js";
import { fmt, percent } from "../number-format.js";
import { metricLabel } from "../metric-labels.js";
import { infeasibility, recommendation, sweepColumns } from "../sweep-text.js";
import { escapeHtml } from "./escape-html.js";
import { htmlPage, htmlTable } from "./html-page.js";
import { scatterChart } from "./scatter-chart.js";

/** A comparison as a self-contained HTML page. */
export function comparisonHtml(c: Comparison): string {
  const [first, ...others] = c.scenarios;
  const header = ["measure (national)", ...c.scenarios.map((s) => `${s} mean`), ...others.map((s) => `${s} − ${first} (95% CI)`)];
  const rows = c.rows.map((row) => [
    metricLabel(row.metric), ...row.cells.map((cell) => fmt(cell.mean, 1)),
    ...row.cells.slice(1).map((cell) => `${fmt(cell.difference!.mean, 1)} (${fmt(cell.difference!.lower, 1)} to ${fmt(cell.difference!.upper, 1)})${cell.difference!.significant ? " *" : ""}`),
  ]);
  return htmlPage(`hubsim compare: ${c.scenarios.join(" vs ")}`, `<h1>hubsim compare: ${escapeHtml(c.scenarios.join(" vs "))}</h1>
<p>${c.replications} replications each on common random numbers (seed ${c.seed}). * = the 95% confidence interval of the paired difference excludes zero.</p>
${htmlTable("comparison", header, rows, (i) => i > 0)}`);
}

/** A sweep as a self-contained HTML page: the objectives scatter with the Pareto frontier, the recommendation (or why nothing is feasible) and every point. */
export function sweepHtml(r: SweepResult): string {
  const [ox, oy] = r.objectives;
  const paths = Object.keys(r.rows[0]?.point.values ?? {});
  const onFront = new Set(r.frontier);
  const value = (x: number | undefined): number => (x === undefined || Number.isNaN(x) ? 0 : x);
  const label = (i: number): string => paths.map((p) => `${p.split(".").at(-1)}=${r.rows[i]!.point.values[p]}`).join(", ");
  const chart = scatterChart(r.rows.map((row, i) => ({ x: value(row.objectives[0]), y: value(row.objectives[1]), label: label(i), highlight: onFront.has(i) })),
    { title: `Pareto frontier: ${ox} vs ${oy} (both minimised)`, xLabel: ox!, yLabel: oy!, width: 900, height: 420 });
  const metrics = sweepColumns(r);
  const rows = r.rows.map((row) => [
    String(row.point.index), ...paths.map((p) => String(row.point.values[p])), ...row.objectives.map((v) => fmt(v, 1)), ...metrics.map((m) => fmt(row.means[m], 1)),
    ...row.constraints.map((c) => percent(c.p)), ...(r.constraints.length > 0 ? [row.feasible ? "yes" : "no"] : []),
  ]);
  const constraints = r.constraints.length === 0 ? "" : `<p>Constraints, each to hold in at least ${percent(r.confidence)} of replications: ${r.constraints.map((c, i) => `c${i + 1} <code>${escapeHtml(c)}</code>`).join("; ")}. The frontier is drawn from the feasible points.</p>`;
  return htmlPage(`hubsim sweep: ${r.base}`, `<h1>hubsim sweep: ${escapeHtml(r.base)}</h1>
<p>${r.rows.length} points × ${r.replications} replications on common random numbers (seed ${r.seed}). Frontier points in red and bold.</p>
${constraints}
${chart}
<pre>${escapeHtml(r.frontier.length > 0 ? recommendation(r) : infeasibility(r))}</pre>
${htmlTable("sweep", ["#", ...paths, ...r.objectives, ...metrics.map(metricLabel), ...r.constraints.map((_, i) => `c${i + 1} met`), ...(r.constraints.length > 0 ? ["feasible"] : [])], rows, (i) => i === 0 || i > paths.length, (j) => (onFront.has(j) ? "frontier" : ""))}`);
}
