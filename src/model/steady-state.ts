import type { Area, National, Scenario } from "./scenario/index.js";

/** Long-term cases (public law, further work) an area holds in steady state by Little's law: arrivals × mean weeks open. */
export function steadyStateLongTermCases(area: Area, national: National): number {
  const { durations, caseMix } = national;
  const publicOpen = area.demand.publicPerWeek * durations.public.meanWeeks * area.durations.publicMultiplier;
  const furtherOpen = area.demand.privatePerWeek * caseMix.privateFurtherWorkShare * durations.furtherWork.meanWeeks * area.durations.furtherWorkMultiplier;
  return publicOpen + furtherOpen;
}

/** Open cases an area holds in steady state by Little's law (arrivals × mean time open): the default size of today's backlog. */
export function steadyStateOpenCases(area: Area, national: National): number {
  return Math.max(1, steadyStateLongTermCases(area, national) + area.demand.privatePerWeek * national.durations.wtfhWeeks);
}

/**
 * The open cases an area's establishment carries at the national workload per long-term FTE (plus
 * its own work to first hearing): the default baseline of the open-cases trigger. An area staffed
 * in line with its demand gets its own steady state; an under-staffed one a lower baseline, so its
 * chronic shortage counts as pressure rather than being hidden in the baseline.
 */
export function staffedOpenCases(scenario: Scenario, index: number): number {
  const area = scenario.areas[index]!, national = scenario.national;
  const cases = scenario.areas.reduce((n, a) => n + steadyStateLongTermCases(a, national), 0);
  const fte = scenario.areas.reduce((n, a) => n + a.fca.longTermFte, 0);
  const perFte = fte > 0 ? cases / fte : 0;
  return Math.max(1, perFte * area.fca.longTermFte + area.demand.privatePerWeek * national.durations.wtfhWeeks);
}
