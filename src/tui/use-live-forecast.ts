import { useEffect, useState } from "react";
import type { LiveSnapshot, RunPlan } from "../experiment/index.js";
import { ReplicationCancelled, type Scenario } from "../model/index.js";

/** Runs a scenario and yields snapshots until it is done or the signal aborts (the CLI runs it on workers). */
export type ForecastRunner = (scenario: Scenario, plan: RunPlan, signal: AbortSignal) => AsyncIterable<LiveSnapshot>;

/** The forecast on screen and how its run is going. */
export interface RunState {
  /** The latest snapshot; while a new run starts, the previous scenario's (then `stale`). */
  readonly snapshot: LiveSnapshot | undefined;
  readonly stale: boolean;
  readonly running: boolean;
  readonly error: string | undefined;
  /** Seconds from the start of the run to its latest snapshot. */
  readonly seconds: number;
}

const FRAME_MS = 100;

/** Finished forecasts by scenario, so going back to an earlier setting shows it at once. */
export type ForecastCache = Map<string, LiveSnapshot>;

/** A scenario's cache key. */
export const scenarioKey = (s: Scenario): string => JSON.stringify(s);

/**
 * Keeps a live forecast of `scenario`: each new scenario cancels the run in flight and starts
 * another, whose snapshots replace the old forecast as they stream in.
 */
export function useLiveForecast(runner: ForecastRunner, scenario: Scenario, clock: () => number, cache: ForecastCache): RunState {
  const [state, setState] = useState<RunState>({ snapshot: undefined, stale: false, running: true, error: undefined, seconds: 0 });
  useEffect(() => {
    const cached = cache.get(scenarioKey(scenario));
    if (cached !== undefined) {
      setState({ snapshot: cached, stale: false, running: false, error: undefined, seconds: 0 });
      return;
    }
    const controller = new AbortController(), started = clock();
    setState((s) => ({ ...s, stale: s.snapshot !== undefined, running: true, error: undefined, seconds: 0 }));
    void (async () => {
      try {
        for await (const snapshot of runner(scenario, { replications: scenario.run.replications, seed: scenario.run.seed }, controller.signal)) {
          if (controller.signal.aborted) return;
          if (snapshot.done === snapshot.total) cache.set(scenarioKey(scenario), snapshot);
          setState({ snapshot, stale: false, running: snapshot.done < snapshot.total, error: undefined, seconds: (clock() - started) / 1000 });
          // Drawing a frame costs the main thread; pausing between snapshots keeps keys answered
          // (the run goes on in the workers, and the next snapshot is the latest state).
          if (snapshot.done < snapshot.total) await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
        }
      } catch (error) {
        if (controller.signal.aborted || error instanceof ReplicationCancelled) return;
        setState((s) => ({ ...s, running: false, error: error instanceof Error ? error.message : String(error) }));
      }
    })();
    return () => controller.abort();
  }, [runner, scenario, clock, cache]);
  return state;
}
