import { FURTHER, PLUS, PUBLIC, WTFH } from "./case-store.js";
import type { Scenario } from "./scenario/index.js";

/**
 * The load each case kind adds to its FCA, indexed by kind: 1 each when caseloads are counted;
 * the §8.4 weights when they are weighted (work to first hearing stays 1: short-term teams hold
 * nothing else, so their caps remain counts).
 */
export function caseWeights(scenario: Scenario): Float64Array {
  const c = scenario.national.workforce.caseload, w = new Float64Array(4).fill(1);
  if (c.measure === "weighted") {
    w[PUBLIC] = c.weights.public;
    w[FURTHER] = c.weights.furtherWork;
    w[PLUS] = c.weights.plus;
  }
  w[WTFH] = 1;
  return w;
}

/**
 * Load-weeks one long-term case takes on average in an area (weight × mean weeks open, over its mix
 * of public law and further work): a full team frees this many load units' worth of places a case,
 * so its allocation capacity a week is its working places ÷ this.
 */
export function placeWeeksPerCase(scenario: Scenario, area: number, weights: Float64Array): number {
  const spec = scenario.areas[area]!, { durations, caseMix } = scenario.national;
  const pub = spec.demand.publicPerWeek, further = spec.demand.privatePerWeek * caseMix.privateFurtherWorkShare;
  const pubWeeks = durations.public.meanWeeks * spec.durations.publicMultiplier * weights[PUBLIC]!;
  const furtherWeeks = durations.furtherWork.meanWeeks * spec.durations.furtherWorkMultiplier * weights[FURTHER]!;
  return pub + further > 0 ? (pub * pubWeeks + further * furtherWeeks) / (pub + further) : (pubWeeks + furtherWeeks) / 2;
}
