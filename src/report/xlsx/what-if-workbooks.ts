import { SCALAR_METRICS, type Scenario } from "../../model/index.js";
import type { AppraisalSummary, Comparison, Ranking, Sensitivity, SweepResult } from "../../experiment/index.js";
import { interventionWords, PAYER_LABELS } from "../appraisal-text.js";
import { appraisalBandContent } from "../appraisal-conventions.js";
import { metricLabel } from "../metric-labels.js";
import { areasSheet, metricFormat, parametersSheet } from "./scenario-sheets.js";
import { as, pairsSheet, type SheetData } from "./sheet.js";

/** A comparison's sheets: Summary, Comparison (tidy: one row per measure and scenario, with the paired difference), Areas and Parameters of every scenario. */
export function comparisonSheets(c: Comparison, scenarios: readonly Scenario[]): SheetData[] {
  const rows = c.rows.flatMap((r) => r.cells.map((cell) => [metricLabel(r.metric), r.metric, cell.scenario, cell.mean, cell.difference?.mean, cell.difference?.lower, cell.difference?.upper, cell.difference?.pairs, cell.difference?.significant]));
  return [
    pairsSheet("Summary", [["scenarios", c.scenarios.join("; ")], ["reference", c.scenarios[0]!], ["replications", c.replications], ["seed", c.seed], ["bands hold", c.bandContent],
      ...(c.precisionMet === undefined ? [] : [["precision met", c.precisionMet] as [string, boolean]])]),
    {
      name: "Comparison",
      columns: [{ header: "measure", format: "text" }, { header: "metric", format: "text" }, { header: "scenario", format: "text" }, { header: "mean", format: "number" },
        { header: "difference from reference", format: "number" }, { header: "95% CI lower", format: "number" }, { header: "95% CI upper", format: "number" }, { header: "pairs", format: "count" }, { header: "significant", format: "text" }],
      rows,
    },
    ...scenarios.map((s, i) => ({ ...areasSheet(s), name: scenarios.length === 1 || i === 0 ? "Areas" : `Areas ${i + 1}` })),
    parametersSheet(scenarios),
  ];
}

/** A sweep's sheets: Summary, Points (one row per point: its values, objectives, every measure's mean, feasibility), Areas and Parameters of the base. */
export function sweepSheets(r: SweepResult, base: Scenario): SheetData[] {
  const paths = [...new Set(r.rows.flatMap((row) => Object.keys(row.point.values)))];
  return [
    pairsSheet("Summary", [["base scenario", r.base], ["points", r.rows.length], ["replications a point", r.replications], ["seed", r.seed], ["objectives", r.objectives.join("; ")],
      ["constraints", r.constraints.join("; ")], ["confidence", as(r.confidence, "share")], ["on the frontier", r.frontier.length]]),
    {
      name: "Points",
      columns: [{ header: "point", format: "count" }, ...paths.map((p) => ({ header: p, format: "number" as const })), ...r.objectives.map((o) => ({ header: `objective: ${o}`, format: "number" as const })),
        ...SCALAR_METRICS.map((m) => ({ header: m, format: metricFormat(m) })), ...r.constraints.map((c) => ({ header: `share meeting: ${c}`, format: "share" as const })),
        { header: "feasible", format: "text" }, { header: "on_frontier", format: "text" }],
      rows: r.rows.map((row, i) => [row.point.index, ...paths.map((p) => row.point.values[p]), ...row.objectives, ...SCALAR_METRICS.map((m) => row.means[m]), ...row.constraints.map((c) => c.p), row.feasible, r.frontier.includes(i)]),
    },
    areasSheet(base),
    parametersSheet([base]),
  ];
}

