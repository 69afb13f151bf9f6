import { runPlan, type LiveSnapshot, type RunPlan } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { useLiveRun, type RunState } from "./use-live-run.js";

/** Runs a scenario and yields snapshots until it is done or the signal aborts (the CLI runs it on workers). */
export type ForecastRunner = (scenario: Scenario, plan: RunPlan, signal: AbortSignal) => AsyncIterable<LiveSnapshot>;

/** Finished forecasts by scenario, so going back to an earlier setting shows it at once. */
export type ForecastCache = Map<string, LiveSnapshot>;

const keys = new WeakMap<Scenario, string>();

/** A scenario's cache key (its JSON, worked out once per scenario object: every frame asks). */
export function scenarioKey(s: Scenario): string {
  let key = keys.get(s);
  if (key === undefined) keys.set(s, (key = JSON.stringify(s)));
  return key;
}

/** A live forecast of `scenario` (see `useLiveRun`). */
export function useLiveForecast(runner: ForecastRunner, scenario: Scenario, clock: () => number, cache: ForecastCache): RunState<LiveSnapshot> {
  return useLiveRun((signal) => runner(scenario, runPlan(scenario), signal), scenarioKey(scenario), clock, cache);
}
