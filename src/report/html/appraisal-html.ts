import type { AppraisalSummary, Ranking, Sensitivity } from "../../experiment/index.js";
import { appraisalHeading, appraisalHeadlines, capacityTable, CAPACITY_CAPTION, interventionWords, payerTable } from "../appraisal-text.js";
import { appraisalBandWords, moneyConventions } from "../appraisal-conventions.js";
import { fmt, money, percent } from "../number-format.js";
import { escapeHtml } from "./escape-html.js";
import { htmlPage, htmlTable } from "./html-page.js";
import { tornadoChart } from "./tornado-chart.js";
import { countedWords } from "../ranking-text.js";
import { rerunText } from "../tornado-text.js";
import { cumulativeNetChart, npvHistogram, payerBars } from "./appraisal-charts.js";

const numeric = (i: number): boolean => i > 0;

/** An appraisal (with its tornado when there is one) as a self-contained HTML page. */
export function appraisalHtml(s: AppraisalSummary, tornado?: Omit<Sensitivity, "base">): string {
  const [title, ...lines] = appraisalHeading(s), payers = payerTable(s), capacity = capacityTable(s);
  const sensitivity = tornado === undefined ? "" : `<h2>One-way sensitivity</h2>
<p>Mean total NPV with each input alone at the ends of its calibration range (base ${escapeHtml(money(tornado.baseNpv))}); cost inputs and the effects that change only what is counted (expert reports, guardian hours) re-cost the same runs; ${escapeHtml(rerunText(tornado, s.areas))}</p>
${tornadoChart(tornado.rows, tornado.baseNpv, "Tornado: mean total NPV")}
${htmlTable("tornado", ["input", "base", "low", "high", "NPV at low", "NPV at high", "swing", "range from"], tornado.rows.map((r) => [r.input, String(r.base), String(r.low), String(r.high), money(r.npvLow), money(r.npvHigh), money(r.swing), r.source]), (i) => i > 0 && i < 7)}`;
  return htmlPage(title!, `<h1>${escapeHtml(title!)}</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<h2>When it pays back</h2>
${cumulativeNetChart(s)}
${npvHistogram(s)}
<h2>Costs and savings by payer</h2>
${payerBars(s)}
${htmlTable("payers", payers.header, payers.rows, numeric, (j) => (j === payers.rows.length - 1 ? "total" : ""))}
<ul>${appraisalHeadlines(s).map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>
<h2>Capacity</h2>
<p>${escapeHtml(CAPACITY_CAPTION)}</p>
${htmlTable("capacity", capacity.header, capacity.rows, numeric)}
${sensitivity}`);
}

/** A ranking of areas for the next wave as a self-contained HTML page. */
export function rankingHtml(r: Ranking): string {
  const title = `hubsim appraise --rank: ${r.scenario}`;
  const rows = r.rows.map((row) => [String(row.rank), row.planned ? `${row.area} (planned)` : row.area, money(row.npv.mean), `${money(row.npv.p5)} to ${money(row.npv.p95)}`, fmt(row.bcr, 2), percent(row.pSaving.p), row.breakEvenWeek === null ? "never" : fmt(row.breakEvenWeek), fmt(row.extraDiverted, 1)]);
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>
<p>Each area without ${escapeHtml(interventionWords(r.interventions))} rolled out alone against do-nothing; ${r.replications} replications per area on common random numbers (seed ${r.seed}). ${escapeHtml(moneyConventions(r.priceYear, r.discount, r.horizonWeeks))} ${escapeHtml(countedWords(r))}; the NPV ${escapeHtml(appraisalBandWords(r.posterior))}.</p>
${htmlTable("ranking", ["#", "area", "NPV mean", "NPV 90% interval", "BCR", "P(saving)", "break-even week", "extra diverted"], rows, (i) => i !== 1)}`);
}
