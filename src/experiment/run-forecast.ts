import type { ReplicationResult, Scenario } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import type { Forecast } from "./forecast.js";
import { ForecastBuilder } from "./forecast-builder.js";
import { isPrecise, nextBatch, type PrecisionRule } from "./precision.js";
import { runReplications, type RunPlan } from "./run-replications.js";

/** What the forecast yields while it runs: progress, then the forecast. */
export type ForecastEvent = { readonly kind: "progress"; readonly done: number; readonly total: number } | { readonly kind: "done"; readonly forecast: Forecast };

/**
 * Runs the replications and folds them into a Forecast, yielding progress after each one.
 * With a precision rule, `plan.replications` is the first batch and more batches follow until
 * the rule is met or its cap is reached; the replications are the same ones a fixed run of that
 * size would use, so the result is too. `observe` sees each replication's result before it is folded away.
 */
export async function* forecast(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, precision?: PrecisionRule, observe?: (r: ReplicationResult) => void): AsyncGenerator<ForecastEvent> {
  const builder = new ForecastBuilder(scenario, plan, precision?.maxReplications ?? plan.replications);
  let batch = precision === undefined ? plan.replications : Math.min(plan.replications, precision.maxReplications);
  while (batch > 0) {
    const total = builder.replications + batch;
    for await (const r of runReplications(scenario, { ...plan, replications: batch, first: builder.replications }, executor)) {
      builder.add(r);
      observe?.(r);
      executor.recycle(r);
      yield { kind: "progress", done: builder.replications, total };
    }
    batch = precision === undefined || isPrecise([builder], precision) ? 0 : nextBatch([builder], precision);
  }
  yield { kind: "done", forecast: builder.build() };
}

/** Runs a forecast to the end, ignoring progress. */
export async function runForecast(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, precision?: PrecisionRule): Promise<Forecast> {
  for await (const event of forecast(scenario, plan, executor, precision)) if (event.kind === "done") return event.forecast;
  throw new Error("forecast ended without a result");
}
