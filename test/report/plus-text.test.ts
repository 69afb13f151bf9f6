import { describe, expect, it } from "vitest";
import { forecastSummary, inProcessExecutor, runForecast } from "../../src/experiment/index.js";
import { forecastText } from "../../src/report/index.js";
import { plusScenario } from "../helpers/plus-scenario.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("Cafcass Plus in the run text", () => {
  it("adds a Cafcass Plus table with each live area and England when the cohort is modelled", async () => {
    const s = forecastSummary(await runForecast(plusScenario((p) => (p.rollout = { areas: [] })), { replications: 2, seed: 1 }, inProcessExecutor()));
    expect(s.plus?.rows.map((r) => r.name)).toEqual(["North", "England"]);
    expect(s.plus?.rows[0]!.liveWeeks).toBe(104);
    const text = forecastText(s);
    expect(text).toMatch(/Cafcass Plus +live wks +Plus cases +FCA hours +cohort decided +diverted %/);
    expect(text).toContain("referred + Plus under way =");
    expect(text).toContain("Diverted %: median and 90% band across replications, holding simulation noise only (fixed parameters).");
  });

  it("leaves runs without Plus as they were", async () => {
    const s = forecastSummary(await runForecast(smallScenario(), { replications: 2, seed: 1 }, inProcessExecutor()));
    expect(s.plus).toBeUndefined();
    expect(forecastText(s)).not.toContain("Cafcass Plus");
  });
});
