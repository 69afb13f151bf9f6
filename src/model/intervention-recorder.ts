import type { ResultShape } from "./metrics.js";
import { INTERVENTION_METRICS, interventionIndex, interventionOffset, interventionWeeks } from "./intervention-metrics.js";

const LIVE = interventionIndex("live_areas"), GO_LIVE = interventionIndex("go_live");

/**
 * Writes the national flows of every declared intervention of one replication, over the horizon
 * and the run-off after it. Each flow is cut at week boundaries, so a case straddling the horizon
 * is counted once: its part before the horizon in horizon weeks, the rest in run-off weeks.
 */
export class InterventionRecorder {
  readonly flows: Float64Array;
  private readonly weeks: number;

  constructor(private readonly shape: ResultShape, private readonly warmupWeeks: number, count: number) {
    this.weeks = interventionWeeks(shape);
    this.flows = new Float64Array(count * this.weeks * INTERVENTION_METRICS.length);
  }

  /** Adds `value` of `metric` to the week holding simulated day `day`. */
  add(intervention: number, day: number, metric: number, value: number): void {
    const week = Math.floor(day / 7) - this.warmupWeeks;
    if (week < 0 || week >= this.weeks) return;
    this.flows[interventionOffset(this.shape, intervention, week, metric)]! += value;
  }

  /** Spreads `total` of `metric` evenly over simulated days [from, to). */
  spread(intervention: number, from: number, to: number, metric: number, total: number): void {
    if (!(to > from) || total === 0) return;
    const rate = total / (to - from);
    const first = Math.max(Math.floor(from / 7), this.warmupWeeks);
    const last = Math.min(Math.ceil(to / 7), this.warmupWeeks + this.weeks);
    for (let k = first; k < last; k++) {
      const overlap = Math.min(to, (k + 1) * 7) - Math.max(from, k * 7);
      if (overlap > 0) this.add(intervention, k * 7, metric, overlap * rate);
    }
  }

  /** Counts live areas in each horizon week and each area's first live week as its go-live. */
  live(intervention: number, liveFrom: Float64Array): void {
    for (const from of liveFrom) {
      let first = true;
      for (let w = 0; w < this.shape.weeks; w++) {
        if ((w + this.warmupWeeks + 1) * 7 <= from) continue;
        this.flows[interventionOffset(this.shape, intervention, w, LIVE)]! += 1;
        if (first) this.flows[interventionOffset(this.shape, intervention, w, GO_LIVE)]! += 1;
        first = false;
      }
    }
  }
}
