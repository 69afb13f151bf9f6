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
});
