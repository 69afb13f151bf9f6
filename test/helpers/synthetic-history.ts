import type { Forecast } from "../../src/experiment/index.js";
import { smallScenario } from "./small-scenario.js";
import { syntheticForecast } from "./synthetic-forecast.js";

const [NORMAL, LEAD_IN, HUB, WINDING] = [0, 1, 2, 3];

/**
 * Three hand-built replications of the small scenario over 20 weeks (South's protocol overridden to
 * the open-cases trigger over 6 weeks): North is triggered in weeks 5 and 7 (1-based) of the first
 * two, opens its hub in weeks 12 and 14 and closes it in week 19 of the first; the third stays normal.
 * England has 100, 110 and 120 cases awaiting allocation and 10, 20, 30 in hubs every week.
 */
export function historyForecast(): Forecast {
  const scenario = smallScenario((s) => {
    s.horizonWeeks = 20;
    s.areas[1]!.protocol = { trigger: "open-cases", triggerWeeks: 6 };
  });
  const england = 2;
  const weekly = (r: number) => (metric: string, _week: number, row: number): number =>
    row !== england ? 0 : metric === "awaiting_allocation" ? 100 + 10 * r : metric === "hub_backlog" ? 10 * (r + 1) : 0;
  return syntheticForecast(scenario, [
    {
      weekly: weekly(0),
      scalars: { allocation_wait_mean_weeks: [0, 0, 2], allocation_wait_p90_weeks: [0, 0, 6], waited_over_12_weeks: [0, 0, 30], awaiting_end: [0, 0, 100], awaiting_case_weeks: [0, 0, 2000], hub_wait_mean_weeks: [0, 0, 5] },
      transitions: [
        [4, 0, NORMAL, LEAD_IN, 120, 0, 2.5, 21, 0.45, 1.1],
        [11, 0, LEAD_IN, HUB, 60, 40, 2, 21.5, 0.5, 1.15],
        [15, 0, HUB, WINDING, 10, 5, 0.4, 19, 0.2, 1],
        [18, 0, WINDING, NORMAL, 8, 0, 0.3, 18.5, 0.1, 0.95],
      ],
    },
    {
      weekly: weekly(1),
      scalars: { allocation_wait_mean_weeks: [0, 0, 3], allocation_wait_p90_weeks: [0, 0, 8], waited_over_12_weeks: [0, 0, 50], awaiting_end: [0, 0, 110], awaiting_case_weeks: [0, 0, 2200], hub_wait_mean_weeks: [0, 0, 7] },
      transitions: [
        [6, 0, NORMAL, LEAD_IN, 140, 0, 3.5, 22, 0.55, 1.2],
        [13, 0, LEAD_IN, HUB, 70, 50, 2.2, 22.5, 0.6, 1.25],
      ],
    },
    {
      weekly: weekly(2),
      scalars: { allocation_wait_mean_weeks: [0, 0, 4], allocation_wait_p90_weeks: [0, 0, 10], waited_over_12_weeks: [0, 0, 70], awaiting_end: [0, 0, 120], awaiting_case_weeks: [0, 0, 2400], hub_wait_mean_weeks: [0, 0, 9] },
    },
  ]);
}
