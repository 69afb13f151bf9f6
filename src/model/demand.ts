import { daysBetween } from "./calendar.js";
import type { Scenario } from "./scenario/index.js";

/** The two referral streams. */
export type Stream = "private" | "public";

/** Demand multiplier on one simulated day (seasonality × trend × shocks × lever) for an area and stream. */
export type DemandMultiplier = (area: string, stream: Stream, day: number) => number;

/**
 * Builds the day-by-day demand multiplier. `day` counts from the start of the simulation,
 * which is `offsetDays` before the scenario's start date (the warm-up).
 */
export function demandMultiplier(scenario: Scenario, months: Uint8Array, offsetDays: number): DemandMultiplier {
  const { seasonality, trendPerYear, multiplier, shocks } = scenario.national.demand;
  const dailyGrowth = Math.log1p(trendPerYear) / 365.25;
  const dated = shocks.map((s) => ({
    ...s,
    fromDay: daysBetween(scenario.startDate, s.from) + offsetDays,
    toDay: s.to === undefined ? Infinity : daysBetween(scenario.startDate, s.to) + offsetDays,
  }));
  return (area, stream, day) => {
    let m = multiplier * seasonality[months[Math.min(day, months.length - 1)]!]! * Math.exp(dailyGrowth * (day - offsetDays));
    for (const s of dated) {
      if (day < s.fromDay || !s.streams.includes(stream) || (s.areas !== undefined && !s.areas.includes(area))) continue;
      if (s.kind === "step") m *= day < s.toDay ? s.multiplier : 1;
      else m *= 1 + (s.multiplier - 1) * Math.min(1, (day - s.fromDay) / Math.max(1, s.toDay - s.fromDay));
    }
    return m;
  };
}
