/**
 * Which areas run Cafcass Plus, from when, and the two arms of an appraisal. Sites are live in
 * every run; roll-out areas are live in a plain run and in the roll-out arm, not in do-nothing.
 */
import { daysBetween } from "./calendar.js";
import type { Scenario } from "./scenario/index.js";

/** Whether a replication models the pre-birth cohort: as set, else when any site or roll-out area is listed. */
export function isPlusModelled(scenario: Scenario): boolean {
  const p = scenario.cafcassPlus;
  return p.enabled ?? (p.sites.length > 0 || p.rollout.areas.length > 0);
}

/** The do-nothing arm: sites only, the cohort still modelled so it pairs with the roll-out arm. */
export function withoutRollout(scenario: Scenario): Scenario {
  return withRolloutAreas(scenario, []);
}

/** The roll-out arm with exactly `areas` rolled out (sites stay live), the cohort modelled. */
export function withRolloutAreas(scenario: Scenario, areas: readonly string[]): Scenario {
  const p = scenario.cafcassPlus;
  return { ...scenario, cafcassPlus: { ...p, enabled: true, rollout: { ...p.rollout, areas: [...areas] } } };
}

/**
 * The simulated day from which each area takes Plus referrals (its go-live date plus the set-up
 * weeks), Infinity where it never does. Day 0 is the start of the warm-up.
 */
export function plusLiveFrom(scenario: Scenario, warmupDays: number): Float64Array {
  const p = scenario.cafcassPlus, from = new Float64Array(scenario.areas.length).fill(Infinity);
  const index = new Map(scenario.areas.map((a, i) => [a.name, i]));
  const set = (area: string, date: string): void => {
    const i = index.get(area);
    if (i !== undefined) from[i] = Math.min(from[i]!, daysBetween(scenario.startDate, date) + warmupDays + p.setupWeeks * 7);
  };
  for (const site of p.sites) set(site.area, site.start);
  for (const area of p.rollout.areas) set(area, p.rollout.start ?? scenario.startDate);
  return from;
}

/** Cohort referrals a week in an area (before seasonality and shocks): its override, else derived from public law demand. */
export function cohortPerWeek(scenario: Scenario, area: number): number {
  const p = scenario.cafcassPlus, spec = scenario.areas[area]!;
  const own = p.local[spec.name]?.cohortPerWeek;
  if (own !== undefined) return own;
  // Grossed up for the cases diverted anyway; the floor keeps a near-certain baseline diversion finite.
  return (spec.demand.publicPerWeek * p.newbornShareOfPublic * p.eligibleShare) / Math.max(0.05, 1 - baselineDiversionIn(scenario, area));
}

/** Diversion without Plus in an area: its local value, else the national one. */
export function baselineDiversionIn(scenario: Scenario, area: number): number {
  const p = scenario.cafcassPlus;
  return p.local[scenario.areas[area]!.name]?.baselineDiversion ?? p.baselineDiversion;
}

/**
 * Share of an area's public law demand left to the ordinary stream once the cohort's expected
 * proceedings without Plus are carved out (1 when the cohort is not modelled).
 */
export function ordinaryPublicShare(scenario: Scenario, area: number): number {
  if (!isPlusModelled(scenario)) return 1;
  const publicPerWeek = scenario.areas[area]!.demand.publicPerWeek;
  if (publicPerWeek <= 0) return 1;
  const cohortProceedings = cohortPerWeek(scenario, area) * (1 - baselineDiversionIn(scenario, area));
  return Math.max(0, 1 - cohortProceedings / publicPerWeek);
}
