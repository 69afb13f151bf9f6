import { useEffect, useRef, useState } from "react";
import { ReplicationCancelled } from "../model/index.js";

/** What every stream of results reports: replications done of the total. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** The latest result on screen and how its run is going. */
export interface RunState<T> {
  /** The latest snapshot; while a new run starts, the previous one's (then `stale`). */
  readonly snapshot: T | undefined;
  readonly stale: boolean;
  readonly running: boolean;
  readonly error: string | undefined;
  /** Seconds from the start of the run to its latest snapshot. */
  readonly seconds: number;
}

const FRAME_MS = 100;

/** Finished runs kept per cache: a baseline forecast is about 2.4 MB. */
const CACHE_SIZE = 24;

/** Looks a finished run up, marking it recently used (so the scenario on screen is never evicted). */
export function cached<T>(cache: Map<string, T>, key: string): T | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * Keeps a live run of whatever `key` names: a new key cancels the run in flight and starts
 * `start` again, whose snapshots replace the old ones as they stream in. The most recent finished
 * runs are kept in `cache` by key, so going back to an earlier setting shows it at once. No key, no run.
 */
export function useLiveRun<T extends Progress>(start: (signal: AbortSignal) => AsyncIterable<T>, key: string | undefined, clock: () => number, cache: Map<string, T>): RunState<T> {
  // The state says which key it is for: in the frame drawn between a new key and its effect, the old run's snapshot is stale.
  const [state, setState] = useState<RunState<T> & { readonly key: string | undefined }>({ key, snapshot: undefined, stale: false, running: key !== undefined, error: undefined, seconds: 0 });
  const latest = useRef(start);
  latest.current = start;
  useEffect(() => {
    if (key === undefined) {
      setState({ key, snapshot: undefined, stale: false, running: false, error: undefined, seconds: 0 });
      return;
    }
    const hit = cached(cache, key);
    if (hit !== undefined) {
      setState({ key, snapshot: hit, stale: false, running: false, error: undefined, seconds: 0 });
      return;
    }
    const controller = new AbortController(), started = clock();
    setState((s) => ({ ...s, key, stale: s.snapshot !== undefined, running: true, error: undefined, seconds: 0 }));
    void (async () => {
      try {
        for await (const snapshot of latest.current(controller.signal)) {
          if (controller.signal.aborted) return;
          if (snapshot.done === snapshot.total) remember(cache, key, snapshot);
          setState({ key, snapshot, stale: false, running: snapshot.done < snapshot.total, error: undefined, seconds: (clock() - started) / 1000 });
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
  }, [key, clock, cache]);
  return state.key === key ? state : { ...state, stale: state.snapshot !== undefined, running: key !== undefined };
}
