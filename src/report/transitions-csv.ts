import { transitionsOf, type Forecast } from "../experiment/index.js";
import { addDays } from "../model/index.js";
import { csvNumber, csvText } from "./csv-line.js";

/** The columns of transitions.csv, in order. */
export const TRANSITIONS_CSV_HEADER = "replication,area,week,date,from,to,awaiting,hub,unallocated_weeks,avg_caseload,pct_at_or_over_cap,open_ratio";

/**
 * Tidy protocol transitions: one row per transition of every replication (replications numbered
 * from 0 as they are seeded), in the reporting week it was decided (1-based) and the date that week
 * ended, with the figures the rule saw: cases awaiting allocation and held in the hub, both in weeks
 * of allocation capacity, average caseload, % of long-term FCAs at or above the cap, open cases ÷ baseline.
 */
export function transitionsCsv(f: Forecast): string {
  const lines = [TRANSITIONS_CSV_HEADER];
  for (const t of transitionsOf(f)) {
    lines.push([
      t.replication, csvText(f.shape.areas[t.area]!), t.week, addDays(f.scenario.startDate, 7 * t.week), t.from, t.to,
      csvNumber(t.awaiting), csvNumber(t.hub), csvNumber(t.unallocatedWeeks), csvNumber(t.averageCaseload), csvNumber(100 * t.shareOverCap), csvNumber(t.openRatio),
    ].join(","));
  }
  return lines.join("\n") + "\n";
}
