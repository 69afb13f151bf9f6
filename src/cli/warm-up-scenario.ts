import { parseScenario, type Scenario } from "../model/index.js";

const area = (name: string, scale: number, initial: object): object => ({
  name, demand: { privatePerWeek: 30 * scale, publicPerWeek: 12 * scale }, fca: { longTermFte: 40 * scale, shortTermFte: 5 * scale }, initial,
});

/**
 * A tiny built-in scenario (two areas, one with its hub open, a year after half a year's warm-up)
 * whose replications a worker runs before its first real one, so that the model's hot paths are
 * compiled by then: a few tens of milliseconds once warm.
 */
export function warmUpScenario(): Scenario {
  const parsed = parseScenario({
    name: "warm-up", startDate: "2026-11-30", horizonWeeks: 52, warmupWeeks: 26,
    areas: [area("Warm-up A", 1, {}), area("Warm-up B", 0.6, { protocolState: "hub-active", awaitingAllocation: 40, inHub: 30, hubMaxWeeksHeld: 8 })],
  });
  if (!parsed.ok) throw new Error("the built-in warm-up scenario does not parse");
  return parsed.scenario;
}
