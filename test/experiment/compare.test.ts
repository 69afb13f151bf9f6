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
    // FCA-weeks over cap is a count of FCAs at the cap, which more FCAs can raise; the average caseload falls.
    const x = nationalValues(a, "avg_caseload");
    const paired = meanConfidenceInterval(nationalValues(bCrn, "avg_caseload").map((v, r) => v - x[r]!));
    const independent = meanConfidenceInterval(nationalValues(bIndependent, "avg_caseload").map((v, r) => v - x[r]!));
    expect(paired.halfWidth).toBeLessThan(independent.halfWidth);
    expect(paired.upper).toBeLessThan(0); // more FCAs: lower caseloads, and CRN can tell
  });

  it("reports each scenario's mean and flags differences whose CI excludes zero", async () => {
    const c = await compareScenarios([base, more, base], plan, inProcessExecutor());
    expect(c.scenarios).toEqual(["small", "small", "small"]);
    const caseload = c.rows.find((r) => r.metric === "avg_caseload")!;
    expect(caseload.cells[1]!.difference!.significant).toBe(true);
    expect(c.rows.find((r) => r.metric === "allocation_wait_mean_weeks")!.cells[1]!.difference!.upper).toBeLessThan(0); // and less waiting for allocation
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

describe("precision-driven replications", () => {
  const scenario = smallScenario((s) => (s.horizonWeeks = 52));

  it("adds replications until the CI half-width is within the target, and equals a fixed run of that size", async () => {
    const rule = { target: 0.03, metrics: ["fca_weeks_over_cap"] as const, maxReplications: 200 };
    const f = await runForecast(scenario, { replications: 4, seed: 3 }, inProcessExecutor(), { ...rule, metrics: [...rule.metrics] });
    const n = f.plan.replications;
    expect(n).toBeGreaterThan(4);
    expect(n).toBeLessThan(200);
    const ci = meanConfidenceInterval(nationalValues(f, "fca_weeks_over_cap"));
    expect(ci.halfWidth / ci.mean).toBeLessThanOrEqual(0.03);
    const fixed = await runForecast(scenario, { replications: n, seed: 3 }, inProcessExecutor());
    expect(fixed.scalars).toEqual(f.scalars);
    expect(fixed.bands).toEqual(f.bands);
  });

  it("stops at the cap when the target cannot be met", async () => {
    const f = await runForecast(scenario, { replications: 3, seed: 3 }, inProcessExecutor(), { target: 1e-6, metrics: ["fca_weeks_over_cap"], maxReplications: 9 });
    expect(f.plan.replications).toBe(9);
  });
});
