import { mean } from "d3-array";
import { SCALAR_METRICS, type ScalarMetric } from "../../model/index.js";
import { meanConfidenceInterval } from "../statistics/index.js";
import type { ArmFlows } from "./arm-flows.js";

/** The national capacity measures an appraisal reports for both arms, in order. */
export const CAPACITY_METRICS = [
  "hub_backlog_end", "peak_hub_backlog", "hub_wait_mean_weeks", "avg_caseload", "fca_weeks_over_cap",
  "allocation_wait_mean_weeks", "waited_over_12_weeks", "awaiting_end",
  "public_over_26_weeks_pct", "public_duration_mean_weeks", "children_public_mean",
] as const satisfies readonly ScalarMetric[];
export type CapacityMetric = (typeof CAPACITY_METRICS)[number];

/** One capacity measure: each arm's mean and the paired difference (roll-out − do-nothing) with its 95% CI. */
export interface CapacityEffect {
  readonly metric: CapacityMetric;
  readonly doNothing: number;
  readonly rollOut: number;
  readonly difference: { readonly mean: number; readonly lower: number; readonly upper: number; readonly pairs: number };
}

/** Capacity effects from the arms' replications, paired by index (pairs where either value is undefined are left out). */
export function capacityEffects(doNothing: readonly ArmFlows[], rollOut: readonly ArmFlows[]): CapacityEffect[] {
  return CAPACITY_METRICS.map((metric) => {
    const k = SCALAR_METRICS.indexOf(metric);
    const a = doNothing.map((f) => f.scalars[k]!), b = rollOut.map((f) => f.scalars[k]!);
    const diffs = b.map((v, r) => v - a[r]!).filter((d) => !Number.isNaN(d));
    const ci = meanConfidenceInterval(diffs);
    const meanOf = (xs: number[]): number => mean(xs.filter((x) => !Number.isNaN(x))) ?? NaN;
    return { metric, doNothing: meanOf(a), rollOut: meanOf(b), difference: { mean: ci.mean, lower: ci.lower, upper: ci.upper, pairs: diffs.length } };
  });
}
