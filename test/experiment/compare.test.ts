import { describe, expect, it } from "vitest";
import { compareForecasts, compareScenarios, inProcessExecutor, meanConfidenceInterval, nationalValues, runForecast } from "../../src/experiment/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("compare on common random numbers", () => {
  const base = smallScenario((s) => (s.horizonWeeks = 52));
  const more = smallScenario((s) => {
    s.horizonWeeks = 52;
    s.areas[0]!.fca.longTermFte = 33;
  });
  const plan = { replications: 10, seed: 4 };

  it("gives paired CIs narrower than independent streams on the same pair", async () => {
    const a = await runForecast(base, plan, inProcessExecutor());
    const bCrn = await runForecast(more, plan, inProcessExecutor());
    const bIndependent = await runForecast(more, { ...plan, seed: 99 }, inProcessExecutor());
    const x = nationalValues(a, "fca_weeks_over_cap");
    const paired = meanConfidenceInterval(nationalValues(bCrn, "fca_weeks_over_cap").map((v, r) => v - x[r]!));
    const independent = meanConfidenceInterval(nationalValues(bIndependent, "fca_weeks_over_cap").map((v, r) => v - x[r]!));
    expect(paired.halfWidth).toBeLessThan(independent.halfWidth);
    expect(paired.upper).toBeLessThan(0); // more FCAs: fewer FCA-weeks over cap, and CRN can tell
  });

  it("reports each scenario's mean and flags differences whose CI excludes zero", async () => {
    const c = await compareScenarios([base, more, base], plan, inProcessExecutor());
    expect(c.scenarios).toEqual(["small", "small", "small"]);
    const overCap = c.rows.find((r) => r.metric === "fca_weeks_over_cap")!;
    expect(overCap.cells[1]!.difference!.significant).toBe(true);
    // The same scenario against itself on CRN: every difference is exactly zero.
    for (const row of c.rows) {
      const d = row.cells[2]!.difference!;
      if (d.pairs > 0) expect([d.mean, d.lower, d.upper, d.significant]).toEqual([0, 0, 0, false]);
    }
  });

  it("leaves out pairs where a measure is undefined (no hub exits)", async () => {
    const off = smallScenario((s) => {
      s.horizonWeeks = 52;
      s.protocol = { enabled: false };
    });
    const c = compareForecasts([await runForecast(base, plan, inProcessExecutor()), await runForecast(off, plan, inProcessExecutor())]);
    const wait = c.rows.find((r) => r.metric === "hub_wait_mean_weeks")!;
    expect(wait.cells[1]!.difference!.pairs).toBe(0);
    expect(Number.isNaN(wait.cells[1]!.mean)).toBe(true);
  });
});
