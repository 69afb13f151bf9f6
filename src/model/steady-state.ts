import type { Area, National } from "./scenario/index.js";

/**
 * Open cases an area holds in steady state by Little's law (arrivals × mean time open):
 * the default protocol baseline and the default size of today's backlog.
 */
export function steadyStateOpenCases(area: Area, national: National): number {
  const { durations, caseMix } = national;
  const publicOpen = area.demand.publicPerWeek * durations.public.meanWeeks;
  const wtfhOpen = area.demand.privatePerWeek * durations.wtfhWeeks;
  const furtherOpen = area.demand.privatePerWeek * caseMix.privateFurtherWorkShare * durations.furtherWork.meanWeeks;
  return Math.max(1, publicOpen + wtfhOpen + furtherOpen);
}
