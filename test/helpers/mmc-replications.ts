import { expect } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { simulateMmc, type MmcResult, type MmcSpec } from "../../src/kernel/queueing/index.js";

/** Runs `reps` seeded replications of one queue. */
export function replicateMmc(spec: Omit<MmcSpec, "replication">, reps: number): MmcResult[] {
  return Array.from({ length: reps }, (_, replication) => simulateMmc({ ...spec, replication }));
}

/**
 * Asserts the 99% confidence interval over replications covers the analytic value AND is
 * narrower than ±2.5% of it, so a 5% error in the simulated mean would fail the test.
 */
export function expectCovers(perReplication: readonly number[], analytic: number): void {
  const ci = meanConfidenceInterval(perReplication, 0.99);
  const label = `simulated ${ci.mean} ± ${ci.halfWidth} vs analytic ${analytic}`;
  expect(ci.halfWidth / analytic, `CI too wide: ${label}`).toBeLessThanOrEqual(0.025);
  expect(Math.abs(ci.mean - analytic), label).toBeLessThanOrEqual(ci.halfWidth);
}
