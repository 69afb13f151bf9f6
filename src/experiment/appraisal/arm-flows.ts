import { INTERVENTION_METRICS, interventionIndex, interventionOffset, interventionWeeks, type InterventionMetric, type ReplicationResult, type ResultShape } from "../../model/index.js";

/** What an appraisal needs from one replication of one arm: each appraised intervention's national weekly flows, and the national scalars. */
export interface ArmFlows {
  /** Weeks of flows: the horizon, then the run-off after it. */
  readonly weeks: number;
  readonly horizonWeeks: number;
  /** Per appraised intervention, weeks × INTERVENTION_METRICS. */
  readonly flows: readonly Float64Array[];
  /** The replication's national scalar metrics (SCALAR_METRICS order), for the capacity effects. */
  readonly scalars: Float64Array;
}

/** Extracts an arm's flows for the interventions at `slots` of the result (which can then be recycled). */
export function armFlows(result: ReplicationResult, shape: ResultShape, slots: readonly number[]): ArmFlows {
  const rows = shape.areas.length, weeks = interventionWeeks(shape), k = INTERVENTION_METRICS.length;
  const flows = slots.map((i) => result.interventions.slice(interventionOffset(shape, i, 0, 0), interventionOffset(shape, i, 0, 0) + weeks * k));
  const width = result.scalars.length / (rows + 1);
  return { weeks, horizonWeeks: shape.weeks, flows, scalars: result.scalars.slice(rows * width, (rows + 1) * width) };
}

/** One metric's weekly series summed over an arm's interventions. */
export function flowSeries(flows: ArmFlows, metric: InterventionMetric): Float64Array {
  const k = INTERVENTION_METRICS.length, m = interventionIndex(metric);
  return Float64Array.from({ length: flows.weeks }, (_, w) => flows.flows.reduce((t, f) => t + f[w * k + m]!, 0));
}
