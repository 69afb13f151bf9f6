import type { Backtest, ForecastSummary, RowSummary } from "../../experiment/index.js";
import { bandCaption } from "../band-caption.js";
import { band, fmt } from "../number-format.js";
import { escapeHtml } from "./escape-html.js";
import { htmlPage } from "./html-page.js";
import { fanChart, type FanSeries } from "./fan-chart.js";
import { parameterTable } from "./parameter-table.js";
import { protocolSection } from "./protocol-section.js";
import { stressDes, type RunRecordView } from "./stress-des.js";
import type { WeeklySeries } from "./weekly-series.js";

/** Everything a run's HTML report shows. */
export interface ReportInput {
  readonly summary: ForecastSummary;
  readonly weekly: WeeklySeries;
  readonly record: RunRecordView & { readonly scenario: { readonly content?: unknown } };
  readonly backtest?: Backtest;
}

/** The national charts, in pairs: each hub measure beside its counterpart for the wait for allocation outside hubs. */
const NATIONAL_CHARTS: readonly (readonly [string, string, string])[] = [
  ["hub_backlog", "Hub backlog, England", "cases held in hubs"],
  ["awaiting_allocation", "Cases waiting for allocation outside hubs, England", "cases awaiting allocation"],
  ["hub_mean_age_weeks", "Time held so far by cases in hubs (hub wait), England", "weeks"],
  ["allocation_wait_mean_weeks", "Time to allocation (mean of the cases allocated each week), England", "weeks"],
  ["avg_caseload", "Average long-term caseload, England", "cases per FCA"],
  ["open_cases", "Open cases, England", "cases"],
  ["fcas_absent", "FCAs absent (sick), England", "FTE"],
];

function series(weekly: WeeklySeries, area: string, metric: string): FanSeries | undefined {
  return weekly.get(area)?.get(metric);
}

function summaryTable(s: ForecastSummary): string {
  const head = ["area", "hub at end (90% band)", "peak", "hub wait (wks)", "p90 hub wait", "forced", "awaiting allocation at end (90% band)",
    "time to allocation (wks)", "p90 time to allocation", "waited 12+ wks", "caseload", "% at or above cap", "vacant %", "sick %", "hub weeks", "children in open cases", "public law over 26 wks %"];
  const row = (r: RowSummary): string => {
    const m = r.metrics, end = r.hubBacklog.at(-1)!, awaiting = r.awaiting.at(-1)!;
    const cells = [band(end.median, end.p5, end.p95), fmt(m.peak_hub_backlog.mean), fmt(m.hub_wait_mean_weeks.mean, 1), fmt(m.hub_wait_p90_weeks.mean, 1),
      fmt(m.forced_allocations.mean), band(awaiting.median, awaiting.p5, awaiting.p95), fmt(m.allocation_wait_mean_weeks.mean, 2), fmt(m.allocation_wait_p90_weeks.mean, 2),
      fmt(m.waited_over_12_weeks.mean), fmt(m.avg_caseload.mean, 1), fmt(m.pct_fcas_over_cap.mean, 1), fmt(m.vacancy_pct.mean, 1), fmt(m.sickness_pct.mean, 1), fmt(m.protocol_weeks_active.mean),
      fmt(m.children_open_mean.mean), fmt(m.public_over_26_weeks_pct.mean, 1)];
    return `<tr><td>${escapeHtml(r.name)}</td>${cells.map((c) => `<td class="num">${escapeHtml(c)}</td>`).join("")}</tr>`;
  };
  return `<p>At the end: ${escapeHtml(bandCaption(s.bandContent.words))}; other columns are means across replications. Hub wait is time held in a hub; time to allocation is the wait for an FCA outside a hub.</p>
<table class="summary"><thead><tr>${head.map((h, i) => `<th${i ? ' class="num"' : ""}>${h}</th>`).join("")}</tr></thead><tbody>${[s.national, ...s.areas].map(row).join("")}</tbody></table>`;
}

