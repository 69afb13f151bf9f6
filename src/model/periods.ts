import { daysBetween } from "./calendar.js";

/** A dated multiplier as written in a scenario. */
export interface Period {
  readonly from: string;
  readonly to?: string | undefined;
  readonly multiplier: number;
}

/**
 * The product of the multipliers in force on a simulated day, as a function; `offsetDays` is
 * the warm-up (day 0 of the simulation is that many days before the start date).
 */
export function periodMultiplier(periods: readonly Period[], startDate: string, offsetDays: number): (day: number) => number {
  if (periods.length === 0) return () => 1;
  const spans = periods.map((p) => ({
    from: daysBetween(startDate, p.from) + offsetDays,
    to: p.to === undefined ? Infinity : daysBetween(startDate, p.to) + offsetDays,
    m: p.multiplier,
  }));
  return (day) => spans.reduce((m, s) => (day >= s.from && day < s.to ? m * s.m : m), 1);
}
