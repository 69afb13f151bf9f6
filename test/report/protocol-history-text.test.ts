import { describe, expect, it } from "vitest";
import { protocolHistory, type TransitionSummary } from "../../src/experiment/index.js";
import { protocolHistoryText } from "../../src/report/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

const summary = (week: number, replications: number): TransitionSummary => ({
  replications, medianWeek: week, p5Week: week, p95Week: week,
  figures: { awaiting: 80, hub: 10, unallocatedWeeks: 2.25, averageCaseload: 20.5, shareOverCap: 0.6, openRatio: 1.234 },
});

describe("protocol history in words", () => {
  const [north, south] = protocolHistory(historyForecast());

  it("says when the hub opened, on what figures the unallocated-work trigger fired, and when it closed", () => {
    expect(protocolHistoryText(north!, 4)).toBe("North: hub opened in 2 of 3 replications, first in week 13 (median; 90% of replications weeks 12–14); when the protocol was triggered, " +
      "130 cases were unallocated and 0 held in the hub = 3.0 weeks of allocation capacity, average caseload 21.5, 50% of FCAs at or above the cap, for 4 weeks in a row; closed again in 1, median week 19.");
    expect(protocolHistoryText(south!, 4)).toBe("South: no hub opened in any of 3 replications.");
  });

  it("leads with open cases against the baseline under the open-cases trigger", () => {
    const h = { area: "East", replications: 5, triggered: summary(3, 4), opened: summary(10, 4) };
    expect(protocolHistoryText(h, 6, "open-cases")).toBe("East: hub opened in 4 of 5 replications, first in week 10 (median); when the protocol was triggered, open cases were 1.23 × the baseline, " +
      "average caseload 20.5, 60% of FCAs at or above the cap (80 cases were unallocated and 10 held in the hub = 2.3 weeks of allocation capacity), for 6 weeks in a row; not closed within the horizon.");
  });

  it("says a hub open from the start closed, rather than that none opened", () => {
    expect(protocolHistoryText({ area: "West", replications: 2, closed: summary(8, 2) }, 4)).toBe("West: hub open from the start; closed in 2 of 2 replications, week 8 (median).");
  });
});
