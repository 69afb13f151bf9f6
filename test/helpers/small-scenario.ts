import { parseScenario, type Scenario, type ScenarioInput } from "../../src/model/index.js";

/**
 * A two-area scenario that overloads its first area so the protocol opens a hub within a
 * year: small enough to run many replications in a test.
 */
export function smallScenarioInput(): ScenarioInput {
  return {
    name: "small",
    startDate: "2026-01-05",
    horizonWeeks: 104,
    warmupWeeks: 52,
    areas: [
      { name: "North", demand: { privatePerWeek: 30, publicPerWeek: 8 }, fca: { longTermFte: 30, shortTermFte: 6 }, baselineOpenCases: 600 },
      { name: "South", demand: { privatePerWeek: 15, publicPerWeek: 4 }, fca: { longTermFte: 22, shortTermFte: 3 } },
    ],
  };
}

/** Parses a scenario input or throws with every issue. */
export function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed.scenario;
}

/** Deep-copies the small scenario and applies `change` to the copy. */
export function smallScenario(change: (s: ScenarioInput) => void = () => {}): Scenario {
  const input = structuredClone(smallScenarioInput());
  change(input);
  return scenarioOf(input);
}
