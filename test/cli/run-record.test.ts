import { describe, expect, it } from "vitest";
import { scenarioHash } from "../../src/cli/run-record.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("the run record's scenario hash", () => {
  it("is the same for the same scenario and changes with any field", () => {
    expect(scenarioHash(smallScenario())).toBe(scenarioHash(smallScenario()));
    expect(scenarioHash(smallScenario((s) => (s.protocol = { maxHoldWeeks: 19 })))).not.toBe(scenarioHash(smallScenario()));
    expect(scenarioHash(smallScenario((s) => (s.areas[1]!.demand.publicPerWeek = 4.01)))).not.toBe(scenarioHash(smallScenario()));
  });
});
