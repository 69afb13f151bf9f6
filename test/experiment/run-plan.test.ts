import { describe, expect, it } from "vitest";
import { runPlan, withHorizon } from "../../src/experiment/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("runPlan (the one place a run plan is built)", () => {
  const scenario = smallScenario();

  it("takes the scenario's replications and seed when the caller chooses none", () => {
    expect(runPlan(scenario)).toEqual({ replications: scenario.run.replications, seed: scenario.run.seed });
  });

  it("puts the caller's choices over the scenario's, leaving out what is undefined", () => {
    expect(runPlan(scenario, { replications: 7, seed: 3, first: 2, posterior: undefined })).toEqual({ replications: 7, seed: 3, first: 2 });
  });

  it("changes the horizon only when weeks are given", () => {
    expect(withHorizon(scenario, undefined)).toBe(scenario);
    expect(withHorizon(scenario, 10).horizonWeeks).toBe(10);
  });
});
