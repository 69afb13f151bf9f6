/**
 * Which areas run each declared public law intervention and from when, and the arms of an
 * appraisal: sites are live in every run, roll-out areas in a plain run and the roll-out arm.
 */
import { daysBetween } from "./calendar.js";
import type { Intervention, Scenario } from "./scenario/index.js";

/** The simulated day from which each area serves cases (start plus set-up), Infinity where it never does; day 0 starts the warm-up. */
export function interventionLiveFrom(scenario: Scenario, v: Intervention, warmupDays: number): Float64Array {
  const from = new Float64Array(scenario.areas.length).fill(Infinity);
  const index = new Map(scenario.areas.map((a, i) => [a.name, i]));
  const set = (area: string, date: string): void => {
    const i = index.get(area);
    if (i !== undefined) from[i] = Math.min(from[i]!, daysBetween(scenario.startDate, date) + warmupDays + v.where.setupWeeks * 7);
  };
  for (const site of v.where.sites) set(site.area, site.start);
  for (const area of v.where.rollout.areas) set(area, v.where.rollout.start ?? scenario.startDate);
  return from;
}

/** The scenario with intervention `name`'s roll-out areas replaced by `areas` (its sites stay). */
export function withInterventionRollout(scenario: Scenario, name: string, areas: readonly string[]): Scenario {
  return {
    ...scenario,
    interventions: scenario.interventions.map((v) => (v.name === name ? { ...v, where: { ...v.where, rollout: { ...v.where.rollout, areas: [...areas] } } } : v)),
  };
}
