import { describe, expect, it } from "vitest";
import { protocolHistory, transitionsOf } from "../../src/experiment/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("protocol history", () => {
  const f = historyForecast();

  it("keeps every transition of every replication with its replication, 1-based week and the figures the rule saw", () => {
    const all = transitionsOf(f);
    expect(all.map((t) => [t.replication, t.week, t.area, t.from, t.to])).toEqual([
      [0, 5, 0, "normal", "lead-in"], [0, 12, 0, "lead-in", "hub-active"], [0, 16, 0, "hub-active", "winding-down"], [0, 19, 0, "winding-down", "normal"],
      [1, 7, 0, "normal", "lead-in"], [1, 14, 0, "lead-in", "hub-active"],
    ]);
    expect(all[0]).toMatchObject({ awaiting: 120, hub: 0, unallocatedWeeks: 2.5, averageCaseload: 21, shareOverCap: 0.45, openRatio: 1.1 });
  });

  it("says when and on what figures each area was triggered, opened and closed, across the replications", () => {
    const [north, south] = protocolHistory(f);
    expect(north).toEqual({
      area: "North", replications: 3,
      triggered: { replications: 2, medianWeek: 6, p5Week: 5, p95Week: 7, figures: { awaiting: 130, hub: 0, unallocatedWeeks: 3, averageCaseload: 21.5, shareOverCap: 0.5, openRatio: 1.15 } },
      opened: { replications: 2, medianWeek: 13, p5Week: 12, p95Week: 14, figures: { awaiting: 65, hub: 45, unallocatedWeeks: 2.1, averageCaseload: 22, shareOverCap: 0.55, openRatio: 1.2 } },
      closed: { replications: 1, medianWeek: 19, p5Week: 19, p95Week: 19, figures: { awaiting: 8, hub: 0, unallocatedWeeks: 0.3, averageCaseload: 18.5, shareOverCap: 0.1, openRatio: 0.95 } },
    });
    expect(south).toEqual({ area: "South", replications: 3 });
  });
});
