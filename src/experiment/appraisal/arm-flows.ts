import { PLUS_METRICS, plusIndex, plusOffset, type ReplicationResult, type ResultShape } from "../../model/index.js";

/** What an appraisal needs from one replication of one arm: national weekly pathway flows, and areas going live. */
export interface ArmFlows {
  readonly weeks: number;
  /** weeks × PLUS_METRICS, national row only. */
  readonly national: Float64Array;
  /** Areas whose Cafcass Plus service is live for the first time in each week (each pays its set-up then). */
  readonly goLive: Float64Array;
  /** The replication's national scalar metrics (SCALAR_METRICS order), for the capacity effects. */
  readonly scalars: Float64Array;
}

/** Extracts an arm's flows from a replication result (which can then be recycled). */
export function armFlows(result: ReplicationResult, shape: ResultShape): ArmFlows {
  const rows = shape.areas.length, k = PLUS_METRICS.length, live = plusIndex("plus_live");
  const national = new Float64Array(shape.weeks * k), goLive = new Float64Array(shape.weeks);
  for (let w = 0; w < shape.weeks; w++) {
    national.set(result.plus.subarray(plusOffset(shape, w, rows, 0), plusOffset(shape, w, rows, 0) + k), w * k);
    for (let a = 0; a < rows; a++) {
      const now = result.plus[plusOffset(shape, w, a, live)]!;
      const before = w === 0 ? 0 : result.plus[plusOffset(shape, w - 1, a, live)]!;
      if (now > 0 && before === 0) goLive[w] = goLive[w]! + 1;
    }
  }
  const width = result.scalars.length / (rows + 1);
  return { weeks: shape.weeks, national, goLive, scalars: result.scalars.slice(rows * width, (rows + 1) * width) };
}

/** One national pathway metric's weekly series from an arm's flows. */
export function flowSeries(flows: ArmFlows, metric: (typeof PLUS_METRICS)[number]): Float64Array {
  const k = PLUS_METRICS.length, m = plusIndex(metric);
  return Float64Array.from({ length: flows.weeks }, (_, w) => flows.national[w * k + m]!);
}
