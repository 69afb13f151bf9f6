import { PLUS_METRICS, resultShape, SCALAR_METRICS, scalarOffset, TRANSITION_FIELDS, warmupWeeksOf, WEEKLY_METRICS, type ReplicationResult, type ScalarMetric, type Scenario } from "../model/index.js";
import type { Forecast } from "./forecast.js";
import type { RunPlan } from "./run-replications.js";
import { plusTotals } from "./plus-summary.js";
import { relativeHalfWidth } from "./statistics/index.js";
import { WeeklyBands } from "./weekly-bands.js";

/**
 * Folds replication results, in replication order, into a Forecast; can be asked at any point
 * how precise a national measure already is, so a run can decide to add replications.
 */
export class ForecastBuilder {
  private readonly bands: WeeklyBands;
  private readonly rows: number;
  private scalars: Float64Array;
  private plus: Float64Array;
  private count = 0;
  private checks = 0;
  private transitions = 0;
  private readonly transitionRecords: number[] = [];

  /** `expected` sizes the stores: the planned replications, or the most a precision rule allows. */
  constructor(private readonly scenario: Scenario, private readonly plan: Pick<RunPlan, "seed" | "posterior">, expected: number) {
    const shape = resultShape(scenario);
    this.rows = shape.areas.length + 1;
    this.bands = new WeeklyBands(shape.weeks * this.rows * WEEKLY_METRICS.length, expected);
    this.scalars = new Float64Array(Math.min(expected, 1024) * this.rows * SCALAR_METRICS.length);
    this.plus = new Float64Array(Math.min(expected, 1024) * this.rows * PLUS_METRICS.length);
  }

  /** Replications folded in so far. */
  get replications(): number {
    return this.count;
  }

  /** Adds the next replication's result. */
  add(r: ReplicationResult): void {
    const width = this.rows * SCALAR_METRICS.length;
    if ((this.count + 1) * width > this.scalars.length) {
      const grown = new Float64Array(this.scalars.length * 2);
      grown.set(this.scalars);
      this.scalars = grown;
      const grownPlus = new Float64Array(this.plus.length * 2);
      grownPlus.set(this.plus);
      this.plus = grownPlus;
    }
    this.bands.add(r.weekly);
    this.scalars.set(r.scalars, this.count * width);
    this.plus.set(plusTotals(r.plus, resultShape(this.scenario)), this.count * this.rows * PLUS_METRICS.length);
    this.checks += r.conservationChecks;
    this.transitions += r.transitions.length / TRANSITION_FIELDS.length;
    for (let i = 0; i < r.transitions.length; i += TRANSITION_FIELDS.length) {
      this.transitionRecords.push(r.replication, ...r.transitions.subarray(i, i + TRANSITION_FIELDS.length));
    }
    this.count++;
  }

  /** 95% CI half-width of a national measure relative to its mean, so far (see `relativeHalfWidth`). */
  relativeHalfWidth(metric: ScalarMetric): number {
    const k = SCALAR_METRICS.indexOf(metric), width = this.rows * SCALAR_METRICS.length;
    return relativeHalfWidth(Array.from({ length: this.count }, (_, r) => this.scalars[r * width + scalarOffset(this.rows - 1, k)]!));
  }

  /** The forecast of the replications folded in so far. */
  build(): Forecast {
    return {
      scenario: this.scenario, shape: resultShape(this.scenario), plan: { replications: this.count, seed: this.plan.seed, ...(this.plan.posterior === undefined ? {} : { posterior: this.plan.posterior }) },
      warmupWeeks: warmupWeeksOf(this.scenario), bands: this.bands.quantiles(),
      scalars: this.scalars.slice(0, this.count * this.rows * SCALAR_METRICS.length),
      plus: this.plus.slice(0, this.count * this.rows * PLUS_METRICS.length),
      bandContent: this.plan.posterior === undefined ? "simulation-noise" : "simulation-and-parameter", conservationChecks: this.checks, protocolTransitions: this.transitions, transitions: Float64Array.from(this.transitionRecords),
    };
  }
}
