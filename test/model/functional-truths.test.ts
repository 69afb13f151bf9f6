import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { runReplication, SCALAR_METRICS, scalarOffset, type ScalarMetric, type Scenario } from "../../src/model/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

const REPS = 12;
const NORTH = 0, NATIONAL = 2;

/** A scalar metric for one row in each of REPS replications (seed 7, so pairs share random numbers). */
function metric(scenario: Scenario, row: number, name: ScalarMetric): number[] {
  return Array.from({ length: REPS }, (_, r) => runReplication(scenario, 7, r).scalars[scalarOffset(row, SCALAR_METRICS.indexOf(name))]!);
}

/** Asserts the paired differences b − a have a 95% CI wholly above zero. */
function expectIncrease(a: readonly number[], b: readonly number[]): void {
  const ci = meanConfidenceInterval(b.map((x, i) => x - a[i]!));
  expect(ci.lower, `difference ${ci.mean} ± ${ci.halfWidth}`).toBeGreaterThan(0);
}

describe("functional truths of the model", () => {
  const base = smallScenario();

  it("opens a hub in the overloaded area of the small scenario (so the truths below test something)", () => {
    expect(Math.min(...metric(base, NORTH, "protocol_weeks_active"))).toBeGreaterThan(0);
  });

  it("more FCAs → shorter hub waits and fewer forced allocations", () => {
    const more = smallScenario((s) => (s.areas[0]!.fca.longTermFte = 34));
    expectIncrease(metric(more, NORTH, "hub_wait_mean_weeks").map((x) => x || 0), metric(base, NORTH, "hub_wait_mean_weeks").map((x) => x || 0));
    expectIncrease(metric(more, NORTH, "forced_allocations"), metric(base, NORTH, "forced_allocations"));
  });

  it("higher demand → more protocol weeks", () => {
    const busier = smallScenario((s) => (s.national = { demand: { multiplier: 1.4 } }));
    expectIncrease(metric(base, NATIONAL, "protocol_weeks_active"), metric(busier, NATIONAL, "protocol_weeks_active"));
  });

  it("protocol off → no hub at all, and higher caseloads", () => {
    const off = smallScenario((s) => (s.protocol = { enabled: false }));
    expect(metric(off, NATIONAL, "peak_hub_backlog").every((x) => x === 0)).toBe(true);
    expect(metric(off, NATIONAL, "protocol_weeks_active").every((x) => x === 0)).toBe(true);
    expectIncrease(metric(base, NORTH, "avg_caseload"), metric(off, NORTH, "avg_caseload"));
  });

  it("same seed → identical output; another seed → different output", () => {
    const a = runReplication(base, 3, 1), b = runReplication(base, 3, 1), c = runReplication(base, 4, 1);
    expect(b.weekly).toEqual(a.weekly);
    expect(b.scalars).toEqual(a.scalars);
    expect(c.weekly).not.toEqual(a.weekly);
  });

  it("checks case conservation every week in every area", () => {
    const r = runReplication(base, 1, 0);
    expect(r.conservationChecks).toBe((52 + 104) * 2);
  });
});