function backtestSection(b: Backtest, weekly: WeeklySeries, bandContent: string): string {
  const open = series(weekly, "England", "open_cases");
  const observed = b.rows.filter((r) => r.metric === "open_cases").map((r) => [r.week, r.value] as const);
  const rows = b.rows.map((r) => `<tr><td>${r.date}</td><td>${r.metric}</td><td class="num">${fmt(r.value, 1)}</td><td class="num">${band(r.median, r.p5, r.p95, 1)}</td><td class="num">${fmt(100 * r.absolutePercentageError, 0)}%</td><td>${r.withinBand ? "yes" : "no"}</td><td>${escapeHtml(r.source)}</td></tr>`);
  const fits = b.fits.map((f) => `<tr><td>${f.metric}</td><td class="num">${f.observations}</td><td class="num">${fmt(f.mape, 1)}%</td><td class="num">${fmt(f.coverage, 0)}%</td></tr>`);
  return `<section id="backtest"><h2>Back-test against observed series</h2>
${open === undefined ? "" : fanChart(open, { title: "Open cases: forecast (bands) and observed (red)", yLabel: "cases", observed, width: 900, bandContent })}
<p>Forecast: ${escapeHtml(bandCaption(b.bandContent ?? bandContent))}.</p>
<table class="backtest"><thead><tr><th>date</th><th>measure</th><th class="num">observed</th><th class="num">forecast median (90% band)</th><th class="num">error</th><th>in band</th><th>source</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<table class="fit"><thead><tr><th>measure</th><th class="num">observations</th><th class="num">MAPE</th><th class="num">in 90% band</th></tr></thead><tbody>${fits.join("")}</tbody></table></section>`;
}

/** A self-contained HTML report of a run (no scripts, no network): charts, tables, why hubs opened, parameters and the STRESS-DES record. */
export function htmlReport(input: ReportInput): string {
  const { summary: s, weekly, record } = input, bandContent = s.bandContent.words;
  const national = NATIONAL_CHARTS.flatMap(([metric, title, yLabel]) => {
    const fan = series(weekly, "England", metric);
    return fan === undefined ? [] : [fanChart(fan, { title, yLabel, width: 540, bandContent })];
  });
  const areaCharts = s.areas.flatMap((a) => {
    const fan = series(weekly, a.name, "hub_backlog");
    return fan === undefined ? [] : [fanChart(fan, { title: a.name, yLabel: "hub backlog", width: 350, height: 180, bandContent })];
  });
  return htmlPage(`hubsim report: ${s.scenario}`, `<h1>hubsim forecast: ${escapeHtml(s.scenario)}</h1>
<p>${s.horizonWeeks} weeks from ${escapeHtml(s.startDate)}, ${s.replications} replications (seed ${s.seed}); ${s.warmupWeeks > 0 ? `from empty after a ${s.warmupWeeks}-week warm-up` : "from today's backlog"}. Run finished ${escapeHtml(record.finished)}.</p>
<p class="legend">Charts: median line,<span style="background:#6baed6"></span>50% band,<span style="background:#c6dbef"></span>90% band across replications; the bands hold ${escapeHtml(bandContent)}.</p>
<section id="national"><h2>England</h2><div class="grid">${national.join("\n")}</div></section>
<section id="areas"><h2>Service areas</h2>${summaryTable(s)}<h3>Hub backlog by area</h3><div class="grid">${areaCharts.join("\n")}</div></section>
${protocolSection(s.protocolHistory)}
${input.backtest === undefined ? "" : backtestSection(input.backtest, weekly, bandContent)}
<section id="parameters"><h2>Scenario parameters</h2>${parameterTable(record.scenario.content)}</section>
${stressDes(record, s.warmupWeeks, bandContent)}
<p>Nothing lost: ${fmt(s.conservationChecks)} weekly checks of referred = closed + allocated + in hub + awaiting passed.</p>`);
}
