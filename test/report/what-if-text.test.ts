import { describe, expect, it } from "vitest";
import { COMPARE_METRICS, compareForecasts, forecastSummary, type SweepResult } from "../../src/experiment/index.js";
import { comparisonHtml, comparisonText, sweepHtml, sweepText } from "../../src/report/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("what-if reports", () => {
  it("compare the waits for allocation, unallocated work, caseloads and vacancies, each with a readable label", () => {
    expect(COMPARE_METRICS).toEqual(expect.arrayContaining([
      "allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "awaiting_case_weeks", "waited_over_12_weeks", "awaiting_end", "avg_caseload", "pct_fcas_over_cap", "vacancy_pct",
    ]));
    const c = compareForecasts([historyForecast(), historyForecast()]);
    const lines = comparisonText(c).split("\n");
    expect(lines).toContain("mean time to allocation (weeks)                3.00        3.00     0.00 (0.00 to 0.00)");
    expect(lines).toContain("cases waited 12+ weeks for allocation          50.0        50.0        0.0 (0.0 to 0.0)");
    expect(lines.filter((l) => /^(awaiting allocation at horizon|awaiting allocation \(case-weeks\)|% of long-term FCAs at or above cap|% of posts vacant|average long-term caseload) /.test(l))).toHaveLength(5);
    expect(comparisonHtml(c)).toContain("<td>90th-centile time to allocation (weeks)</td>");
  });

  it("show a sweep's objectives and the mean time to allocation among its columns", () => {
    const means = Object.fromEntries(Object.keys(forecastSummary(historyForecast()).national.metrics).map((k) => [k, 1])) as SweepResult["rows"][number]["means"];
    const sweep: SweepResult = { base: "small", replications: 3, seed: 1, objectives: ["waited_over_12_weeks", "pct_fcas_over_cap"], constraints: [], confidence: 0.9, frontier: [0],
      rows: [{ point: { index: 0, values: { "protocol.triggerUnallocatedWeeks": 2 } }, replications: 3, means, objectives: [1, 1], constraints: [], feasible: true }] };
    expect(sweepText(sweep).split("\n")[3]).toMatch(/^# +protocol\.triggerUnallocatedWeeks +waited_over_12_weeks +pct_fcas_over_cap +hub_wait_mean_weeks +allocation_wait_mean_weeks +hub_backlog_end +awaiting_end /);
    expect(sweepHtml(sweep)).toContain('<th class="num">mean time to allocation (weeks)</th>');
  });

  it("say why nothing is feasible: per constraint, the point that came nearest, by share and then by how near its measure came", () => {
    const means = Object.fromEntries(Object.keys(forecastSummary(historyForecast()).national.metrics).map((k) => [k, 1])) as SweepResult["rows"][number]["means"];
    const row = (index: number, caseload: number, p: number) => ({
      point: { index, values: { "protocol.maxHoldWeeks": 8 + index } }, replications: 10, means, objectives: [1, 1], feasible: false,
      constraints: [{ p: 0, lower: 0, upper: 0.28, measureMean: caseload, met: false }, { p, lower: 0, upper: 1, measureMean: 5, met: p >= 0.9 }],
    });
    const sweep: SweepResult = { base: "surge", replications: 10, seed: 1, objectives: ["allocation_wait_mean_weeks", "pct_fcas_over_cap"], constraints: ["avg_caseload <= 20", "hub_backlog_end >= 3"], confidence: 0.9, frontier: [],
      rows: [row(0, 22.4, 1), row(1, 21.6, 0.5), row(2, 23, 0.2)] };
    expect(sweepText(sweep).split("\n").slice(-3)).toEqual([
      "No point meets every constraint with the confidence asked:",
      "  - c1 avg_caseload <= 20 fails at every point: at best in 0% of replications (protocol.maxHoldWeeks=9), its measure averaging 21.6 against 20.0.",
      "  - c2 hub_backlog_end >= 3 is met at some points: at best in 100% of replications (protocol.maxHoldWeeks=8), its measure averaging 5.0 against 3.0.",
    ]);
    expect(sweepHtml(sweep)).toContain("No point meets every constraint with the confidence asked:");
  });
});
