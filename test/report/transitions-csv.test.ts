import { describe, expect, it } from "vitest";
import { transitionsCsv } from "../../src/report/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("transitions.csv", () => {
  it("has one tidy row per transition: replication, area, week and the date it ended, states and the figures the rule saw", () => {
    expect(transitionsCsv(historyForecast())).toBe([
      "replication,area,week,date,from,to,awaiting,hub,unallocated_weeks,avg_caseload,pct_at_or_over_cap,open_ratio",
      '0,"North",5,2026-02-09,normal,lead-in,120,0,2.5,21,45,1.1',
      '0,"North",12,2026-03-30,lead-in,hub-active,60,40,2,21.5,50,1.15',
      '0,"North",16,2026-04-27,hub-active,winding-down,10,5,0.4,19,20,1',
      '0,"North",19,2026-05-18,winding-down,normal,8,0,0.3,18.5,10,0.95',
      '1,"North",7,2026-02-23,normal,lead-in,140,0,3.5,22,55,1.2',
      '1,"North",14,2026-04-13,lead-in,hub-active,70,50,2.2,22.5,60,1.25',
      "",
    ].join("\n"));
  });
});
