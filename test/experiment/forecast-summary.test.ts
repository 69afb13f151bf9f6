import { describe, expect, it } from "vitest";
import { forecastSummary, SUMMARY_METRICS } from "../../src/experiment/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("the forecast summary", () => {
  const s = forecastSummary(historyForecast());

  it("says what its bands hold, as a key and in words", () => {
    expect(s.bandContent).toEqual({ kind: "simulation-noise", words: "simulation noise only (fixed parameters)" });
  });

  it("gives cases awaiting allocation outside hubs at the report weeks beside the hub backlog", () => {
    expect(s.national.awaiting).toEqual([{ week: 13, median: 110, p5: 101, p95: 119 }, { week: 20, median: 110, p5: 101, p95: 119 }]);
    expect(s.national.hubBacklog.at(-1)).toEqual({ week: 20, median: 20, p5: 11, p95: 29 });
  });

  it("reports the waits for allocation, long waits, unallocated work and vacancies with the hub measures", () => {
    for (const m of ["allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "waited_over_12_weeks", "awaiting_end", "peak_awaiting", "awaiting_case_weeks", "vacancy_pct"]) {
      expect(SUMMARY_METRICS).toContain(m);
    }
    expect(s.national.metrics.allocation_wait_mean_weeks).toEqual({ mean: 3, median: 3, p5: 2.1, p95: 3.9 });
    expect(s.national.metrics.hub_wait_mean_weeks.mean).toBe(7);
    expect(s.national.metrics.waited_over_12_weeks.mean).toBe(50);
  });

  it("carries each area's protocol history with the rule that applied there (national thresholds, area overrides)", () => {
    expect(s.protocolHistory.map((h) => [h.area, h.trigger, h.triggerWeeks, h.opened?.replications])).toEqual([["North", "unallocated", 4, 2], ["South", "open-cases", 6, undefined]]);
  });
});
