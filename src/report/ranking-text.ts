import type { Ranking } from "../experiment/index.js";
import { appraisalBandContent, appraisalBandWords, moneyConventions } from "./appraisal-conventions.js";
import { interventionWords } from "./appraisal-text.js";
import { csvNumber, csvText } from "./csv-line.js";
import { fmt, money, percent } from "./number-format.js";
import { textTable } from "./text-table.js";

/** Candidate areas for the next wave as a text table, best NPV first. */
export function rankingText(r: Ranking): string {
  const header = ["#", "area", "NPV mean", "NPV 90% interval", "BCR", "P(saving) (95% CI)", "break-even wk", "extra diverted"];
  const rows = r.rows.map((row) => [
    String(row.rank), row.planned ? `${row.area} (planned)` : row.area, money(row.npv.mean), `${money(row.npv.p5)} to ${money(row.npv.p95)}`, fmt(row.bcr, 2),
    `${percent(row.pSaving.p)} (${percent(row.pSaving.lower)}–${percent(row.pSaving.upper)})`, row.breakEvenWeek === null ? "never" : fmt(row.breakEvenWeek), fmt(row.extraDiverted, 1),
  ]);
  return [
    `hubsim appraise --rank: each area without ${interventionWords(r.interventions)} rolled out alone against do-nothing (${r.scenario})`,
    `${r.replications} replications per area on common random numbers (seed ${r.seed}); (planned) = in the scenario's own roll-out.`,
    moneyConventions(r.priceYear, r.discount, r.horizonWeeks),
    `${countedWords(r)}; the NPV ${appraisalBandWords(r.posterior)}.`,
    "",
    textTable(header, rows, ["right", "left", "right", "right", "right", "right", "right", "right"]),
  ].join("\n");
}

/** How long money is counted in a ranking: the horizon, or more with the run-off after it. */
export function countedWords(r: Ranking): string {
  return r.appraisalWeeks > r.horizonWeeks ? `Money is counted for ${r.appraisalWeeks} weeks (the ${r.horizonWeeks}-week simulation, then its cases followed to their end)` : `Money is counted over the ${r.appraisalWeeks} weeks simulated`;
}

/** The ranking as tidy CSV: one row per area. */
export function rankingCsv(r: Ranking): string {
  const lines = ["rank,area,planned,npv_mean,npv_lower,npv_upper,npv_p5,npv_p95,bcr,p_saving,p_saving_lower,p_saving_upper,break_even_week,extra_diverted,band_content"];
  for (const row of r.rows) {
    const n = row.npv, p = row.pSaving;
    lines.push([row.rank, csvText(row.area), row.planned, ...[n.mean, n.lower, n.upper, n.p5, n.p95, row.bcr, p.p, p.lower, p.upper, row.breakEvenWeek, row.extraDiverted].map(csvNumber), appraisalBandContent(r.posterior)].join(","));
  }
  return lines.join("\n") + "\n";
}
