import { SCALAR_METRICS, scalarOffset, type ScalarMetric } from "../model/index.js";
import type { Forecast } from "./forecast.js";

/** One national scalar per replication (NaN where the measure is undefined, e.g. no hub exits). */
export function nationalValues(f: Forecast, metric: ScalarMetric): number[] {
  const rows = f.shape.areas.length + 1, k = SCALAR_METRICS.indexOf(metric);
  return Array.from({ length: f.plan.replications }, (_, r) => f.scalars[r * rows * SCALAR_METRICS.length + scalarOffset(rows - 1, k)]!);
}
