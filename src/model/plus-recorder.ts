import type { ResultShape } from "./metrics.js";
import { plusLength, plusOffset, PLUS_METRICS, type PlusMetric } from "./plus-metrics.js";
import { interventionIndex, RUNOFF_WEEKS, type InterventionMetric } from "./intervention-metrics.js";
import type { InterventionRecorder } from "./intervention-recorder.js";

/** Where each pathway metric goes among the intervention metrics (-1: live marks, counted by the intervention recorder itself). */
const AS_INTERVENTION: Record<PlusMetric, InterventionMetric | null> = {
  cohort_referrals: "eligible", plus_cases_started: "served", plus_fca_hours: "fca_hours", cohort_diverted: "diverted",
  cohort_proceedings: "proceedings", proceedings_case_weeks: "case_weeks", expert_reports: "expert_reports",
  guardian_hours: "guardian_hours", placement_weeks: "placement_weeks", plus_live: null,
};
const MIRROR = PLUS_METRICS.map((m) => (AS_INTERVENTION[m] === null ? -1 : interventionIndex(AS_INTERVENTION[m])));

/**
 * Writes the Cafcass Plus flows of one replication into its `plus` array, per area and into the
 * national row. Only reporting weeks are kept: days in the warm-up or past the horizon are dropped.
 * With a `mirror`, national flows also go to intervention 0 there, run-off weeks included.
 */
export class PlusRecorder {
  readonly plus: Float64Array;
  private readonly national: number;

  constructor(private readonly shape: ResultShape, private readonly warmupWeeks: number, private readonly mirror?: InterventionRecorder) {
    this.plus = new Float64Array(plusLength(shape));
    this.national = shape.areas.length;
  }

  /** Adds `value` of `metric` to the week holding simulated day `day`. */
  add(day: number, area: number, metric: number, value: number): void {
    const week = Math.floor(day / 7) - this.warmupWeeks;
    if (week < 0) return;
    if (week < this.shape.weeks) {
      this.plus[plusOffset(this.shape, week, area, metric)]! += value;
      this.plus[plusOffset(this.shape, week, this.national, metric)]! += value;
    }
    if (this.mirror !== undefined && MIRROR[metric]! >= 0) this.mirror.add(0, day, MIRROR[metric]!, value);
  }

  /** Adds `value` of an intervention metric that has no pathway metric (Cafcass Plus's intervention flows only). */
  addFlow(day: number, metric: number, value: number): void {
    this.mirror?.add(0, day, metric, value);
  }

  /** Spreads `total` of an intervention metric that has no pathway metric over simulated days [from, to). */
  spreadFlow(from: number, to: number, metric: number, total: number): void {
    this.mirror?.spread(0, from, to, metric, total);
  }

  /** Spreads `total` of `metric` evenly over simulated days [from, to). */
  spread(from: number, to: number, area: number, metric: number, total: number): void {
    if (!(to > from) || total === 0) return;
    const rate = total / (to - from);
    const first = Math.max(Math.floor(from / 7), this.warmupWeeks);
    const last = Math.min(Math.ceil(to / 7), this.warmupWeeks + this.shape.weeks + (this.mirror === undefined ? 0 : RUNOFF_WEEKS));
    for (let k = first; k < last; k++) {
      const overlap = Math.min(to, (k + 1) * 7) - Math.max(from, k * 7);
      if (overlap > 0) this.add(k * 7, area, metric, overlap * rate);
    }
  }

  /** Marks every reporting week that ends after an area's go-live day as live. */
  live(liveFrom: Float64Array, metric: number): void {
    liveFrom.forEach((from, area) => {
      for (let w = 0; w < this.shape.weeks; w++) {
        if ((w + this.warmupWeeks + 1) * 7 > from) this.add((w + this.warmupWeeks) * 7, area, metric, 1);
      }
    });
  }
}
