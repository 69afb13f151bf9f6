import { ForecastBuilder, type Forecast } from "../../src/experiment/index.js";
import {
  plusLength, resultShape, SCALAR_METRICS, scalarOffset, scalarIndex, WEEKLY_METRICS, weeklyIndex, weeklyOffset,
  type ReplicationResult, type ScalarMetric, type Scenario, type WeeklyMetric,
} from "../../src/model/index.js";

/** One replication built by hand: weekly values, per-row scalars and protocol transitions. */
export interface SyntheticReplication {
  /** A weekly metric's value in week (0-based) and row (areas, then England); 0 when absent. */
  readonly weekly?: (metric: WeeklyMetric, week: number, row: number) => number;
  /** A scalar metric per row (areas, then England); 0 when absent. */
  readonly scalars?: Partial<Record<ScalarMetric, readonly number[]>>;
  /** Transitions as the model records them: week (0-based), area, from, to (state indices), awaiting, hub, unallocated weeks, caseload, share over cap, open ratio. */
  readonly transitions?: readonly (readonly number[])[];
}

/** A Forecast folded by the real ForecastBuilder from replications built by hand, so reports can be checked to the digit. */
export function syntheticForecast(scenario: Scenario, replications: readonly SyntheticReplication[]): Forecast {
  const shape = resultShape(scenario), rows = shape.areas.length + 1;
  const builder = new ForecastBuilder(scenario, { seed: 1 }, replications.length);
  replications.forEach((r, replication) => {
    const weekly = new Float64Array(shape.weeks * rows * WEEKLY_METRICS.length);
    for (let w = 0; w < shape.weeks; w++) for (let row = 0; row < rows; row++) for (const m of WEEKLY_METRICS) weekly[weeklyOffset(shape, w, row, weeklyIndex(m))] = r.weekly?.(m, w, row) ?? 0;
    const scalars = new Float64Array(rows * SCALAR_METRICS.length);
    for (const [m, values] of Object.entries(r.scalars ?? {})) values.forEach((v, row) => (scalars[scalarOffset(row, scalarIndex(m as ScalarMetric))] = v));
    const result: ReplicationResult = {
      replication, weekly, scalars, plus: new Float64Array(plusLength(shape)), interventions: new Float64Array(0), conservationChecks: shape.weeks * shape.areas.length,
      transitions: Float64Array.from((r.transitions ?? []).flat()), events: 0, reviews: 0, kernelEvents: 0,
    };
    builder.add(result);
  });
  return builder.build();
}