/** An appraisal's sheets: Summary, Payers (£), Capacity, then with --sensitivity the Sensitivity table, and Areas and Parameters. */
export function appraisalSheets(s: AppraisalSummary, scenario: Scenario, sensitivity?: Sensitivity): SheetData[] {
  const summary = pairsSheet("Summary", [
    ["scenario", s.scenario], ["interventions", interventionWords(s.interventions)], ["roll-out areas", s.areas.join("; ")], ["replications", s.replications], ["seed", s.seed], ["horizon (weeks)", s.horizonWeeks],
    ["money counted (weeks)", s.appraisalWeeks], ["prices", s.priceYear], ["intervals hold", appraisalBandContent(s.posterior)],
    ["NPV, total (mean)", as(s.payers[s.payers.length - 1]!.npv.mean, "gbp")], ["benefit–cost ratio", as(s.bcr.ratioOfMeans, "decimal2")], ["P(saving)", as(s.pSaving.p, "share")],
    ["median break-even week", s.breakEven.medianWeek], ["extra cases diverted (mean)", as(s.extraDiverted.mean, "number")], ["cost per extra case diverted", as(s.costPerCaseDiverted, "gbp")],
    ...(s.posterior === undefined ? [] : [["drawn from", s.posterior] as [string, string]]),
  ]);
  const money = (header: string) => ({ header, format: "gbp" as const });
  const payers: SheetData = {
    name: "Payers",
    columns: [{ header: "payer", format: "text" }, money("upfront cost (mean)"), money("savings (mean)"), money("NPV (mean)"), money("NPV 95% CI lower"), money("NPV 95% CI upper"), money("NPV p5"), money("NPV p95")],
    rows: s.payers.map((p) => [PAYER_LABELS[p.payer], p.costs.mean, p.savings.mean, p.npv.mean, p.npv.lower, p.npv.upper, p.npv.p5, p.npv.p95]),
  };
  const capacity: SheetData = {
    name: "Capacity",
    columns: [{ header: "measure", format: "text" }, { header: "do-nothing", format: "number" }, { header: "roll-out", format: "number" }, { header: "difference", format: "number" }, { header: "95% CI lower", format: "number" }, { header: "95% CI upper", format: "number" }],
    rows: s.capacity.map((c) => [metricLabel(c.metric), c.doNothing, c.rollOut, c.difference.mean, c.difference.lower, c.difference.upper]),
  };
  const tornado: SheetData[] = sensitivity === undefined ? [] : [{
    name: "Sensitivity",
    columns: [{ header: "input", format: "text" }, { header: "field", format: "text" }, { header: "kind", format: "text" }, { header: "base", format: "number" }, { header: "low", format: "number" }, { header: "high", format: "number" },
      money("NPV at low"), money("NPV at high"), money("swing"), { header: "range from", format: "text" }],
    rows: sensitivity.rows.map((r) => [r.input, r.path, r.kind, r.base, r.low, r.high, r.npvLow, r.npvHigh, r.swing, r.source]),
  }];
  return [summary, payers, capacity, ...tornado, areasSheet(scenario), parametersSheet([scenario])];
}

/** A ranking's sheets: Summary, Ranking (one row per candidate area), Areas and Parameters. */
export function rankingSheets(r: Ranking, scenario: Scenario): SheetData[] {
  return [
    pairsSheet("Summary", [["scenario", r.scenario], ["interventions", interventionWords(r.interventions)], ["candidates", r.rows.length], ["replications", r.replications], ["seed", r.seed], ["horizon (weeks)", r.horizonWeeks],
      ["money counted (weeks)", r.appraisalWeeks], ["prices", r.priceYear], ["intervals hold", appraisalBandContent(r.posterior)], ...(r.posterior === undefined ? [] : [["drawn from", r.posterior] as [string, string]])]),
    {
      name: "Ranking",
      columns: [{ header: "rank", format: "count" }, { header: "area", format: "text" }, { header: "already planned", format: "text" }, { header: "NPV (mean)", format: "gbp" }, { header: "NPV p5", format: "gbp" }, { header: "NPV p95", format: "gbp" },
        { header: "benefit–cost ratio", format: "decimal2" }, { header: "P(saving)", format: "share" }, { header: "break-even week", format: "count" }, { header: "extra cases diverted", format: "number" }],
      rows: r.rows.map((x) => [x.rank, x.area, x.planned, x.npv.mean, x.npv.p5, x.npv.p95, x.bcr, x.pSaving.p, x.breakEvenWeek, x.extraDiverted]),
    },
    areasSheet(scenario),
    parametersSheet([scenario]),
  ];
}
