import { resultShape, warmupWeeksOf, WEEKLY_METRICS, type ReplicationResult, type Scenario } from "../model/index.js";
import type { ReplicationExecutor, RunWatch } from "./executor.js";
import type { Forecast } from "./forecast.js";
import { ForecastBuilder } from "./forecast-builder.js";
import { OrderedRuns } from "./ordered-runs.js";
import type { RunPlan } from "./run-replications.js";
import { posteriorScenarios } from "./calibration/posterior.js";
import { BAND_QUANTILES } from "./weekly-bands.js";

/** A run in flight as the TUI sees it. */
export interface LiveSnapshot {
  /** The replications done so far; before the first is done, the first one's weeks so far. */
  readonly forecast: Forecast;
  /** Replications done. */
  readonly done: number;
  readonly total: number;
  /** Weeks the forecast covers: the first replication's progress until it is done, then the horizon. */
  readonly weeks: number;
}

/**
 * Runs a forecast and yields a snapshot whenever there is something new to show: the first
 * replication's weeks while it runs (so a chart updates well before any replication is done),
 * then the forecast of every replication done so far, in replication order. Snapshots are built
 * when asked for, so a slow reader skips states rather than falling behind. Aborting the signal
 * (or leaving the loop) stops the replications in flight.
 */
export async function* liveForecast(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): AsyncGenerator<LiveSnapshot> {
  const total = plan.replications, builder = new ForecastBuilder(scenario, plan, total);
  const scenarioFor = plan.posterior === undefined ? () => scenario : posteriorScenarios(scenario, plan.posterior, plan.seed);
  let partial: { readonly weeks: number; readonly weekly: Float64Array } | undefined;
  const runs: OrderedRuns<ReplicationResult> = new OrderedRuns(0, total, { size: Math.max(1, executor.concurrency), counts: "running" }, (replication, inner) => {
    const watch: RunWatch = {
      signal: inner,
      onPartial: replication === 0 ? (weeks, weekly) => {
        partial = { weeks, weekly };
        runs.poke();
      } : undefined,
    };
    return executor.run({ scenario: scenarioFor(replication), seed: plan.seed, replication }, watch);
  }, signal);
  try {
    for (;;) {
      // Awaiting only when there is no news: an await lets in-process runs land, and the first partial must be shown first.
      if (!runs.news()) await runs.changed();
      if (runs.aborted) return;
      const before = builder.replications;
      for (let r = runs.take(); r !== undefined; r = runs.take()) {
        builder.add(r);
        executor.recycle(r);
      }
      const done = builder.replications;
      if (done > before) yield { forecast: builder.build(), done, total, weeks: scenario.horizonWeeks };
      else if (done === 0 && partial !== undefined) yield { forecast: partialForecast(scenario, plan, partial.weeks, partial.weekly), done, total, weeks: partial.weeks };
      if (done === total) return;
    }
  } finally {
    runs.close();
  }
}

/** A forecast drawn from one replication's first `weeks` weeks: every band is that value, later weeks NaN. */
export function partialForecast(scenario: Scenario, plan: RunPlan, weeks: number, weekly: Float64Array): Forecast {
  const shape = resultShape(scenario), q = BAND_QUANTILES.length;
  const cells = shape.weeks * (shape.areas.length + 1) * WEEKLY_METRICS.length;
  const filled = Math.min(cells, weeks * (shape.areas.length + 1) * WEEKLY_METRICS.length);
  const bands = new Float64Array(cells * q);
  for (let c = 0, at = 0; c < filled; c++) for (let i = 0; i < q; i++) bands[at++] = weekly[c]!;
  bands.fill(NaN, filled * q);
  return {
    scenario, shape, plan: { replications: 0, seed: plan.seed, ...(plan.posterior === undefined ? {} : { posterior: plan.posterior }) }, warmupWeeks: warmupWeeksOf(scenario), bands,
    scalars: new Float64Array(0), plus: new Float64Array(0), bandContent: plan.posterior === undefined ? "simulation-noise" : "simulation-and-parameter", conservationChecks: 0, protocolTransitions: 0, transitions: new Float64Array(0),
  };
}

